// Editing use cases behind the claims table and the claim panel: bulk status/verdict/tag changes in
// one transaction (and their revert for undo; a verdict moves a new claim to done, see
// statusAfterVerdict), a claim's links and evidence as the panel lists them.
import type { z } from 'zod';
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import type { BulkChange, Claim, ClaimWorkflowState, EvidenceView, LinkedClaim } from '../../shared/domain';
import { statusAfterVerdict } from '../../shared/verdicts';

type ParsedBulkChange = z.output<typeof BulkChange>;

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
export async function bulkUpdate(
  archive: Archive,
  ids: number[],
  change: ParsedBulkChange,
): Promise<{ updated: number; before: ClaimWorkflowState[] }> {
  const unique = [...new Set(ids)];
  const note = change.note || undefined;
  const before = await archive.transaction((tx) =>
    unique.map((id) => {
      const claim = tx.claims.get(id);
      if (change.status) tx.claims.setStatus(id, change.status, note);
      if (change.verdict) {
        tx.claims.setVerdict(id, change.verdict.scale, change.verdict.verdict, note!);
        // Unless this change sets the status too, a new claim that gets a verdict is done.
        const next = statusAfterVerdict(claim.status, change.verdict.verdict);
        if (!change.status && next !== claim.status) tx.claims.setStatus(id, next, note);
      }
      const tags = nextTags(claim.tags, change);
      if (!sameTags(tags, claim.tags)) tx.claims.update(id, { tags }, note);
      return workflowState(claim);
    }),
  );
  return { updated: unique.length, before };
}

export async function bulkRevert(archive: Archive, states: ClaimWorkflowState[], note: string): Promise<{ updated: number }> {
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

export function linkedClaims(archive: Archive, claimId: number): LinkedClaim[] {
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
    if (err instanceof AppError && err.code === 'NOT_FOUND')
      return { id, statement: `Claim ${id} (deleted)`, claimant: null, deleted: true };
    throw err;
  }
}

export function evidenceViews(archive: Archive, claimId: number): EvidenceView[] {
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
