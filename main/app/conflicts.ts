// Conflicts between two devices' versions of a claim (team sync, docs/sync.md §4), as the claim
// editor's picker and the claims table's "In conflict" filter use them. The archive keeps both
// versions (main/archive/repos/claim-conflicts.ts); a pick is an ordinary edit, so the background
// rounds (team-sync.ts) push it like any other and every device converges on it.
import type { Archive } from '../archive';
import type { ClaimConflictView, ResolveConflict, ResolvedConflict } from '../../shared/domain';

type Deps = { archive: Archive };

/** Both versions of the claim with who/when/why, or null when it is not in conflict. */
export function claimConflict({ archive }: Deps, claimId: number): ClaimConflictView | null {
  return archive.claims.conflict(claimId);
}

/** How many live claims are in conflict (the sidebar and the table's filter say so). */
export function conflictCount({ archive }: Deps): number {
  return archive.claims.conflictCount();
}

/** Keeps one version, or a field from each; undone by reopenConflict. */
export function resolveConflict({ archive }: Deps, input: ResolveConflict): Promise<ResolvedConflict> {
  return archive.claims.resolveConflict(input);
}

/** Undo of a resolution: the claim as it showed, the other version kept aside again. */
export function reopenConflict({ archive }: Deps, claimId: number): Promise<ClaimConflictView> {
  return archive.claims.reopenConflict(claimId);
}
