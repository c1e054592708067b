// Team sync bookkeeping (migration 006, docs/sync.md): global ids and revisions, pull checkpoints.
import { defineTable } from './table';

const local = { local: "sync bookkeeping belongs to this device's copy of the archive" };

export const SYNC_DOC = defineTable(
  'sync_doc',
  {
    gid: { type: 'TEXT', pk: 1 },
    kind: { type: 'TEXT', notNull: true },
    local_id: { type: 'INTEGER', notNull: true },
    rev: { type: 'TEXT' },
    digest: { type: 'TEXT' },
    /** JSON: the other device's version of a record both changed (ClaimConflict), until resolved. */
    conflict: { type: 'TEXT', json: 'object' },
    /** 1: changed since its document was last built (migration 006's triggers set it). */
    dirty: { type: 'INTEGER', notNull: true, sqlDefault: '1' },
    /** The revision a push is sending (written before the request leaves; migration 009), until the server's answer is known. */
    sending_rev: { type: 'TEXT' },
    /** The digest of the body sent as `sending_rev`. */
    sending_digest: { type: 'TEXT' },
  },
  local,
);

export const SYNC_CHECKPOINT = defineTable(
  'sync_checkpoint',
  {
    remote: { type: 'TEXT', pk: 1 },
    replication_id: { type: 'TEXT', notNull: true },
    pull_since: { type: 'TEXT', notNull: true, sqlDefault: "'0'" },
    updated_at: { type: 'TEXT', notNull: true },
  },
  local,
);
