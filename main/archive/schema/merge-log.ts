// What archive merges added (migration 004), so a merge can be undone exactly (repos/merge-log.ts),
// and the engine's own state (engine/recovery.ts).
import { defineTable } from './table';

const local = { local: "the merge log is this archive's own undo record" };

export const ARCHIVE_MERGE = defineTable(
  'archive_merge',
  {
    id: { type: 'INTEGER', pk: 1 },
    source: { type: 'TEXT' },
    actor: { type: 'TEXT', notNull: true },
    merged_at: { type: 'TEXT', notNull: true },
    /** ArchiveRecordCounts */
    added: { type: 'TEXT', notNull: true, json: 'object' },
    undone_at: { type: 'TEXT' },
  },
  local,
);

export const ARCHIVE_MERGE_ROW = defineTable(
  'archive_merge_row',
  {
    merge_id: { type: 'INTEGER', notNull: true, pk: 1 },
    kind: { type: 'TEXT', notNull: true, pk: 2 },
    row_id: { type: 'INTEGER', notNull: true, pk: 3 },
    other_id: { type: 'INTEGER', notNull: true, pk: 4, sqlDefault: '0' },
    key: { type: 'TEXT', notNull: true, pk: 5, sqlDefault: "''" },
    fingerprint: { type: 'TEXT' },
  },
  local,
);

/** Created by the engine, not a migration (engine/recovery.ts STATE_TABLE): which journal records the snapshot holds. */
export const ARCHIVE_STATE = defineTable(
  'archive_state',
  {
    key: { type: 'TEXT', pk: 1 },
    value: { type: 'TEXT', notNull: true },
  },
  { local: "the engine's own bookkeeping" },
);
