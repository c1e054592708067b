// The library: every article matching the search, outlet filter and sort, fetched a page at a time
// as the list scrolls (an archive may hold tens of thousands); refreshed whenever the archive changes.
import type { ArticleQuery, ArticleSummary, OutletCount } from '../../main/api/types';
import { call } from './api';
import { PagedRows } from './paged-rows.svelte';

export type ArticleSort = NonNullable<ArticleQuery['sort']>;

export const ARTICLE_SORTS: { key: ArticleSort; label: string; order: 'asc' | 'desc' }[] = [
  { key: 'importedAt', label: 'Recently imported', order: 'desc' },
  { key: 'published', label: 'Publication date', order: 'desc' },
  { key: 'title', label: 'Title', order: 'asc' },
  { key: 'outlet', label: 'Outlet', order: 'asc' },
  { key: 'claimCount', label: 'Most claims', order: 'desc' },
];

export class LibraryState {
  search = $state('');
  outlet = $state('');
  sort = $state<ArticleSort>('importedAt');
  order = $state<'asc' | 'desc'>('desc');
  active = $state(0);
  /** Every outlet in the archive with its article count, for the filter menu. */
  outlets = $state.raw<OutletCount[]>([]);
  /** The matching articles, fetched a page at a time as the list scrolls. */
  readonly rows = new PagedRows<ArticleSummary>((offset, limit) => call('articles.list', { ...this.query, offset, limit }));
  /** The query the rows belong to, so coming back to the view keeps the place in the list. */
  private shown: string | null = null;

  /** The archive query the list shows (without paging). */
  get query(): ArticleQuery {
    return { search: this.search.trim() || undefined, outlet: this.outlet || undefined, sort: this.sort, order: this.order };
  }

  get total(): number {
    return this.rows.total;
  }
  get loading(): boolean {
    return this.rows.loading;
  }
  get error(): string | null {
    return this.rows.error;
  }
  /** The active article, once its page is loaded. */
  get current(): ArticleSummary | undefined {
    return this.rows.row(this.active);
  }

  row(index: number): ArticleSummary | undefined {
    return this.rows.row(index);
  }

  setSort(key: ArticleSort): void {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      this.order = ARTICLE_SORTS.find((s) => s.key === key)?.order ?? 'desc';
    }
  }

  /** Shows the current query: a new one from its first article, the same one refreshed in place. */
  async load(): Promise<void> {
    const key = JSON.stringify(this.query);
    if (key !== this.shown) {
      this.shown = key;
      this.active = 0;
      await this.rows.restart();
    } else {
      await this.rows.reload();
    }
    if (this.active >= this.total) this.active = Math.max(0, this.total - 1);
  }

  async loadOutlets(): Promise<void> {
    try {
      this.outlets = await call('articles.outlets');
    } catch {
      // the menu keeps what it had; the next archive change tries again
    }
  }
}

export const library = new LibraryState();
