// Editing: claim links, evidence, suggestions under review, saved searches, collections, bulk changes.
import { z } from 'zod';
import * as L from '../limits';
import { Id } from './core';
import { ClaimPatch, ClaimQuery, WorkflowStatus, NewClaim, VerdictScaleKey } from './claims';

export const ClaimLinkType = z.enum(['same', 'supports', 'contradicts', 'related']);
export type ClaimLinkType = z.infer<typeof ClaimLinkType>;
export const EvidenceStance = z.enum(['supports', 'contradicts', 'context']);
export type EvidenceStance = z.infer<typeof EvidenceStance>;
export interface ClaimLink {
  id: number;
  fromClaimId: number;
  toClaimId: number;
  type: ClaimLinkType;
  note: string;
  createdAt: string;
}
export interface Evidence {
  id: number;
  claimId: number;
  articleId: number;
  quote: string;
  start: number | null;
  end: number | null;
  stance: EvidenceStance;
  note: string;
  createdAt: string;
}
export const NewEvidence = z.object({
  claimId: Id,
  articleId: Id,
  quote: z.string().max(L.MAX_QUOTE_CHARS).default(''),
  start: z.number().int().nonnegative().nullable().default(null),
  end: z.number().int().nonnegative().nullable().default(null),
  stance: EvidenceStance,
  note: z.string().max(L.MAX_NOTE_CHARS).default(''),
});
export type NewEvidence = z.input<typeof NewEvidence>;
export const SuggestionState = z.enum(['pending', 'accepted', 'rejected']);
export type SuggestionState = z.infer<typeof SuggestionState>;
/** A claim proposed by extraction for an article, waiting for a researcher to accept or reject it. */
export interface Suggestion {
  id: number;
  articleId: number;
  payload: NewClaim;
  state: SuggestionState;
  /** The claim created from it, once accepted. */
  claimId: number | null;
  createdAt: string;
  decidedAt: string | null;
}
/** An article with suggestions waiting for a decision, in the review queue. */
export interface ReviewQueueItem {
  articleId: number;
  title: string;
  importedAt: string;
  /** Its pending suggestions. */
  pending: number;
}
/**
 * What is left to review: every pending suggestion of the live articles, and those articles in the
 * library's first order (most recently imported first), which is the order "next to review" follows.
 */
export interface ReviewQueue {
  pending: number;
  articles: ReviewQueueItem[];
}
/** A sentence of an article as extraction splits it: an exact [start, end) span of its text. */
export interface TextSpan {
  start: number;
  end: number;
}
export interface SavedSearch {
  id: number;
  name: string;
  query: ClaimQuery;
  createdAt: string;
  updatedAt: string;
}
export interface Collection {
  id: number;
  name: string;
  /** Its live claims: those added to it and those of its articles (each once). */
  claimCount: number;
  /** Its live articles (added from the Library or the reader). */
  articleCount: number;
  createdAt: string;
}
/** A collection's name: required, at most 200 characters, unique whatever its case. */
export const CollectionName = z
  .string()
  .trim()
  .min(1, 'a collection needs a name')
  .max(L.MAX_COLLECTION_NAME_CHARS, `a collection name has at most ${L.MAX_COLLECTION_NAME_CHARS} characters`);
/** A deleted collection as it was (what collections.delete returns), so undo can put it back. */
export const DeletedCollection = z
  .object({
    id: Id,
    name: CollectionName,
    createdAt: z.string().min(1).max(40),
    members: z.array(z.object({ claimId: Id, addedAt: z.string().min(1).max(40) }).strict()).max(L.MAX_CLAIMS_PER_REQUEST),
    /** Its articles as they were (absent: none, as before articles could join). */
    articles: z
      .array(z.object({ articleId: Id, addedAt: z.string().min(1).max(40) }).strict())
      .max(L.MAX_CLAIMS_PER_REQUEST)
      .optional(),
  })
  .strict();
export type DeletedCollection = z.infer<typeof DeletedCollection>;
export const Tag = z.string().trim().min(1).max(L.MAX_TAG_CHARS);
/** One change applied to many claims at once (the claims table's bulk actions). */
export const BulkChange = z
  .object({
    status: WorkflowStatus.optional(),
    verdict: z
      .object({ scale: VerdictScaleKey, verdict: z.string().max(100).nullable() })
      .strict()
      .optional(),
    addTags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM).optional(),
    removeTags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM).optional(),
    note: z.string().trim().max(20_000).optional(),
  })
  .strict()
  .refine(
    (c) => c.status !== undefined || c.verdict !== undefined || !!c.addTags?.length || !!c.removeTags?.length,
    'the change is empty: give a status, a verdict or tags',
  )
  .refine((c) => c.verdict === undefined || !!c.note, 'a note is required when the verdict changes');
export type BulkChange = z.input<typeof BulkChange>;
/** What a bulk change can touch on one claim, as it was: enough to put it back (undo). */
export const ClaimWorkflowState = z
  .object({
    id: Id,
    status: WorkflowStatus,
    verdictScale: VerdictScaleKey,
    verdict: z.string().max(100).nullable(),
    tags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM),
  })
  .strict();
export type ClaimWorkflowState = z.infer<typeof ClaimWorkflowState>;
/** A new claim prefilled from a text selection in the reader (not yet saved). */
export interface ClaimDraft {
  claim: z.output<typeof NewClaim>;
  /** Where the prefill came from: a stored suggestion, a fresh extraction of the span, or the selection alone. */
  source: 'suggestion' | 'extraction' | 'selection';
  suggestionId: number | null;
}
/** A link as one claim sees it: the link plus the claim at its other end. */
export interface LinkedClaim extends ClaimLink {
  other: { id: number; statement: string; claimant: string | null; deleted: boolean };
  /** This claim is the link's source (fromClaimId). */
  outgoing: boolean;
}
export interface EvidenceView extends Evidence {
  articleTitle: string;
}
/** Undo and redo of suggestion decisions: each suggestion back to a state (its claim deleted or restored). */
export const SuggestionDecision = z.object({ id: Id, state: SuggestionState, claimId: Id.nullable().default(null) }).strict();
export type SuggestionDecision = z.input<typeof SuggestionDecision>;
/** Edits a reviewer makes to a suggestion before accepting it: claim fields plus its entities, no defaults. */
export const SuggestionEdits = ClaimPatch.extend({ entities: NewClaim.shape.entities.unwrap().optional() });
export type SuggestionEdits = z.infer<typeof SuggestionEdits>;
