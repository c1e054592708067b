// Version 9: team sync never loses an edit the server stored just before the app died (docs/sync.md §3).
// - `sync_doc.sending_rev` / `sending_digest`: the revision a push is about to send, and the digest of
//   its body, written (write-ahead) in the same transaction that takes the record's changes, before
//   the request leaves. Once the server has acknowledged it they become `rev` / `digest`; if the
//   device is killed in between, the next round asks the server (`_revs_diff`) whether it has that
//   revision and, if so, makes it the parent of the next edit — never a sibling of it.
// - Removals travel (tombstones): deleting a collection marks its document even when it had no
//   members, and a collection put back (undo) is marked again.
import type { Migration } from './types';

export const syncSendingSchema: Migration = {
  version: 9,
  name: 'team sync write-ahead of sent revisions, collection removals',
  sql: `
ALTER TABLE sync_doc ADD COLUMN sending_rev TEXT;
ALTER TABLE sync_doc ADD COLUMN sending_digest TEXT;
CREATE INDEX sync_doc_sending ON sync_doc(sending_rev) WHERE sending_rev IS NOT NULL;
CREATE TRIGGER sync_dirty_collection_ad AFTER DELETE ON collection BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = old.id; END;
CREATE TRIGGER sync_dirty_collection_ai AFTER INSERT ON collection BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = new.id; END;
`,
};
