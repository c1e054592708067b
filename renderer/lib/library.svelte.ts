// The library: every article matching the search, outlet filter and sort, fetched a page at a time
// as the list scrolls (an archive may hold tens of thousands); refreshed when articles, claims or
// suggestions change. "To review" keeps the articles whose suggestions wait for a decision.
import type { ArticleQuery, ArticleSummary } from '../../shared/domain';
import { call } from './api';
import { PagedRows } from './paged-rows.svelte';
import { Query } from './query.svelte';
import { RememberedWidths, type ResizableColumn } from './column-widths.svelte';

export type ArticleSort = NonNullable<ArticleQuery['sort']>;

export const ARTICLE_SORTS: { key: ArticleSort; label: string; order: 'asc' | 'desc' }[] = [
  { key: 'importedAt', label: 'Recently imported', order: 'desc' },
  { key: 'published', label: 'Publication date', order: 'desc' },
  { key: 'title', label: 'Title', order: 'asc' },
  { key: 'outlet', label: 'Outlet', order: 'asc' },
  { key: 'claimCount', label: 'Most claims', order: 'desc' },
];

export type LibraryColumnId = 'title' | 'outlet' | 'published' | 'claims';

/** The list's columns: each sorts the library by what it shows, and can be resized (widths remembered). */
export const LIBRARY_COLUMNS: (ResizableColumn<LibraryColumnId> & { sort: ArticleSort })[] = [
  { id: 'title', label: 'Title', width: 'minmax(200px, 1fr)', min: 160, sort: 'title' },
  { id: 'outlet', label: 'Outlet', width: '130px', min: 70, sort: 'outlet' },
  { id: 'published', label: 'Published', width: '100px', min: 80, sort: 'published' },
  { id: 'claims', label: 'Claims', width: '110px', min: 80, sort: 'claimCount' },
];

export class LibraryState {
  search = $state('');
  outlet = $state('');
  /** Only articles with this tag ('' for all). */
  tag = $state('');
  /** Only the articles of this collection (null for all). */
  collectionId = $state<number | null>(null);
  /** Only articles with suggestions waiting for a decision. */
  toReview = $state(false);
  sort = $state<ArticleSort>('importedAt');
  order = $state<'asc' | 'desc'>('desc');
  active = $state(0);
  /** Widths the user gave the list's columns (px), kept between sessions. */
  readonly widths = new RememberedWidths('claimdesk.library.widths', LIBRARY_COLUMNS);
  /** Every outlet in the archive with its article count, for the filter menu. */
  readonly outlets = new Query({ key: () => ({}), fetch: () => call('articles.outlets'), on: ['article'] });
  /** Every article tag with its article count, for the tag filter. */
  readonly tags = new Query({ key: () => ({}), fetch: () => call('articles.tags'), on: ['article'] });
  /** The matching articles, fetched a page at a time as the list scrolls. A new query starts from its first article. */
  readonly rows = new PagedRows<ArticleQuery, ArticleSummary>({
    key: () => this.query,
    fetch: (query, offset, limit) => call('articles.list', { ...query, offset, limit }),
    // Rows show claim counts, verdict tallies and pending suggestions, so those changes refresh them
    // too; a collection's membership changes what its filter lists.
    on: ['article', 'claim', 'suggestion', 'collection'],
    onKey: () => (this.active = 0),
    onRows: (total) => {
      if (this.active >= total) this.active = Math.max(0, total - 1);
    },
  });

  /** The archive query the list shows (without paging). */
  get query(): ArticleQuery {
    return {
      search: this.search.trim() || undefined,
      outlet: this.outlet || undefined,
      tag: this.tag || undefined,
      collectionId: this.collectionId ?? undefined,
      toReview: this.toReview || undefined,
      sort: this.sort,
      order: this.order,
    };
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

  /** Follows the query and archive changes while the library view is shown (coming back refreshes in place). */
  follow(): void {
    this.rows.follow();
    this.outlets.follow();
    this.tags.follow();
  }
}

export const library = new LibraryState();
