// Clusters: the claims joined by "same claim" links, transitively (a connected component). The
// cluster view lists every appearance with outlet, claimant and date, marks the first, and says
// whether the verdict is shared across appearances.
import type { Claim, ClaimCluster, ClaimLinkType, ClusterAppearance } from '../../shared/domain';
import { articleCache, claimDate, claimOrNull, compareDates, requireClaim, type CrossrefArchive } from './archive-port';

/** A component larger than this is cut (and marked truncated) rather than walked forever. */
export const MAX_CLUSTER = 2_000;

/** Claim ids reachable from `start` over links of the given types, start first. */
export function connected(
  archive: CrossrefArchive,
  start: number,
  types: ReadonlySet<ClaimLinkType>,
  cap = MAX_CLUSTER,
): { ids: number[]; truncated: boolean } {
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const link of archive.links.forClaim(queue[i])) {
      if (!types.has(link.type)) continue;
      const other = link.fromClaimId === queue[i] ? link.toClaimId : link.fromClaimId;
      if (seen.has(other)) continue;
      if (seen.size >= cap) return { ids: queue, truncated: true };
      seen.add(other);
      queue.push(other);
    }
  }
  return { ids: queue, truncated: false };
}

const SAME: ReadonlySet<ClaimLinkType> = new Set(['same']);

/** Live claims of the component around `claimId` (deleted claims drop out of the cluster). */
export function clusterClaims(archive: CrossrefArchive, claimId: number): { claims: Claim[]; truncated: boolean } {
  requireClaim(archive, claimId);
  const { ids, truncated } = connected(archive, claimId, SAME);
  const claims = ids.map((id) => claimOrNull(archive, id)).filter((c): c is Claim => c !== null);
  return { claims, truncated };
}

export function clusterOf(archive: CrossrefArchive, claimId: number): ClaimCluster {
  const { claims, truncated } = clusterClaims(archive, claimId);
  const article = articleCache(archive);
  const rows = claims.map((c) => {
    const a = article(c.articleId);
    return { claim: c, article: a, date: claimDate(c, a) };
  });
  rows.sort((x, y) => compareDates(x.date, y.date) || x.claim.id - y.claim.id);
  const verdict = majorityVerdict(claims);
  const appearances: ClusterAppearance[] = rows.map(({ claim: c, article: a, date }, i) => ({
    claimId: c.id,
    statement: c.statement,
    quote: c.quote,
    claimant: c.claimant,
    articleId: c.articleId,
    articleTitle: a?.title ?? null,
    outlet: a?.outlet ?? null,
    date,
    first: i === 0,
    verdictScale: c.verdictScale,
    verdict: c.verdict,
    sharesVerdict: verdict !== null && c.verdict === verdict,
  }));
  return {
    claimIds: appearances.map((a) => a.claimId),
    appearances,
    firstClaimId: appearances[0].claimId,
    verdict,
    verdictShared: verdict !== null && appearances.every((a) => a.sharesVerdict),
    truncated,
  };
}

/** The verdict most rated claims carry; ties go to the verdict given first in the cluster. */
function majorityVerdict(claims: Claim[]): string | null {
  const counts = new Map<string, number>();
  for (const c of claims) if (c.verdict !== null) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
