// Version 7: team sync (docs/sync.md). Each synced record's global id (a UUID, the same on every
// device), the CouchDB revision last agreed with the server, the digest of the body it had then,
// and the other version when two devices changed it; and where the last pull from a server stopped.
// Both tables are this archive's own bookkeeping: never in a .claimdesk file.
import type { Migration } from './types';

export const syncSchema: Migration = {
  version: 7,
  name: 'team sync ids and checkpoints',
  sql: `
CREATE TABLE sync_doc (
  gid TEXT PRIMARY KEY,
  -- article, claim, entity, history today; link, evidence, collection later (no CHECK: no rebuild then)
  kind TEXT NOT NULL,
  local_id INTEGER NOT NULL,
  rev TEXT,
  digest TEXT,
  conflict TEXT
);
-- Several gids may name one record: the same entity or original created on two devices before they
-- synced is one record here, known by both ids (docs/sync.md §1).
CREATE INDEX sync_doc_by_record ON sync_doc(kind, local_id);
CREATE TABLE sync_checkpoint (
  remote TEXT PRIMARY KEY,
  replication_id TEXT NOT NULL,
  pull_since TEXT NOT NULL DEFAULT '0',
  updated_at TEXT NOT NULL
);
`,
};
