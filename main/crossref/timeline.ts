// Timeline data: when each claim was made, every verdict and status change since, and the
// resolve-by dates of forecasts, as one date-sorted list for a cluster, an entity or a search.
import type { Claim, HistoryEntry, TimelineEvent, TimelineQuery } from '../../shared/domain';
import { findVerdict } from '../../shared/verdicts';
import { allClaims, articleCache, claimDate, claimOrNull, type CrossrefArchive } from './archive-port';
import { clusterClaims } from './clusters';

/** More claims than this make an unreadable timeline; the rest are left out. */
export const MAX_TIMELINE_CLAIMS = 5_000;

const KIND_ORDER: Record<TimelineEvent['kind'], number> = { claim: 0, verdict: 1, status: 2, 'resolve-by': 3 };

function claimsFor(archive: CrossrefArchive, q: TimelineQuery): Claim[] {
  const byId = new Map<number, Claim>();
  const add = (c: Claim | null) => {
    if (c && byId.size < MAX_TIMELINE_CLAIMS) byId.set(c.id, c);
  };
  q.claimIds?.forEach((id) => add(claimOrNull(archive, id)));
  if (q.clusterOf !== undefined) clusterClaims(archive, q.clusterOf).claims.forEach(add);
  if (q.entityId !== undefined) {
    archive.entities.get(q.entityId); // NOT_FOUND for an unknown entity, not an empty timeline
    for (const c of allClaims(archive, { entityId: q.entityId })) add(c);
  }
  if (q.search !== undefined) for (const c of allClaims(archive, { search: q.search })) add(c);
  return [...byId.values()];
}

function verdictLabel(value: unknown): { verdict: string | null; label: string } {
  const v = value as { scale?: string; verdict?: string | null } | null;
  const verdict = v?.verdict ?? null;
  if (verdict === null) return { verdict, label: 'Verdict cleared' };
  return { verdict, label: `Verdict: ${findVerdict(v?.scale ?? '', verdict)?.label ?? verdict}` };
}

function historyEvents(claimId: number, history: HistoryEntry[]): TimelineEvent[] {
  return history.flatMap((h): TimelineEvent[] => {
    if (h.field === 'verdict') return [{ date: h.at, kind: 'verdict', claimId, ...verdictLabel(h.to), note: h.note }];
    if (h.field === 'status')
      return [{ date: h.at, kind: 'status', claimId, label: `Status: ${String(h.from)} → ${String(h.to)}`, note: h.note }];
    return [];
  });
}

export function timeline(archive: CrossrefArchive, q: TimelineQuery): TimelineEvent[] {
  const article = articleCache(archive);
  const events: TimelineEvent[] = [];
  for (const c of claimsFor(archive, q)) {
    const date = claimDate(c, article(c.articleId)) ?? c.createdAt;
    events.push({ date, kind: 'claim', claimId: c.id, label: c.statement, verdict: c.verdict });
    events.push(...historyEvents(c.id, archive.claims.history(c.id)));
    if (c.resolveBy)
      events.push({ date: c.resolveBy, kind: 'resolve-by', claimId: c.id, label: `Resolve by: ${c.statement}`, open: c.verdict === null });
  }
  return events.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.claimId - b.claimId,
  );
}
