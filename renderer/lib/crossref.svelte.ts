// What the cross-referencing views share: turning a scope (a cluster, an entity, a search, some
// claims) into claim ids and queries, and what their answers depend on.
import type { StanceQuery, TimelineQuery } from '../../shared/domain';
import { call } from './api';
import { plural } from './format';
import type { Dependency } from './changes';
import type { CrossrefScope } from './navigation.svelte';

/** Cross-references are drawn from claims, their links, entities and evidence, and articles' outlets and dates. */
export const CROSSREF_DEPS: readonly Dependency[] = ['claim', 'link', 'entity', 'evidence', 'article'];

/** Graph and stance views stay readable (and fast) below this many claims. */
export const SCOPE_CLAIM_CAP = 60;

export async function scopeClaimIds(scope: CrossrefScope): Promise<number[]> {
  if ('claimIds' in scope) return scope.claimIds;
  if ('clusterOf' in scope) return (await call('crossref.cluster', scope.clusterOf)).claimIds;
  if ('entityId' in scope) {
    const p = await call('crossref.entityProfile', scope.entityId);
    const ids = [...p.claimsBy, ...p.claimsAbout].map((c) => c.claimId);
    return ids.filter((id, i) => ids.indexOf(id) === i);
  }
  return (await call('crossref.search', scope.search, { limit: SCOPE_CLAIM_CAP })).claims.map((c) => c.claimId);
}

export async function scopeTitle(scope: CrossrefScope): Promise<string> {
  if ('clusterOf' in scope) {
    const c = await call('crossref.cluster', scope.clusterOf);
    return `the cluster “${c.appearances.find((a) => a.first)?.statement ?? c.appearances[0]?.statement ?? ''}”`;
  }
  if ('entityId' in scope) return (await call('entities.get', scope.entityId)).name;
  if ('search' in scope) return `claims matching “${scope.search}”`;
  return plural(scope.claimIds.length, 'selected claim');
}

export async function stanceQuery(scope: CrossrefScope): Promise<StanceQuery | null> {
  if ('clusterOf' in scope) return { clusterOf: scope.clusterOf };
  const ids = (await scopeClaimIds(scope)).slice(0, SCOPE_CLAIM_CAP);
  return ids.length ? { claimIds: ids } : null;
}

export function timelineQuery(scope: CrossrefScope): TimelineQuery {
  return { ...scope };
}
