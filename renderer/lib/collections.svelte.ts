// Collections as the views use them: the one list (a Query following 'collection' changes), the
// undoable flows behind the table's bulk bar, the claim editor, the Claims view's menu and the
// palette (new, rename, delete, add, remove, go to), each asking for a name where one is needed.
import type { Collection } from '../../shared/domain';
import { actions, type Action } from './actions.svelte';
import { call } from './api';
import { claimsTable, NO_FILTERS } from './claims-table.svelte';
import { addToCollection, createCollection, deleteCollection, removeFromCollection, renameCollection } from './edits';
import { plural } from './format';
import { nav } from './navigation.svelte';
import { Query } from './query.svelte';
import { undoStack, type UndoableEdit } from './undo.svelte';
import { ui } from './ui.svelte';

/** Every collection by name, with its claim count (a claim deleted or restored changes the count). */
export const collectionList = new Query<object, Collection[]>({ key: () => ({}), fetch: () => call('collections.list'), on: ['collection', 'claim'] });

async function run(edit: UndoableEdit, done?: string): Promise<boolean> {
  try {
    await undoStack.run(edit);
    if (done) ui.toast(done, { action: { label: 'Undo', run: () => void undoStack.undo() } });
    return true;
  } catch {
    ui.toast(undoStack.error ?? 'Not saved', { tone: 'error' });
    return false;
  }
}

function askName(title: string, detail: string, confirmLabel: string, initial = ''): Promise<string | null> {
  return ui.askNote(title, detail, { label: 'Name', confirmLabel, initial, singleLine: true });
}

/** Asks for a name and makes the collection, with the given claims in it (one undo step). */
export async function newCollection(claimIds: number[] = []): Promise<Collection | null> {
  const detail = claimIds.length
    ? `A named set of claims, starting with the ${plural(claimIds.length, 'claim')} selected.`
    : 'A named set of claims: filter the Claims table by it, or make a report of it.';
  const name = await askName('New collection', detail, 'Create collection');
  if (!name) return null;
  let made: Collection | null = null;
  const create = createCollection(name, (k) => (made = k));
  const edit: UndoableEdit = claimIds.length
    ? {
        label: `New collection “${name}” with ${plural(claimIds.length, 'claim')}`,
        do: async () => {
          await create.do();
          if (made) await call('collections.add', made.id, claimIds);
        },
        undo: () => create.undo(),
      }
    : create;
  const ok = await run(edit, claimIds.length ? `Made “${name}” with ${plural(claimIds.length, 'claim')}` : `Made collection “${name}”`);
  return ok ? made : null;
}

export async function addClaims(k: Collection, claimIds: number[]): Promise<void> {
  if (claimIds.length) await run(addToCollection(k, claimIds), `Added ${plural(claimIds.length, 'claim')} to “${k.name}”`);
}

export async function removeClaims(k: Collection, claimIds: number[]): Promise<void> {
  if (claimIds.length) await run(removeFromCollection(k, claimIds), `Removed ${plural(claimIds.length, 'claim')} from “${k.name}”`);
}

export async function renameOne(k: Collection): Promise<void> {
  const name = await askName(`Rename “${k.name}”`, 'Its claims stay in it; reports scoped to it use the new name.', 'Rename', k.name);
  if (name && name !== k.name) await run(renameCollection(k, name), `Renamed to “${name}”`);
}

export async function deleteOne(k: Collection): Promise<void> {
  await run(deleteCollection(k), `Deleted collection “${k.name}” (its ${plural(k.claimCount, 'claim')} stay)`);
}

/** The Claims table, showing only that collection's claims. */
export function showCollection(k: Collection): void {
  claimsTable.search = '';
  claimsTable.filters = { ...NO_FILTERS, collectionId: k.id };
  nav.go({ view: 'claims' });
}

/** The claims the palette's "selection" means: the claim open in the editor, else the table's selection. */
async function selectedClaims(): Promise<number[]> {
  if (ui.editorClaimId !== null) return [ui.editorClaimId];
  return nav.view === 'claims' ? claimsTable.selectedIds() : [];
}
const hasSelection = () => ui.editorClaimId !== null || (nav.view === 'claims' && claimsTable.selectedCount > 0);

/** Palette entries: new collection, go to / add the selection to / remove it from each collection. */
export function registerCollectionActions(): () => void {
  const stop = $effect.root(() => collectionList.follow());
  const off = actions.register('collections', (): Action[] => {
    const list = collectionList.data ?? [];
    const shown = claimsTable.filters.collectionId;
    return [
      { id: 'coll-new', group: 'Collections', label: 'New collection…', run: () => void newCollection() },
      { id: 'coll-new-sel', group: 'Collections', label: 'Add selection to a new collection…', enabled: hasSelection, run: () => void selectedClaims().then((ids) => newCollection(ids)) },
      ...list.map((k) => ({ id: `coll-go-${k.id}`, group: 'Collections', label: `Go to collection “${k.name}”`, run: () => showCollection(k) })),
      ...list.map((k) => ({
        id: `coll-add-${k.id}`,
        group: 'Collections',
        label: `Add selection to collection “${k.name}”`,
        enabled: hasSelection,
        run: () => void selectedClaims().then((ids) => addClaims(k, ids)),
      })),
      ...list
        .filter((k) => k.id === shown)
        .map((k) => ({
          id: `coll-remove-${k.id}`,
          group: 'Collections',
          label: `Remove selection from collection “${k.name}”`,
          enabled: hasSelection,
          run: () => void selectedClaims().then((ids) => removeClaims(k, ids)),
        })),
    ];
  });
  return () => {
    off();
    stop();
  };
}
