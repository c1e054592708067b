// Editing methods behind the views: bulk changes and their undo, entity links, links and evidence, extraction
// suggestions under review, saved searches, collections. Every write is one durable archive transaction.
import { z } from 'zod';
import { method } from './define';
import { MAX_CLAIMS_PER_REQUEST, MAX_NOTE_CHARS, MAX_QUOTE_CHARS, MAX_STATEMENT_CHARS } from '../../../shared/limits';
import {
  Id,
  BulkChange,
  ClaimLinkType,
  CollectionName,
  DeletedCollection,
  ClaimQuery,
  ClaimWorkflowState,
  EntityRole,
  EntityTarget,
  NewEvidence,
  SuggestionDecision,
  SuggestionEdits,
  SuggestionState,
  type Claim,
  type ClaimDraft,
  type Faithfulness,
  type ClaimEntity,
  type ClaimLink,
  type Collection,
  type EntityLinkResult,
  type Evidence,
  type EvidenceView,
  type LinkedClaim,
  type ReviewQueue,
  type SavedSearch,
  type Suggestion,
  type TextSpan,
} from '../../../shared/domain';

const Note = z.string().max(MAX_NOTE_CHARS);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date');
const ClaimIds = z.array(Id).min(1, 'select at least one claim').max(MAX_CLAIMS_PER_REQUEST);
const ArticleIds = z.array(Id).min(1, 'choose at least one article').max(MAX_CLAIMS_PER_REQUEST);

export const editingContract = {
  /** Applies one change to many claims, all or nothing; returns what each claim was, for undo. */
  'claims.bulkUpdate': method<{ updated: number; before: ClaimWorkflowState[] }>()(z.tuple([ClaimIds, BulkChange])),
  /** Puts claims back to earlier states (undo of a bulk change); the note is recorded on verdict changes. */
  'claims.bulkRevert': method<{ updated: number }>()(
    z.tuple([z.array(ClaimWorkflowState).min(1).max(MAX_CLAIMS_PER_REQUEST), Note.min(1)]),
  ),
  'claims.verdictAsOf': method<{ scale: string; verdict: string | null; note: string | null }>()(z.tuple([Id, IsoDate])),
  'claims.entities': method<ClaimEntity[]>()(z.tuple([Id])),
  /** Links an entity in a role: by id, or by name and type (an existing name or alias is reused, else the entity is created). */
  'claims.linkEntity': method<EntityLinkResult>()(z.tuple([Id, EntityTarget, EntityRole, Note.optional()])),
  /** Removes that link; the entity stays. Fails with NOT_FOUND when the claim has no such link. */
  'claims.unlinkEntity': method<void>()(z.tuple([Id, Id, EntityRole, Note.optional()])),
  /** Whether a statement is the quote's own words (the claim editor's note while the researcher types). */
  'claims.checkStatement': method<Faithfulness>()(z.tuple([z.string().max(MAX_QUOTE_CHARS), z.string().max(MAX_STATEMENT_CHARS)])),
  /** A new claim prefilled from a selected span of an article (claimant, kind, entities, dates). */
  /** An article's sentences as extraction splits them (the reader selects by sentence with the keyboard). */
  'articles.sentences': method<TextSpan[]>()(z.tuple([Id])),
  'claims.draftFromSpan': method<ClaimDraft>()(z.tuple([Id, z.number().int().nonnegative(), z.number().int().positive()])),

  'links.forClaim': method<LinkedClaim[]>()(z.tuple([Id])),
  'links.add': method<ClaimLink>()(z.tuple([Id, Id, ClaimLinkType, Note.optional()])),
  'links.remove': method<void>()(z.tuple([Id])),
  'evidence.forClaim': method<EvidenceView[]>()(z.tuple([Id])),
  'evidence.add': method<Evidence>()(z.tuple([NewEvidence])),
  'evidence.remove': method<void>()(z.tuple([Id])),

  // Suggestions are addressed as (articleId, suggestionId): the archive looks them up per article.
  'suggestions.list': method<Suggestion[]>()(z.tuple([Id, SuggestionState.optional()])),
  /** What is left to review: the pending total and the articles with pending suggestions (library order). */
  'suggestions.queue': method<ReviewQueue>()(z.tuple([])),
  /** Creates the claim (with its entities) from a pending suggestion, edited or not, and marks it accepted. */
  'suggestions.accept': method<{ suggestion: Suggestion; claim: Claim }>()(z.tuple([Id, Id, SuggestionEdits.optional()])),
  'suggestions.reject': method<Suggestion>()(z.tuple([Id, Id])),
  /** Accepts every pending suggestion of an article whose score is at least the threshold. */
  'suggestions.acceptAbove': method<{ accepted: { suggestionId: number; claimId: number }[] }>()(
    z.tuple([Id, z.number().min(0, 'the threshold is between 0 and 1').max(1, 'the threshold is between 0 and 1')]),
  ),
  /** Undo/redo of decisions: back to pending deletes the claim made; back to accepted restores it. */
  'suggestions.revert': method<Suggestion[]>()(z.tuple([Id, z.array(SuggestionDecision).min(1).max(10_000)])),

  'savedSearches.list': method<SavedSearch[]>()(z.tuple([])),
  'savedSearches.save': method<SavedSearch>()(z.tuple([z.string().max(200), ClaimQuery])),
  'savedSearches.remove': method<void>()(z.tuple([Id])),
  'collections.list': method<Collection[]>()(z.tuple([])),
  /** The collections a claim belongs to. */
  'collections.ofClaim': method<Collection[]>()(z.tuple([Id])),
  /** A new, empty collection; CONFLICT when another has that name (whatever its case). */
  'collections.create': method<Collection>()(z.tuple([CollectionName])),
  'collections.rename': method<Collection>()(z.tuple([Id, CollectionName])),
  /** Deletes a collection (its claims stay) and returns it as it was, for collections.restore. */
  'collections.delete': method<DeletedCollection>()(z.tuple([Id])),
  /** Undo of delete: the same collection (id, name, members) again. */
  'collections.restore': method<Collection>()(z.tuple([DeletedCollection, Note.optional()])),
  /** Adds claims (NOT_FOUND for an unknown claim, nothing changed); `added` are those not members before. */
  'collections.add': method<{ collection: Collection; added: number[] }>()(z.tuple([Id, ClaimIds, Note.optional()])),
  /** Takes claims out; `removed` are those that were members. */
  'collections.remove': method<{ collection: Collection; removed: number[] }>()(z.tuple([Id, ClaimIds, Note.optional()])),
  /** The collections an article belongs to. */
  'collections.ofArticle': method<Collection[]>()(z.tuple([Id])),
  /** Adds articles, and so their claims (NOT_FOUND for an unknown or deleted article, nothing changed); `added` were not members. */
  'collections.addArticles': method<{ collection: Collection; added: number[] }>()(z.tuple([Id, ArticleIds])),
  /** Takes articles out (claims added by themselves stay); `removed` were members. */
  'collections.removeArticles': method<{ collection: Collection; removed: number[] }>()(z.tuple([Id, ArticleIds])),
} as const;
