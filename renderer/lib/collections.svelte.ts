// Collections as the views use them: the one list (a Query following 'collection' changes), the
// undoable flows behind the table's bulk bar, the claim editor, the Claims view's menu and the
// palette (new, rename, delete, add, remove, go to; an article's claims from the reader), each
// asking for a name where one is needed.
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

/**
 * Every collection by name, with its article count (the Library's filter), which an article deleted or
 * restored changes. It does not follow claim changes (a verdict saved does not ask for it again): the
 * Collections menu follows them for its claim counts while it is open (CollectionsMenu.svelte).
 */
export const collectionList = new Query<object, Collection[]>({
  key: () => ({}),
  fetch: () => call('collections.list'),
  on: ['collection', 'article'],
});

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

/** Asks for a name and makes the collection, with the given claims (or articles) in it (one undo step). */
export async function newCollection(claimIds: number[] = [], which = 'selected', articleIds: number[] = []): Promise<Collection | null> {
  const what = articleIds.length ? plural(articleIds.length, 'article') : plural(claimIds.length, 'claim');
  const filled = claimIds.length + articleIds.length > 0;
  const detail = filled
    ? `A named set of claims and articles, starting with the ${what} ${which}.`
    : 'A named set of claims and articles: filter the Claims table or the Library by it, or make a report of it.';
  const name = await askName('New collection', detail, 'Create collection');
  if (!name) return null;
  let made: Collection | null = null;
  const create = createCollection(name, (k) => (made = k));
  const edit: UndoableEdit = filled
    ? {
        label: `New collection “${name}” with ${what}`,
        do: async () => {
          await create.do();
          if (made && claimIds.length) await call('collections.add', made.id, claimIds);
          if (made && articleIds.length) await call('collections.addArticles', made.id, articleIds);
        },
        undo: () => create.undo(),
      }
    : create;
  const ok = await run(edit, filled ? `Made “${name}” with ${what}` : `Made collection “${name}”`);
  return ok ? made : null;
}

export async function addClaims(k: Collection, claimIds: number[]): Promise<void> {
  if (claimIds.length) await run(addToCollection(k, claimIds), `Added ${plural(claimIds.length, 'claim')} to “${k.name}”`);
}

export async function removeClaims(k: Collection, claimIds: number[]): Promise<void> {
  if (!claimIds.length) return;
  let removed = claimIds.length;
  const ok = await run(removeFromCollection(k, claimIds, (ids) => (removed = ids.length)));
  if (!ok) return;
  // A claim in the collection through its article stays in it while the article does.
  const kept = claimIds.length - removed;
  const through = `in “${k.name}” through ${kept === 1 ? 'its article' : 'their articles'} (take the article out in the Library)`;
  if (removed === 0) {
    ui.toast(`${kept === 1 ? 'This claim stays' : `These ${kept} claims stay`} ${through}`);
    return;
  }
  const done = kept
    ? `Removed ${removed} of ${plural(claimIds.length, 'claim')} from “${k.name}”: ${kept === 1 ? 'the other stays' : `the other ${kept} stay`} ${through}`
    : `Removed ${plural(claimIds.length, 'claim')} from “${k.name}”`;
  ui.toast(done, { action: { label: 'Undo', run: () => void undoStack.undo() } });
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

/** Every claim made on the article open in the reader. */
async function articleClaims(articleId: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 5_000) {
    const page = await call('claims.list', { articleId, sort: 'createdAt', order: 'asc', offset, limit: 5_000 });
    ids.push(...page.items.map((r) => r.id));
    if (ids.length >= page.total || page.items.length === 0) return ids;
  }
}
const inReader = () => nav.view === 'reader' && nav.articleId !== null && ui.editorClaimId === null;

/** Adds the open article's claims (a toast says when it has none yet). */
async function addArticle(k: Collection | 'new'): Promise<void> {
  const ids = nav.articleId !== null ? await articleClaims(nav.articleId) : [];
  if (ids.length === 0) return ui.toast('This article has no claims yet: accept or make some first.');
  if (k === 'new') await newCollection(ids, 'of this article');
  else await addClaims(k, ids);
}

/** Palette entries: new collection, go to / add the selection to / remove it from each collection. */
export function registerCollectionActions(): () => void {
  const stop = $effect.root(() => collectionList.follow());
  const off = actions.register('collections', (): Action[] => {
    const list = collectionList.data ?? [];
    const shown = claimsTable.filters.collectionId;
    return [
      { id: 'coll-new', group: 'Collections', label: 'New collection…', run: () => void newCollection() },
      {
        id: 'coll-new-sel',
        group: 'Collections',
        label: 'Add selection to a new collection…',
        enabled: hasSelection,
        run: () => void selectedClaims().then((ids) => newCollection(ids)),
      },
      {
        id: 'coll-new-article',
        group: 'Collections',
        label: 'Add this article’s claims to a new collection…',
        enabled: inReader,
        run: () => void addArticle('new'),
      },
      ...list.map((k) => ({
        id: `coll-article-${k.id}`,
        group: 'Collections',
        label: `Add this article’s claims to collection “${k.name}”`,
        enabled: inReader,
        run: () => void addArticle(k),
      })),
      ...list.map((k) => ({
        id: `coll-go-${k.id}`,
        group: 'Collections',
        label: `Go to collection “${k.name}”`,
        run: () => showCollection(k),
      })),
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
