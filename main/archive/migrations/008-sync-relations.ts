// Version 8: team sync for links, evidence and collections (docs/sync.md §2). sync_doc (version 6)
// takes any kind; these triggers mark a record's document to rebuild when the record, or a
// collection's membership, changes — as version 6's do for articles, claims and entities — so a sync
// round still rebuilds only what was written since the last one.
import type { Migration } from './types';

export const syncRelationsSchema: Migration = {
  version: 8,
  name: 'team sync for links, evidence and collections',
  sql: `
CREATE TRIGGER sync_dirty_link AFTER UPDATE ON claim_link BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'link' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_link_ad AFTER DELETE ON claim_link BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'link' AND local_id = old.id; END;
CREATE TRIGGER sync_dirty_evidence AFTER UPDATE ON evidence BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'evidence' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_evidence_ad AFTER DELETE ON evidence BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'evidence' AND local_id = old.id; END;
CREATE TRIGGER sync_dirty_collection AFTER UPDATE ON collection BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_collection_claim_ai AFTER INSERT ON collection_claim BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = new.collection_id; END;
CREATE TRIGGER sync_dirty_collection_claim_ad AFTER DELETE ON collection_claim BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = old.collection_id; END;
`,
};
