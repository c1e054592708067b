// Version 4: what each archive merge added, so that a merge can be undone exactly (repos/merge-log.ts).
// (Version 3 is entity un-merge.)
import type { Migration } from './types';

export const mergeLogSchema: Migration = {
  version: 4,
  name: 'archive merge log',
  sql: `
CREATE TABLE archive_merge (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT,
  actor TEXT NOT NULL,
  merged_at TEXT NOT NULL,
  -- ArchiveRecordCounts JSON: what the import summary said was added
  added TEXT NOT NULL,
  undone_at TEXT
);
-- One row per record the merge inserted. row_id is the record's id; for the rows keyed by several
-- columns: claim_entity (row_id claim, other_id entity, key role), collection_claim (row_id
-- collection, other_id claim), entity_name (row_id entity, key normalised name). fingerprint: a hash
-- of the record's columns just after the merge; undo refuses a record whose hash differs.
CREATE TABLE archive_merge_row (
  merge_id INTEGER NOT NULL REFERENCES archive_merge(id),
  kind TEXT NOT NULL CHECK (kind IN ('article', 'entity', 'name', 'claim', 'claim_entity', 'link', 'evidence', 'history', 'collection', 'membership', 'saved_search')),
  row_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL DEFAULT 0,
  key TEXT NOT NULL DEFAULT '',
  fingerprint TEXT,
  PRIMARY KEY (merge_id, kind, row_id, other_id, key)
) WITHOUT ROWID;
CREATE INDEX archive_merge_row_by_record ON archive_merge_row(kind, row_id);
`,
};
