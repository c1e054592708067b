// The claims table's columns: which exist, how wide, which sort the archive can do, and which the
// user chose to show (kept in localStorage between sessions).
import type { ClaimQuery } from '../../shared/domain';

export type ColumnId =
  | 'statement'
  | 'claimant'
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

export interface ColumnDef {
  id: ColumnId;
  label: string;
  width: string;
  sort?: SortKey;
}

export const COLUMNS: ColumnDef[] = [
  { id: 'statement', label: 'Statement', width: 'minmax(280px, 3fr)' },
  { id: 'claimant', label: 'Claimant', width: 'minmax(120px, 1fr)', sort: 'claimant' },
  { id: 'status', label: 'Status', width: '118px', sort: 'status' },
  { id: 'verdict', label: 'Verdict', width: '128px', sort: 'verdict' },
  { id: 'source', label: 'Source', width: 'minmax(120px, 1fr)' },
  { id: 'published', label: 'Published', width: '108px' },
  { id: 'claimDate', label: 'Claim date', width: '108px', sort: 'claimDate' },
  { id: 'resolveBy', label: 'Resolve by', width: '124px' },
  { id: 'tags', label: 'Tags', width: 'minmax(100px, 1fr)' },
  { id: 'kind', label: 'Kind', width: '84px' },
  { id: 'score', label: 'Score', width: '64px', sort: 'score' },
  { id: 'updatedAt', label: 'Updated', width: '108px', sort: 'updatedAt' },
];

export const DEFAULT_COLUMNS: ColumnId[] = ['statement', 'claimant', 'status', 'verdict', 'source', 'updatedAt'];
const STORAGE_KEY = 'claimdesk.claims.columns';

export function loadColumns(): ColumnId[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (Array.isArray(saved)) {
      const known = saved.filter((id): id is ColumnId => COLUMNS.some((c) => c.id === id));
      if (known.includes('statement')) return known;
    }
  } catch {
    // unreadable preference: fall back to the defaults
  }
  return [...DEFAULT_COLUMNS];
}

export function saveColumns(ids: ColumnId[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
  } catch {
    // storage full or disabled: the choice lasts for this session only
  }
}

export function columnDefs(ids: ColumnId[]): ColumnDef[] {
  return COLUMNS.filter((c) => ids.includes(c.id));
}
