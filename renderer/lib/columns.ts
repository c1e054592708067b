// The claims table's columns: which exist, how wide, which sort the archive can do, and what the
// user chose — which to show, how wide each is (column-widths.svelte.ts, shared with the library),
// whether long text wraps (kept in localStorage between sessions, like the app's other view preferences).
import type { ClaimQuery } from '../../shared/domain';
import { readPref as read, writePref as write, type ResizableColumn } from './column-widths.svelte';

export { clampWidth, columnTemplate, MAX_WIDTH } from './column-widths.svelte';

export type ColumnId =
  | 'statement'
  | 'claimant'
  | 'article'
  | 'date'
  | 'status'
  | 'verdict'
  | 'source'
  | 'published'
  | 'claimDate'
  | 'resolveBy'
  | 'tags'
  | 'kind'
  | 'score'
  | 'updatedAt';
export type SortKey = NonNullable<ClaimQuery['sort']>;

export interface ColumnDef extends ResizableColumn<ColumnId> {
  sort?: SortKey;
}

export const COLUMNS: ColumnDef[] = [
  { id: 'statement', label: 'Statement', width: 'minmax(260px, 3fr)', min: 160 },
  { id: 'claimant', label: 'Claimant', width: 'minmax(110px, 1fr)', min: 70, sort: 'claimant' },
  { id: 'article', label: 'Article', width: 'minmax(150px, 1.6fr)', min: 80, sort: 'article' },
  { id: 'date', label: 'Date', width: '112px', min: 70, sort: 'date' },
  { id: 'verdict', label: 'Verdict', width: '128px', min: 80, sort: 'verdict' },
  { id: 'status', label: 'Status', width: '118px', min: 70, sort: 'status' },
  { id: 'source', label: 'Outlet', width: 'minmax(100px, 0.8fr)', min: 60, sort: 'outlet' },
  { id: 'published', label: 'Published', width: '108px', min: 70, sort: 'published' },
  { id: 'claimDate', label: 'Claim date', width: '108px', min: 70, sort: 'claimDate' },
  { id: 'resolveBy', label: 'Resolve by', width: '124px', min: 70, sort: 'resolveBy' },
  { id: 'tags', label: 'Tags', width: 'minmax(100px, 1fr)', min: 60 },
  { id: 'kind', label: 'Kind', width: '84px', min: 50 },
  { id: 'score', label: 'Score', width: '64px', min: 50, sort: 'score' },
  { id: 'updatedAt', label: 'Updated', width: '108px', min: 70, sort: 'updatedAt' },
];

/** What a researcher reads first: who said what, where, when, and what was found. */
export const DEFAULT_COLUMNS: ColumnId[] = ['statement', 'claimant', 'article', 'date', 'verdict'];
const STORAGE_KEY = 'claimdesk.claims.columns';
export const WIDTHS_KEY = 'claimdesk.claims.widths';
const WRAP_KEY = 'claimdesk.claims.wrap';

/** The shown columns, in the table's order (the order of COLUMNS). */
export function loadColumns(): ColumnId[] {
  const saved = read(STORAGE_KEY);
  if (Array.isArray(saved)) {
    const known = saved.filter((id): id is ColumnId => COLUMNS.some((c) => c.id === id));
    if (known.includes('statement')) return known;
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(ids: ColumnId[]): void {
  write(STORAGE_KEY, ids);
}

export function loadWrap(): boolean {
  return read(WRAP_KEY) === true;
}

export function saveWrap(wrap: boolean): void {
  write(WRAP_KEY, wrap);
}

export function columnDefs(ids: ColumnId[]): ColumnDef[] {
  return COLUMNS.filter((c) => ids.includes(c.id));
}
