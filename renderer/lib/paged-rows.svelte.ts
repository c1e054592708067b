// A page cache over a paged list method (claims.list, articles.list): a virtual list says which rows
// it is about to show, and only their pages (plus a little ahead) are fetched. Answers to an older
// query or an older reload are dropped.
/* eslint-disable svelte/prefer-svelte-reactivity -- the page Map is replaced whole in a $state.raw field; the in-flight Set is private bookkeeping. */
import { errorMessage } from './api';

export interface RowsPage<T> {
  items: T[];
  total: number;
}

export class PagedRows<T> {
  total = $state(0);
  loading = $state(true);
  error = $state<string | null>(null);
  pages = $state.raw(new Map<number, T[]>());
  private generation = 0;
  private range = { start: 0, end: 0 };
  private inflight = new Set<number>();

  /** `fetch` reads the owner's current query, so a restart after a query change asks the new one. */
  constructor(
    private readonly fetch: (offset: number, limit: number) => Promise<RowsPage<T>>,
    readonly pageSize = 100,
    private readonly prefetch = 60,
  ) {}

  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** A new query: fetch from the top (the owner scrolls there), as many rows as were on screen. */
  restart(): Promise<void> {
    this.range = { start: 0, end: Math.max(this.range.end - this.range.start, this.pageSize) };
    return this.reload(true);
  }

  /** Same query, fresh data (after an edit): keeps the rows on screen until the new ones arrive. */
  async reload(fromScratch = false): Promise<void> {
    const gen = ++this.generation;
    this.loading = true;
    const wanted = this.pagesFor(this.range.start, this.range.end);
    // Older fetches are dropped on arrival; these pages are on their way, so ensure() skips them.
    const inflight = (this.inflight = new Set(wanted));
    try {
      const fetched = await Promise.all(wanted.map((p) => this.fetchPage(p)));
      if (gen !== this.generation) return;
      const next = new Map<number, T[]>();
      fetched.forEach((res, i) => next.set(wanted[i], res.items));
      this.total = fetched[0]?.total ?? 0;
      this.pages = next;
      this.error = null;
      // The window may have moved while these were on their way (coming back to a view scrolls to
      // its active row): pages it needs that this reload did not fetch are fetched now, else their
      // rows would wait for data forever.
      this.ensure(this.range.start, this.range.end);
    } catch (err) {
      if (gen !== this.generation) return;
      this.error = errorMessage(err);
      if (fromScratch) this.pages = new Map();
    } finally {
      if (gen === this.generation) this.loading = false;
      for (const p of wanted) inflight.delete(p);
    }
  }

  /** Called by the virtual list with the rows it is about to show. */
  ensure(start: number, end: number): void {
    this.range = { start, end };
    const gen = this.generation;
    const inflight = this.inflight;
    // Fetch a little beyond the window, so rows scrolled into view already have their data.
    const ahead = this.pagesFor(Math.max(0, start - this.prefetch), Math.min(Math.max(this.total, end), end + this.prefetch));
    for (const p of ahead) {
      if (this.pages.has(p) || inflight.has(p)) continue;
      inflight.add(p);
      this.fetchPage(p)
        .then((res) => {
          if (gen !== this.generation) return;
          this.pages = new Map(this.pages).set(p, res.items);
          this.total = res.total;
        })
        .catch((err) => gen === this.generation && (this.error = errorMessage(err)))
        .finally(() => inflight.delete(p));
    }
  }

  private pagesFor(start: number, end: number): number[] {
    const first = Math.floor(start / this.pageSize);
    const last = Math.max(first, Math.floor(Math.max(start, end - 1) / this.pageSize));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  private fetchPage(page: number): Promise<RowsPage<T>> {
    return this.fetch(page * this.pageSize, this.pageSize);
  }
}
