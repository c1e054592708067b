// The library: articles with sort, outlet filter and search; reloaded whenever the archive changes.
/* eslint-disable svelte/prefer-svelte-reactivity -- Maps and Sets here are replaced whole in $state.raw fields (or are private bookkeeping), never mutated while reactive. */
import type { ArticleQuery, ArticleSummary } from '../../main/api/types';
import { call, errorMessage } from './api';

export type ArticleSort = NonNullable<ArticleQuery['sort']>;

export const ARTICLE_SORTS: { key: ArticleSort; label: string; order: 'asc' | 'desc' }[] = [
  { key: 'importedAt', label: 'Recently imported', order: 'desc' },
  { key: 'published', label: 'Publication date', order: 'desc' },
  { key: 'title', label: 'Title', order: 'asc' },
  { key: 'outlet', label: 'Outlet', order: 'asc' },
  { key: 'claimCount', label: 'Most claims', order: 'desc' },
];

export class LibraryState {
  articles = $state.raw<ArticleSummary[]>([]);
  total = $state(0);
  loading = $state(true);
  error = $state<string | null>(null);
  search = $state('');
  outlet = $state('');
  sort = $state<ArticleSort>('importedAt');
  order = $state<'asc' | 'desc'>('desc');
  active = $state(0);
  /** Outlets seen in the archive, for the filter menu. */
  outlets = $state.raw<string[]>([]);
  private generation = 0;

  setSort(key: ArticleSort): void {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      this.order = ARTICLE_SORTS.find((s) => s.key === key)?.order ?? 'desc';
    }
  }

  async load(): Promise<void> {
    const gen = ++this.generation;
    this.loading = true;
    try {
      const page = await call('articles.list', { search: this.search.trim() || undefined, outlet: this.outlet || undefined, sort: this.sort, order: this.order, limit: 1000 });
      if (gen !== this.generation) return;
      this.articles = page.items;
      this.total = page.total;
      this.error = null;
      this.active = Math.min(this.active, Math.max(0, page.items.length - 1));
      if (!this.search && !this.outlet) this.outlets = [...new Set(page.items.map((a) => a.outlet).filter((o): o is string => !!o))].sort();
    } catch (err) {
      if (gen === this.generation) this.error = errorMessage(err);
    } finally {
      if (gen === this.generation) this.loading = false;
    }
  }
}

export const library = new LibraryState();
