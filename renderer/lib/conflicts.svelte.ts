// Conflicts between two devices' versions of a claim (team sync, docs/sync.md §4): the researcher's
// pick as an undoable edit (undo reopens the conflict as it was), the count the claims table's
// "In conflict" filter and Settings ▸ Team show, and the way to the filtered table.
import type { ResolveConflict, ResolvedConflict } from '../../shared/domain';
import { call } from './api';
import { claimsTable, NO_FILTERS } from './claims-table.svelte';
import { nav } from './navigation.svelte';
import { Query } from './query.svelte';
import type { UndoableEdit } from './undo.svelte';

export const KEEP_LABEL: Record<ResolveConflict['keep'], string> = {
  mine: 'Keep mine',
  theirs: 'Keep theirs',
  merged: 'Merge',
};

/** Keeps one version (or a field of each): an ordinary edit that syncs; undo puts both versions back. */
export function resolveConflict(pick: ResolveConflict, onDone?: (done: ResolvedConflict) => void): UndoableEdit {
  const label = `Resolve conflict: ${KEEP_LABEL[pick.keep].toLowerCase()}`;
  return {
    label,
    do: async () => onDone?.(await call('claims.resolveConflict', pick)),
    undo: async () => void (await call('claims.reopenConflict', pick.claimId)),
  };
}

/** How many claims are in conflict, kept fresh by claim changes (a sync round marking one sends one). */
export function conflictCountQuery(): Query<object, number> {
  return new Query({ key: () => ({}), fetch: () => call('claims.conflictCount'), on: ['claim'] });
}

/** The claims table showing only the claims in conflict. */
export function showConflicts(): void {
  claimsTable.search = '';
  claimsTable.filters = { ...NO_FILTERS, conflict: true };
  nav.go({ view: 'claims' });
}
