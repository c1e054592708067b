// A paged list as a Query (claims.list, articles.list): a virtual list says which rows it is about
// to show, and only their pages (plus a little ahead) are fetched. The query's key is the list's
// arguments; a new key starts from the top, a change event refreshes the pages on screen in place.
// Pages fetched for an older key or an older refresh are dropped on arrival.
/* eslint-disable svelte/prefer-svelte-reactivity -- the page Map is replaced whole in the query's data; the in-flight Set is private bookkeeping. */
import { errorMessage } from './api';
import type { ChangeFeed, Dependency } from './changes';
import { Query } from './query.svelte';

export interface RowsPage<T> {
  items: T[];
  total: number;
}

export interface PagedOptions<K, T> {
  key: () => K | null | undefined;
  fetch: (key: K, offset: number, limit: number) => Promise<RowsPage<T>>;
  on: readonly Dependency[];
  /** A new key (the owner resets its cursor and selection). */
  onKey?: (key: K | null) => void;
  /** After each refresh (the owner keeps its cursor inside the list). */
  onRows?: (total: number) => void;
  feed?: ChangeFeed;
  pageSize?: number;
  prefetch?: number;
}

interface Pages<T> {
  total: number;
  pages: Map<number, T[]>;
}

export class PagedRows<K, T> {
  readonly query: Query<K, Pages<T>>;
  /** Set when a page beyond the first screen fails (the query's own error covers the rest). */
  pageError = $state<string | null>(null);
  readonly pageSize: number;
  private readonly prefetch: number;
  private range = { start: 0, end: 0 };
  private inflight = new Set<number>();

  constructor(private readonly opts: PagedOptions<K, T>) {
    this.pageSize = opts.pageSize ?? 100;
    this.prefetch = opts.prefetch ?? 60;
    this.query = new Query<K, Pages<T>>({
      key: opts.key,
      on: opts.on,
      feed: opts.feed,
      fetch: (key) => this.fetchWindow(key),
      onKey: (key) => {
        // A new list: from the top, as many rows as were on screen.
        this.range = { start: 0, end: Math.max(this.range.end - this.range.start, this.pageSize) };
        opts.onKey?.(key);
      },
      onData: (data) => {
        this.pageError = null;
        opts.onRows?.(data.total);
        // The window may have moved while these were on their way (coming back to a view scrolls
        // to its active row): pages it needs that were not fetched are fetched now.
        this.ensure(this.range.start, this.range.end);
      },
    });
  }

  follow(): void {
    this.query.follow();
  }

  refetch(): Promise<void> {
    return this.query.refetch();
  }

  get total(): number {
    return this.query.data?.total ?? 0;
  }
  get loading(): boolean {
    return this.query.loading;
  }
  get error(): string | null {
    return this.query.error ?? this.pageError;
  }

  row(index: number): T | undefined {
    return this.query.data?.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Called by the virtual list with the rows it is about to show. */
  ensure(start: number, end: number): void {
    this.range = { start, end };
    const key = this.query.current;
    const data = this.query.data;
    if (key === null || !data) return;
    const gen = this.query.generation;
    const inflight = this.inflight;
    // Fetch a little beyond the window, so rows scrolled into view already have their data.
    const ahead = this.pagesFor(Math.max(0, start - this.prefetch), Math.min(Math.max(data.total, end), end + this.prefetch));
    for (const p of ahead) {
      if (data.pages.has(p) || inflight.has(p)) continue;
      inflight.add(p);
      this.fetchPage(key, p)
        .then((res) => {
          const now = this.query.data;
          if (gen !== this.query.generation || !now) return;
          this.query.set({ total: res.total, pages: new Map(now.pages).set(p, res.items) });
        })
        .catch((err) => gen === this.query.generation && (this.pageError = errorMessage(err)))
        .finally(() => inflight.delete(p));
    }
  }

  /** The pages on screen, for the query's fetch (older fetches are dropped on arrival by the query). */
  private async fetchWindow(key: K): Promise<Pages<T>> {
    const wanted = this.pagesFor(this.range.start, this.range.end);
    // These pages are on their way, so ensure() skips them.
    const inflight = (this.inflight = new Set(wanted));
    try {
      const fetched = await Promise.all(wanted.map((p) => this.fetchPage(key, p)));
      const pages = new Map<number, T[]>();
      fetched.forEach((res, i) => pages.set(wanted[i], res.items));
      return { total: fetched[0]?.total ?? 0, pages };
    } finally {
      for (const p of wanted) inflight.delete(p);
    }
  }

  private pagesFor(start: number, end: number): number[] {
    const first = Math.floor(start / this.pageSize);
    const last = Math.max(first, Math.floor(Math.max(start, end - 1) / this.pageSize));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  private fetchPage(key: K, page: number): Promise<RowsPage<T>> {
    return this.opts.fetch(key, page * this.pageSize, this.pageSize);
  }
}
