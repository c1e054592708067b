// Handlers of the editing methods (main/api/contract/editing.ts): bulk changes, entity links, links, evidence,
// suggestions under review, saved searches.
import type { z } from 'zod';
import type { Archive } from '../../archive';
import { AppError } from '../../../shared/errors';
import type { BulkChange, Claim, ClaimWorkflowState, EvidenceView, LinkedClaim } from '../../../shared/domain';
import type { editingContract } from '../contract/editing';
import type { HandlersOf, ServiceBase } from './types';
import { acceptAbove, acceptSuggestion, draftFromSpan, rejectSuggestion, revertDecisions } from '../../app/suggestions';

type ParsedBulkChange = z.output<typeof BulkChange>;

export function editingHandlers(s: ServiceBase): HandlersOf<typeof editingContract> {
  const { archive } = s;
  return {
    'claims.bulkUpdate': (ids, change) => bulkUpdate(archive, ids, change),
    'claims.bulkRevert': (states, note) => bulkRevert(archive, states, note),
    'claims.verdictAsOf': (id, at) => archive.claims.verdictAsOf(id, at),
    'claims.entities': (id) => archive.claims.entities(id),
    'claims.linkEntity': (id, target, role, note) => archive.claims.linkEntity(id, target, role, note),
    'claims.unlinkEntity': (id, entityId, role, note) => archive.claims.unlinkEntity(id, entityId, role, note),
    'claims.draftFromSpan': (articleId, start, end) => draftFromSpan(archive, articleId, start, end),

    'links.forClaim': (id) => linkedClaims(archive, id),
    'links.add': (from, to, type, note) => archive.links.add(from, to, type, note ?? ''),
    'links.remove': (id) => archive.links.remove(id),
    'evidence.forClaim': (id) => evidenceViews(archive, id),
    'evidence.add': (e) => archive.evidence.add(e),
    'evidence.remove': (id) => archive.evidence.remove(id),

    'suggestions.list': (articleId, state) => {
      archive.articles.get(articleId);
      return archive.suggestions.list(articleId, state);
    },
    'suggestions.accept': (articleId, id, edits) => acceptSuggestion(archive, articleId, id, edits),
    'suggestions.reject': (articleId, id) => rejectSuggestion(archive, articleId, id),
    'suggestions.acceptAbove': (articleId, threshold) => acceptAbove(archive, articleId, threshold),
    'suggestions.revert': (articleId, decisions) => revertDecisions(archive, articleId, decisions),

    'savedSearches.list': () => archive.savedSearches.list(),
    'savedSearches.save': (name, query) => archive.savedSearches.save(name, query),
    'savedSearches.remove': (id) => archive.savedSearches.remove(id),
    'collections.list': () => archive.collections.list(),
  };
}

export function workflowState(c: Claim): ClaimWorkflowState {
  return { id: c.id, status: c.status, verdictScale: c.verdictScale, verdict: c.verdict, tags: c.tags };
}

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function nextTags(tags: string[], change: ParsedBulkChange): string[] {
  const remove = new Set((change.removeTags ?? []).map((t) => t.toLowerCase()));
  const kept = tags.filter((t) => !remove.has(t.toLowerCase()));
  const have = new Set(kept.map((t) => t.toLowerCase()));
  return [...kept, ...(change.addTags ?? []).filter((t) => !have.has(t.toLowerCase()))];
}

/** One archive transaction for the whole selection: either every claim changes or none does. */
async function bulkUpdate(archive: Archive, ids: number[], change: ParsedBulkChange): Promise<{ updated: number; before: ClaimWorkflowState[] }> {
  const unique = [...new Set(ids)];
  const note = change.note || undefined;
  const before = await archive.transaction((tx) =>
    unique.map((id) => {
      const claim = tx.claims.get(id);
      if (change.status) tx.claims.setStatus(id, change.status, note);
      if (change.verdict) tx.claims.setVerdict(id, change.verdict.scale, change.verdict.verdict, note!);
      const tags = nextTags(claim.tags, change);
      if (!sameTags(tags, claim.tags)) tx.claims.update(id, { tags }, note);
      return workflowState(claim);
    }),
  );
  return { updated: unique.length, before };
}

async function bulkRevert(archive: Archive, states: ClaimWorkflowState[], note: string): Promise<{ updated: number }> {
  await archive.transaction((tx) => {
    for (const state of states) {
      const claim = tx.claims.get(state.id);
      if (claim.status !== state.status) tx.claims.setStatus(state.id, state.status, note);
      if (claim.verdictScale !== state.verdictScale || claim.verdict !== state.verdict) {
        tx.claims.setVerdict(state.id, state.verdictScale, state.verdict, note);
      }
      if (!sameTags(claim.tags, state.tags)) tx.claims.update(state.id, { tags: state.tags }, note);
    }
  });
  return { updated: states.length };
}

function linkedClaims(archive: Archive, claimId: number): LinkedClaim[] {
  archive.claims.get(claimId);
  return archive.links.forClaim(claimId).map((link) => {
    const outgoing = link.fromClaimId === claimId;
    const otherId = outgoing ? link.toClaimId : link.fromClaimId;
    return { ...link, outgoing, other: claimSummary(archive, otherId) };
  });
}

/** The other end of a link; a deleted claim still shows (marked) rather than breaking the list. */
function claimSummary(archive: Archive, id: number): LinkedClaim['other'] {
  try {
    const c = archive.claims.get(id);
    return { id, statement: c.statement, claimant: c.claimant, deleted: false };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return { id, statement: `Claim ${id} (deleted)`, claimant: null, deleted: true };
    throw err;
  }
}

function evidenceViews(archive: Archive, claimId: number): EvidenceView[] {
  archive.claims.get(claimId);
  return archive.evidence.forClaim(claimId).map((e) => {
    let articleTitle: string;
    try {
      articleTitle = archive.articles.get(e.articleId).title || 'Untitled article';
    } catch {
      articleTitle = `Article ${e.articleId} (deleted)`;
    }
    return { ...e, articleTitle };
  });
}
