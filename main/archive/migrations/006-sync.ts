// Version 6: team sync (docs/sync.md). Each synced record's global id (a UUID, the same on every
// device), the CouchDB revision last agreed with the server, the digest of the body it had then,
// and the other version when two devices changed it; and where the last pull from a server stopped.
// Both tables are this archive's own bookkeeping: never in a .claimdesk file.
import type { Migration } from './types';

export const syncSchema: Migration = {
  version: 6,
  name: 'team sync ids and checkpoints',
  sql: `
CREATE TABLE sync_doc (
  gid TEXT PRIMARY KEY,
  -- article, claim, entity, history today; link, evidence, collection later (no CHECK: no rebuild then)
  kind TEXT NOT NULL,
  local_id INTEGER NOT NULL,
  rev TEXT,
  digest TEXT,
  conflict TEXT,
  -- 1: the record may have changed since its document was last built (set by the triggers below),
  -- so a sync round rebuilds only these instead of every record
  dirty INTEGER NOT NULL DEFAULT 1
);
-- Several gids may name one record: the same entity or original created on two devices before they
-- synced is one record here, known by both ids (docs/sync.md §1).
CREATE INDEX sync_doc_by_record ON sync_doc(kind, local_id);
CREATE INDEX sync_doc_dirty ON sync_doc(dirty) WHERE dirty = 1;
CREATE TRIGGER sync_dirty_article AFTER UPDATE ON article BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'article' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_claim AFTER UPDATE ON claim BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'claim' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_claim_entity_ai AFTER INSERT ON claim_entity BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'claim' AND local_id = new.claim_id; END;
CREATE TRIGGER sync_dirty_claim_entity_ad AFTER DELETE ON claim_entity BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'claim' AND local_id = old.claim_id; END;
CREATE TRIGGER sync_dirty_entity AFTER UPDATE ON entity BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'entity' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_entity_name_ai AFTER INSERT ON entity_name BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'entity' AND local_id = new.entity_id; END;
CREATE TRIGGER sync_dirty_entity_name_ad AFTER DELETE ON entity_name BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'entity' AND local_id = old.entity_id; END;
CREATE TRIGGER sync_dirty_entity_name_au AFTER UPDATE ON entity_name BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'entity' AND local_id IN (old.entity_id, new.entity_id); END;
CREATE TABLE sync_checkpoint (
  remote TEXT PRIMARY KEY,
  replication_id TEXT NOT NULL,
  pull_since TEXT NOT NULL DEFAULT '0',
  updated_at TEXT NOT NULL
);
`,
};
