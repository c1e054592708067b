// The claims table: the query (search, filters, sort), a page cache over claims.list so only the
// visible rows are fetched, and the multi-selection. Stale answers (an older query) are dropped; an
// edit to claims (here or anywhere) refreshes the rows in place.
/* eslint-disable svelte/prefer-svelte-reactivity -- Sets here are replaced whole in $state.raw fields, never mutated while reactive. */
import type { ClaimQuery, ClaimRow } from '../../shared/domain';
import type { WorkflowStatus } from '../../shared/verdicts';
import { call } from './api';
import { COLUMNS, loadColumns, loadWrap, saveColumns, saveWrap, WIDTHS_KEY, type ColumnId, type SortKey } from './columns';
import { RememberedWidths } from './column-widths.svelte';
import { PagedRows } from './paged-rows.svelte';

const MAX_FETCH = 5_000;

export interface ClaimFilters {
  status: WorkflowStatus[];
  verdict: string[];
  claimant: string;
  entityId: number | null;
  outlet: string;
  tag: string;
  from: string;
  to: string;
  collectionId: number | null;
  /** Only claims changed on two devices and not yet resolved (team sync). */
  conflict: boolean;
}

export const NO_FILTERS: ClaimFilters = {
  status: [],
  verdict: [],
  claimant: '',
  entityId: null,
  outlet: '',
  tag: '',
  from: '',
  to: '',
  collectionId: null,
  conflict: false,
};

export function activeFilterCount(f: ClaimFilters): number {
  return [f.status.length, f.verdict.length, f.claimant, f.entityId, f.outlet, f.tag, f.from, f.to, f.collectionId, f.conflict].filter(
    (v) => !!v,
  ).length;
}

export class ClaimsTable {
  search = $state('');
  filters = $state<ClaimFilters>({ ...NO_FILTERS });
  sort = $state<SortKey>('updatedAt');
  order = $state<'asc' | 'desc'>('desc');
  columns = $state<ColumnId[]>(loadColumns());
  /** Widths the user gave columns (px); the others keep their default track. */
  readonly columnWidths = new RememberedWidths(WIDTHS_KEY, COLUMNS);
  /** Long statements, titles and names wrap onto up to three lines (taller rows). */
  wrap = $state(loadWrap());

  /** The rows of the current query, fetched a page at a time as the grid scrolls. */
  readonly rows = new PagedRows<ClaimQuery, ClaimRow>({
    key: () => this.query,
    fetch: (query, offset, limit) => call('claims.list', { ...query, offset, limit }),
    // Rows show the article's outlet and the claim's entities; collection filters follow memberships.
    // A claim marked conflict or resolved by sync arrives as a claim change (main/app/team-sync.ts).
    on: ['claim', 'article', 'entity', 'collection'],
    // A new query: start from the top with an empty selection.
    onKey: () => {
      this.active = 0;
      this.clearSelection();
    },
    onRows: (total) => {
      if (this.active >= total) this.active = Math.max(0, total - 1);
    },
  });

  active = $state(0);
  selection = $state.raw(new Set<number>());
  allSelected = $state(false);
  private anchor = 0;

  /** The archive query the table shows (without paging). */
  get query(): ClaimQuery {
    const f = this.filters;
    const search = this.search.trim();
    return {
      search: search || undefined,
      status: f.status.length ? f.status : undefined,
      verdict: f.verdict.length ? f.verdict : undefined,
      claimant: f.claimant.trim() || undefined,
      entityId: f.entityId ?? undefined,
      outlet: f.outlet.trim() || undefined,
      tag: f.tag.trim() || undefined,
      from: f.from || undefined,
      to: f.to || undefined,
      collectionId: f.collectionId ?? undefined,
      conflict: f.conflict || undefined,
      sort: search && this.sort === 'updatedAt' ? 'relevance' : this.sort,
      order: this.order,
    };
  }

  get selectedCount(): number {
    return this.allSelected ? this.total : this.selection.size;
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

  row(index: number): ClaimRow | undefined {
    return this.rows.row(index);
  }

  isSelected(index: number): boolean {
    if (this.allSelected) return index < this.total;
    const r = this.row(index);
    return r !== undefined && this.selection.has(r.id);
  }

  /** Follows the query and claim changes while the table is shown; each showing starts from the top. */
  follow(): void {
    this.rows.query.forget();
    this.rows.follow();
  }

  /** Called by the virtual table with the rows it is about to show. */
  ensure(start: number, end: number): void {
    this.rows.ensure(start, end);
  }

  // --- Selection: click, shift-click (range), ctrl-click (toggle), Ctrl+A (everything matching) ---

  async click(index: number, mods: { shift: boolean; toggle: boolean }): Promise<void> {
    const r = this.row(index);
    if (!r) return;
    this.active = index;
    if (mods.shift) return this.selectRange(this.anchor, index, mods.toggle);
    this.anchor = index;
    if (mods.toggle) {
      const next = this.allSelected ? new Set(await this.selectedIds()) : new Set(this.selection);
      this.allSelected = false;
      if (next.has(r.id)) next.delete(r.id);
      else next.add(r.id);
      this.selection = next;
    } else {
      this.allSelected = false;
      this.selection = new Set([r.id]);
    }
  }

  /** Moves the active row (j/k, arrows); with extend, the selection follows as with shift-click. */
  async move(delta: number, extend = false): Promise<void> {
    if (this.total === 0) return;
    const next = Math.min(this.total - 1, Math.max(0, this.active + delta));
    this.active = next;
    if (extend) await this.selectRange(this.anchor, next, false);
    else this.anchor = next;
  }

  toggleActive(): void {
    const r = this.row(this.active);
    if (!r || this.allSelected) return;
    const next = new Set(this.selection);
    if (next.has(r.id)) next.delete(r.id);
    else next.add(r.id);
    this.selection = next;
    this.anchor = this.active;
  }

  selectAll(): void {
    this.allSelected = this.total > 0;
    this.selection = new Set();
  }

  clearSelection(): void {
    this.allSelected = false;
    this.selection = new Set();
  }

  private async selectRange(a: number, b: number, add: boolean): Promise<void> {
    const ids = await this.idsBetween(Math.min(a, b), Math.max(a, b));
    this.allSelected = false;
    this.selection = new Set(add ? [...this.selection, ...ids] : ids);
  }

  /** The ids of rows a..b inclusive, from the cache when loaded, else asked of the archive. */
  private async idsBetween(a: number, b: number): Promise<number[]> {
    const cached: number[] = [];
    for (let i = a; i <= b; i++) {
      const r = this.row(i);
      if (!r) return this.fetchIds(a, b - a + 1);
      cached.push(r.id);
    }
    return cached;
  }

  private async fetchIds(offset: number, count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let at = offset; at < offset + count; at += MAX_FETCH) {
      const page = await call('claims.list', { ...this.query, offset: at, limit: Math.min(MAX_FETCH, offset + count - at) });
      ids.push(...page.items.map((r) => r.id));
      if (page.items.length === 0) break;
    }
    return ids;
  }

  /** What bulk actions apply to: the selection, or the active row when nothing is selected. */
  async selectedIds(): Promise<number[]> {
    if (this.allSelected) return this.fetchIds(0, this.total);
    if (this.selection.size > 0) return [...this.selection];
    const r = this.row(this.active);
    return r ? [r.id] : [];
  }

  // --- Columns and sorting ---

  toggleColumn(id: ColumnId): void {
    if (id === 'statement') return;
    this.columns = this.columns.includes(id) ? this.columns.filter((c) => c !== id) : [...this.columns, id];
    saveColumns(this.columns);
  }

  get widths() {
    return this.columnWidths.widths;
  }

  /** Sets a column's width (px, within its bounds) and remembers it. */
  resizeColumn(id: ColumnId, px: number): void {
    this.columnWidths.resize(id, px);
  }

  /** Back to the column's default width. */
  resetColumn(id: ColumnId): void {
    this.columnWidths.reset(id);
  }

  /** Every column back to its default width. */
  resetWidths(): void {
    this.columnWidths.resetAll();
  }

  setWrap(on: boolean): void {
    this.wrap = on;
    saveWrap(on);
  }

  sortBy(key: SortKey): void {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else {
      this.sort = key;
      // Names and titles A to Z first, the workflow from its start; dates and scores newest or highest first.
      this.order = ['claimant', 'status', 'article', 'outlet'].includes(key) ? 'asc' : 'desc';
    }
  }

  /** Applies a saved search's query to the table. */
  apply(q: ClaimQuery): void {
    this.search = q.search ?? '';
    this.filters = {
      status: q.status ?? [],
      verdict: q.verdict ?? [],
      claimant: q.claimant ?? '',
      entityId: q.entityId ?? null,
      outlet: q.outlet ?? '',
      tag: q.tag ?? '',
      from: q.from ?? '',
      to: q.to ?? '',
      collectionId: q.collectionId ?? null,
      conflict: q.conflict === true,
    };
    this.sort = q.sort && q.sort !== 'relevance' ? q.sort : 'updatedAt';
    this.order = q.order ?? 'desc';
  }
}

export const claimsTable = new ClaimsTable();
