// Articles in collections, as the Library (row action, key c) and the reader use them through the
// palette: add "this article" (the Library's active row, or the article open in the reader) to a
// collection or a new one, take it out of one it is in, show a collection's articles in the Library.
// Each is one undoable step; the article's claims, those made later too, are the collection's.
import type { Collection } from '../../shared/domain';
import { actions, type Action } from './actions.svelte';
import { call } from './api';
import { collectionList, newCollection } from './collections.svelte';
import { addArticlesToCollection, removeArticlesFromCollection } from './edits';
import { library } from './library.svelte';
import { nav } from './navigation.svelte';
import { Query } from './query.svelte';
import { undoStack, type UndoableEdit } from './undo.svelte';
import { ui } from './ui.svelte';

/** What the palette is opened with by the c key (Library, reader): the entries about this article's collections. */
export const ADD_ARTICLE_QUERY = 'this article';

/** The article the palette's "this article" means: the reader's, else the Library's active row. */
function thisArticle(): { id: number; title: string } | null {
  if (ui.editorClaimId !== null) return null;
  if (nav.view === 'reader' && nav.articleId !== null) return { id: nav.articleId, title: '' };
  if (nav.view === 'library' && library.current) return { id: library.current.id, title: library.current.title };
  return null;
}

/** The collections the article in question is in (its palette entries take it out of them). */
const articleCollections = new Query<number, Collection[]>({
  key: () => thisArticle()?.id,
  fetch: (id) => call('collections.ofArticle', id),
  on: ['collection', 'article'],
});

async function run(edit: UndoableEdit, done: string): Promise<void> {
  try {
    await undoStack.run(edit);
    ui.toast(done, { action: { label: 'Undo', run: () => void undoStack.undo() } });
  } catch {
    ui.toast(undoStack.error ?? 'Not saved', { tone: 'error' });
  }
}

export async function addArticle(k: Collection, articleId: number): Promise<void> {
  await run(addArticlesToCollection(k, [articleId]), `Added the article to “${k.name}” (its claims are in it too)`);
}

export async function removeArticle(k: Collection, articleId: number): Promise<void> {
  await run(removeArticlesFromCollection(k, [articleId]), `Took the article out of “${k.name}”`);
}

/** Asks for a name and makes a collection holding the article (one undo step). */
const addToNew = (articleId: number) => newCollection([], 'chosen', [articleId]);

/** The Library showing only that collection's articles. */
export function showCollectionArticles(k: Collection): void {
  library.search = '';
  library.outlet = '';
  library.tag = '';
  library.toReview = false;
  library.collectionId = k.id;
  nav.go({ view: 'library' });
}

/** Palette entries: this article to a collection, to a new one, out of one; a collection's articles. */
export function registerCollectionArticleActions(): () => void {
  const stop = $effect.root(() => articleCollections.follow());
  const off = actions.register('collection-articles', (): Action[] => {
    const list = collectionList.data ?? [];
    const article = thisArticle();
    const inIt = (article ? (articleCollections.data ?? []) : []).map((k) => k.id);
    const isIn = { has: (id: number) => inIt.includes(id) };
    const when = () => thisArticle() !== null;
    return [
      {
        id: 'coll-article-new',
        group: 'Collections',
        label: 'Add this article to a new collection…',
        enabled: when,
        run: () => void (article && addToNew(article.id)),
      },
      ...list
        .filter((k) => !isIn.has(k.id))
        .map((k) => ({
          id: `coll-article-add-${k.id}`,
          group: 'Collections',
          label: `Add this article to collection “${k.name}”`,
          enabled: when,
          run: () => void (article && addArticle(k, article.id)),
        })),
      ...list
        .filter((k) => isIn.has(k.id))
        .map((k) => ({
          id: `coll-article-remove-${k.id}`,
          group: 'Collections',
          label: `Remove this article from collection “${k.name}”`,
          enabled: when,
          run: () => void (article && removeArticle(k, article.id)),
        })),
      ...list
        .filter((k) => k.articleCount > 0)
        .map((k) => ({
          id: `coll-articles-${k.id}`,
          group: 'Collections',
          label: `Show the articles of collection “${k.name}”`,
          run: () => showCollectionArticles(k),
        })),
    ];
  });
  return () => {
    off();
    stop();
  };
}
