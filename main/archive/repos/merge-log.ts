// What one archive merge inserted, kept in archive_merge / archive_merge_row (migration 004) so the
// merge can be undone exactly (merge-undo.ts). Each record gets a fingerprint of its columns as the
// merge left them: a record that differs later was changed since, and undo refuses to remove it.
import { createHash } from 'node:crypto';
import type { ArchiveRecordCounts } from '../../../shared/domain';
import { json, type RepoBase } from './context';
import { ARTICLE, CLAIM, CLAIM_LINK, COLLECTION, ENTITY, EVIDENCE, HISTORY, SAVED_SEARCH, columnNames, type Table } from '../schema';

export type LoggedKind =
  | 'article'
  | 'entity'
  | 'name'
  | 'claim'
  | 'claim_entity'
  | 'link'
  | 'evidence'
  | 'history'
  | 'collection'
  | 'membership'
  | 'saved_search'
  | 'highlight';

interface LoggedRow {
  kind: LoggedKind;
  rowId: number;
  otherId: number;
  key: string;
}

/**
 * The records with an id of their own: their table and the columns a change would show in (those the
 * table's description marks `tracked`, in table order). The columns are named, not `*`, so a later
 * migration adding a column does not make every merge look changed.
 */
const tracked = (t: Table) => ({ table: t.name, columns: columnNames(t, (c) => c.tracked === true).join(', ') });
export const TRACKED = {
  article: tracked(ARTICLE),
  claim: tracked(CLAIM),
  entity: tracked(ENTITY),
  link: tracked(CLAIM_LINK),
  evidence: tracked(EVIDENCE),
  history: tracked(HISTORY),
  collection: tracked(COLLECTION),
  saved_search: tracked(SAVED_SEARCH),
} as const satisfies Partial<Record<LoggedKind, { table: string; columns: string }>>;
export type TrackedKind = keyof typeof TRACKED;

/** How the summary counts each kind (ArchiveRecordCounts); names, entity links and memberships go with them. */
export const COUNTED: Record<TrackedKind, keyof ArchiveRecordCounts> = {
  article: 'articles',
  claim: 'claims',
  entity: 'entities',
  link: 'links',
  evidence: 'evidence',
  history: 'history',
  collection: 'collections',
  saved_search: 'savedSearches',
};

export function noRecords(): ArchiveRecordCounts {
  return { articles: 0, claims: 0, entities: 0, links: 0, evidence: 0, history: 0, collections: 0, savedSearches: 0 };
}

const digest = (values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('base64');

/** The record as it is now; null when it is gone. */
export function fingerprint(ctx: RepoBase, kind: TrackedKind, id: number): string | null {
  const { table, columns } = TRACKED[kind];
  const row = ctx.sql.get<Record<string, unknown>>(`SELECT ${columns} FROM ${table} WHERE id = ?`, [id]);
  return row ? digest(Object.values(row)) : null;
}

/**
 * An article already here whose notes or tags a merge changed is logged as kind 'article' with a key
 * (the log's kinds are fixed): the key holds its notes and tags as they were (JSON), the fingerprint
 * them as the merge left them. An article the merge inserted has the key ''.
 */
export function notesFingerprint(ctx: RepoBase, id: number): string | null {
  const row = ctx.sql.get<{ notes: string; tags: string }>('SELECT notes, tags FROM article WHERE id = ?', [id]);
  return row ? digest([row.notes, row.tags]) : null;
}

/** Filled in by the merge as it inserts (merge.ts); saved at its end. */
export class MergeLog {
  readonly rows: LoggedRow[] = [];

  add(kind: LoggedKind, rowId: number, otherId = 0, key = ''): this {
    this.rows.push({ kind, rowId, otherId, key });
    return this;
  }
}

/** Saves what the merge inserted; returns the merge's id (what archive.merge.undo takes). */
export function saveMergeLog(ctx: RepoBase, log: MergeLog, added: ArchiveRecordCounts, source: string | null): number {
  ctx.sql.run('INSERT INTO archive_merge (source, actor, merged_at, added) VALUES (?, ?, ?, ?)', [
    source,
    ctx.actor,
    ctx.now(),
    json(added),
  ]);
  const mergeId = ctx.sql.lastId();
  const rows = [...log.rows];
  // A new claim's entity links went in with it (insertClaimRow): every one of them is the merge's.
  for (const r of log.rows.filter((r) => r.kind === 'claim')) {
    for (const ce of ctx.sql.all<{ entityId: number; role: string }>(
      'SELECT entity_id AS entityId, role FROM claim_entity WHERE claim_id = ?',
      [r.rowId],
    )) {
      rows.push({ kind: 'claim_entity', rowId: r.rowId, otherId: ce.entityId, key: ce.role });
    }
  }
  for (const r of rows) {
    const print =
      r.kind === 'article' && r.key !== ''
        ? notesFingerprint(ctx, r.rowId)
        : r.kind in TRACKED
          ? fingerprint(ctx, r.kind as TrackedKind, r.rowId)
          : null;
    ctx.sql.run('INSERT INTO archive_merge_row (merge_id, kind, row_id, other_id, key, fingerprint) VALUES (?, ?, ?, ?, ?, ?)', [
      mergeId,
      r.kind,
      r.rowId,
      r.otherId,
      r.key,
      print,
    ]);
  }
  return mergeId;
}
