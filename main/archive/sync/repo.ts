// archive.sync: the archive's side of team sync (docs/sync.md). Gives records their global ids,
// builds the documents to push and says which changed since the revision last agreed with the
// server, and applies pulled documents in one transaction with the conflict policy: a record changed
// here since the agreed revision keeps its local version and is marked conflict with the other
// version kept; a deletion wins only over an unchanged record; history documents never change.
// Applied documents write no history rows of their own: the history arrives as its own documents.
import { createHash, randomUUID } from 'node:crypto';
import type { RepoContext, WriteMode, Written } from '../repos/context';
import { normaliseName } from '../repos/entities';
import type { ArticleBody, ClaimBody, ClaimConflict, EntityBody, HistoryBody, RecordBody, SyncDoc, SyncKind } from './documents';
import {
  buildRelation,
  isRelation,
  isRelationBody,
  relationNeeds,
  removeRelation,
  sameRelation,
  withoutArticles,
  writeRelation,
  type Ids,
  type RelationKind,
} from './relations';
import type { UnassignedRecords } from './unassigned';

export interface OutgoingDoc extends Omit<SyncDoc, 'body'> {
  /** null: the record was removed here (a link, evidence, collection or highlight): the document goes out as a tombstone. */
  body: RecordBody | null;
  localId: number;
  digest: string;
  /** The revision last agreed with the server (null: never pushed). */
  parentRev: string | null;
  /** Changed since the agreed revision (or never pushed): `rev` is a new one. */
  changed: boolean;
}

/**
 * A pulled document; `others` are the other live revisions when the server holds a conflict;
 * `ancestors` the revisions it descends from (newest first, itself included), when the server said.
 */
export interface PulledDoc extends SyncDoc {
  others?: SyncDoc[];
  ancestors?: string[];
}

/** A document the server holds as removed (`_deleted`): a link, evidence, collection or highlight removed on another device. */
export interface PulledRemoval {
  id: string;
  kind: RelationKind;
  gid: string;
  rev: string;
  ancestors?: string[];
}

/** A revision a push wrote ahead before sending, and whether the server turned out to store it. */
export interface SentRev {
  gid: string;
  rev: string;
  stored: boolean;
}

export interface ApplyResult {
  applied: number;
  /** Server-side conflicts settled here: the revision kept and the ones to close on the server. */
  resolved: { id: string; keep: string; drop: string[] }[];
  unchanged: number;
  /** Claims now marked conflict (their local id and gid). */
  conflicts: { claimId: number; gid: string }[];
  /** Documents that could not be applied (a reference this archive does not have). */
  rejected: { id: string; reason: string }[];
}

export interface Checkpoint {
  replicationId: string;
  pullSince: string;
}

interface SyncRow {
  gid: string;
  kind: SyncKind;
  localId: number;
  rev: string | null;
  digest: string | null;
  conflict: string | null;
  /** Written ahead before a push sends it; the server's answer is not known yet. */
  sendingRev: string | null;
}

const ORDER: SyncKind[] = ['article', 'entity', 'claim', 'link', 'evidence', 'collection', 'highlight', 'history'];
/** Pulled documents in the order they can be applied: what a document refers to comes before it. */
export const inApplyOrder = <D extends { kind: SyncKind }>(docs: D[]): D[] =>
  [...docs].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));

export const digestOf = (body: RecordBody): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/** Whether a record's body is the one a digest was taken of (a collection's also as it was before its articles travelled). */
function hasDigest(body: RecordBody, digest: string | null): boolean {
  if (digest === null) return false;
  if (digestOf(body) === digest) return true;
  const before = withoutArticles(body);
  return before !== null && digestOf(before) === digest;
}

/** `sync_doc.digest` of a record removed here whose removal the server has (or is being sent). */
const REMOVED = 'removed';

/** The revision after `parent` for this body (null: a tombstone): CouchDB's `N-hash` form. */
export function nextRev(parent: string | null, body: RecordBody | null): string {
  const gen = parent ? Number(parent.split('-')[0]) : 0;
  const hash = createHash('md5')
    .update(`${parent ?? ''}\u0000${JSON.stringify(body)}`)
    .digest('hex');
  return `${gen + 1}-${hash}`;
}

const jsonArray = (text: unknown): unknown[] => {
  try {
    const v = JSON.parse(String(text)) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

/**
 * @param unassigned which records may lack a global id (fed by the store's change feed and shared
 *   by the archive's repos), so a round never reads every record to find the few new ones.
 */
export function createSyncRepo<M extends WriteMode>(ctx: RepoContext<M>, unassigned: UnassignedRecords) {
  const sql = ctx.sql;

  /** The gid other devices know this record by (the smallest, so every device picks the same). */
  const gidOf = (kind: SyncKind, localId: number | null): string | null =>
    localId === null
      ? null
      : (sql.get<{ gid: string }>('SELECT min(gid) AS gid FROM sync_doc WHERE kind = ? AND local_id = ?', [kind, localId])?.gid ?? null);

  const ROW = 'gid, kind, local_id AS localId, rev, digest, conflict, sending_rev AS sendingRev';
  /**
   * Rows whose document may differ from the server's: written to or never pushed (`dirty`: a row is
   * made dirty and keeps the mark until a push writes its revision ahead), or sent without an answer.
   * Each condition is read through its own partial index, so a round reads only these rows, never
   * the whole table (one `OR` query, or a sort by gid, made SQLite scan every row).
   */
  function pendingRows(): SyncRow[] {
    const rows = new Map<string, SyncRow>();
    for (const where of ['dirty = 1', 'sending_rev IS NOT NULL'])
      for (const r of sql.all<SyncRow>(`SELECT ${ROW} FROM sync_doc WHERE ${where}`)) rows.set(r.gid, r);
    return [...rows.values()];
  }
  const inPushOrder = <T extends { kind: SyncKind; localId: number }>(xs: T[]): T[] =>
    xs.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.localId - b.localId);
  const localOf = (gid: string): SyncRow | undefined => sql.get<SyncRow>(`SELECT ${ROW} FROM sync_doc WHERE gid = ?`, [gid]);

  const ids: Ids = { gidOf, localIdOf: (gid) => localOf(gid)?.localId ?? null };

  function build(kind: SyncKind, id: number, conflict: string | null): RecordBody | null {
    if (isRelation(kind)) return buildRelation(ctx, ids, kind, id);
    if (kind === 'article') {
      const a = sql.get<Record<string, string | number | null>>('SELECT * FROM article WHERE id = ?', [id]);
      if (!a) return null;
      const body: ArticleBody = {
        type: 'article',
        v: 1,
        title: String(a.title),
        outlet: a.outlet as string | null,
        author: a.author as string | null,
        published: a.published as string | null,
        url: a.url as string | null,
        language: a.language as string | null,
        wireAgency: a.wire_agency as string | null,
        text: String(a.text),
        textQuality: a.text_quality as ArticleBody['textQuality'],
        textWarning: a.text_warning as string | null,
        importedAt: String(a.imported_at),
        deletedAt: a.deleted_at as string | null,
        source: a.source_sha256
          ? {
              sha256: String(a.source_sha256),
              name: String(a.source_name ?? ''),
              type: String(a.source_type ?? ''),
              size: Number(a.source_size ?? 0),
            }
          : null,
        pageStarts: jsonArray(a.page_starts) as number[],
        notes: String(a.notes ?? ''),
        tags: jsonArray(a.tags) as string[],
      };
      return body;
    }
    if (kind === 'claim') {
      const c = sql.get<Record<string, string | number | null>>('SELECT * FROM claim WHERE id = ?', [id]);
      if (!c) return null;
      const entities = sql
        .all<{ entityId: number; role: ClaimBody['entities'][number]['role'] }>(
          'SELECT entity_id AS entityId, role FROM claim_entity WHERE claim_id = ? ORDER BY entity_id, role',
          [id],
        )
        .flatMap((e) => {
          const gid = gidOf('entity', e.entityId);
          return gid ? [{ entity: gid, role: e.role }] : [];
        })
        .sort((x, y) => (x.entity + x.role < y.entity + y.role ? -1 : 1));
      const body: ClaimBody = {
        type: 'claim',
        v: 1,
        article: gidOf('article', c.article_id as number | null),
        quote: String(c.quote),
        start: c.start_offset as number | null,
        end: c.end_offset as number | null,
        statement: String(c.statement),
        claimant: c.claimant as string | null,
        attribution: jsonArray(c.attribution) as ClaimBody['attribution'],
        kind: c.kind as ClaimBody['kind'],
        claimDate: c.claim_date as string | null,
        resolveBy: c.resolve_by as string | null,
        status: c.status as ClaimBody['status'],
        verdictScale: c.verdict_scale as ClaimBody['verdictScale'],
        verdict: c.verdict as string | null,
        verdictNote: c.verdict_note as string | null,
        score: c.score as number | null,
        tags: jsonArray(c.tags) as string[],
        notes: String(c.notes),
        createdAt: String(c.created_at),
        updatedAt: String(c.updated_at),
        deletedAt: c.deleted_at as string | null,
        entities,
        conflict: conflict ? (JSON.parse(conflict) as ClaimConflict) : null,
      };
      return body;
    }
    if (kind === 'entity') {
      const e = sql.get<{ name: string; type: EntityBody['entityType'] }>('SELECT name, type FROM entity WHERE id = ?', [id]);
      if (!e) return null;
      const aliases = sql
        .all<{ name: string }>('SELECT name FROM entity_name WHERE entity_id = ? ORDER BY name', [id])
        .map((n) => n.name)
        .filter((n) => normaliseName(n) !== normaliseName(e.name));
      const body: EntityBody = { type: 'entity', v: 1, name: e.name, entityType: e.type, aliases };
      return body;
    }
    const h = sql.get<Record<string, string | number | null>>('SELECT * FROM history WHERE id = ?', [id]);
    if (!h) return null;
    const body: HistoryBody = {
      type: 'history',
      v: 1,
      claim: gidOf('claim', h.claim_id as number | null),
      field: String(h.field),
      from: h.from_value as string | null,
      to: h.to_value as string | null,
      note: h.note as string | null,
      actor: String(h.actor),
      at: String(h.at),
    };
    return body;
  }

  function writeClaim(id: number | null, b: ClaimBody): number {
    const articleId = b.article ? (localOf(b.article)?.localId ?? null) : null;
    const values = [
      articleId,
      b.quote,
      b.start,
      b.end,
      b.statement,
      b.claimant,
      JSON.stringify(b.attribution),
      b.kind,
      b.claimDate,
      b.resolveBy,
      b.status,
      b.verdictScale,
      b.verdict,
      b.verdictNote,
      b.score,
      JSON.stringify(b.tags),
      b.notes,
      b.createdAt,
      b.updatedAt,
      b.deletedAt,
    ];
    if (id === null) {
      sql.run(
        `INSERT INTO claim (article_id, quote, start_offset, end_offset, statement, claimant, attribution, kind, claim_date, resolve_by,
          status, verdict_scale, verdict, verdict_note, score, tags, notes, created_at, updated_at, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
      );
      id = sql.lastId();
    } else {
      sql.run(
        `UPDATE claim SET article_id = ?, quote = ?, start_offset = ?, end_offset = ?, statement = ?, claimant = ?, attribution = ?,
          kind = ?, claim_date = ?, resolve_by = ?, status = ?, verdict_scale = ?, verdict = ?, verdict_note = ?, score = ?, tags = ?,
          notes = ?, created_at = ?, updated_at = ?, deleted_at = ? WHERE id = ?`,
        [...values, id],
      );
    }
    sql.run('DELETE FROM claim_tag WHERE claim_id = ?', [id]);
    for (const tag of b.tags) sql.run('INSERT OR IGNORE INTO claim_tag (claim_id, tag) VALUES (?, ?)', [id, tag]);
    sql.run('DELETE FROM claim_entity WHERE claim_id = ?', [id]);
    for (const e of b.entities) {
      const entityId = localOf(e.entity)?.localId;
      if (entityId !== undefined)
        sql.run('INSERT OR IGNORE INTO claim_entity (claim_id, entity_id, role) VALUES (?, ?, ?)', [id, entityId, e.role]);
    }
    return id;
  }

  function writeArticle(id: number | null, b: ArticleBody): number {
    const values = [
      b.title,
      b.outlet,
      b.author,
      b.published,
      b.url,
      b.language,
      b.wireAgency,
      b.source?.sha256 ?? null,
      b.source?.name ?? null,
      b.source?.type ?? null,
      b.source?.size ?? null,
      b.text,
      b.importedAt,
      b.deletedAt,
      b.textQuality,
      b.textWarning,
    ];
    if (id === null) {
      sql.run(
        `INSERT INTO article (title, outlet, author, published, url, language, wire_agency, source_sha256, source_name, source_type,
          source_size, text, imported_at, deleted_at, text_quality, text_warning) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
      );
      id = sql.lastId();
    } else
      sql.run(
        `UPDATE article SET title = ?, outlet = ?, author = ?, published = ?, url = ?, language = ?, wire_agency = ?, source_sha256 = ?,
        source_name = ?, source_type = ?, source_size = ?, text = ?, imported_at = ?, deleted_at = ?, text_quality = ?, text_warning = ?
       WHERE id = ?`,
        [...values, id],
      );
    // Page starts, notes and tags (schema 7): a document written before them leaves the record's own.
    if (b.pageStarts !== undefined) sql.run('UPDATE article SET page_starts = ? WHERE id = ?', [JSON.stringify(b.pageStarts), id]);
    if (b.notes !== undefined) sql.run('UPDATE article SET notes = ? WHERE id = ?', [b.notes, id]);
    // Only when they differ: the tag index's trigger rebuilds the article's rows on every write of the column.
    if (b.tags !== undefined)
      sql.run('UPDATE article SET tags = ? WHERE id = ? AND tags <> ?', [JSON.stringify(b.tags), id, JSON.stringify(b.tags)]);
    return id;
  }

  function writeEntity(id: number | null, b: EntityBody): number {
    if (id === null) {
      sql.run('INSERT INTO entity (name, type) VALUES (?, ?)', [b.name, b.entityType]);
      id = sql.lastId();
    } else sql.run('UPDATE entity SET name = ?, type = ? WHERE id = ?', [b.name, b.entityType, id]);
    for (const name of [b.name, ...b.aliases])
      sql.run('INSERT OR IGNORE INTO entity_name (norm, type, entity_id, name) VALUES (?, ?, ?, ?)', [
        normaliseName(name),
        b.entityType,
        id,
        name,
      ]);
    return id;
  }

  /** The local record a new document is the same as (an original or entity made on both devices). */
  function sameRecord(kind: SyncKind, body: RecordBody): number | null {
    if (isRelationBody(body)) return sameRelation(ctx, ids, body);
    if (kind === 'article' && body.type === 'article' && body.source)
      return (
        sql.get<{ id: number }>('SELECT id FROM article WHERE source_sha256 = ? AND deleted_at IS NULL ORDER BY id LIMIT 1', [
          body.source.sha256,
        ])?.id ?? null
      );
    if (kind === 'entity' && body.type === 'entity')
      return (
        sql.get<{ id: number }>('SELECT entity_id AS id FROM entity_name WHERE norm = ? AND type = ?', [
          normaliseName(body.name),
          body.entityType,
        ])?.id ?? null
      );
    return null;
  }

  function missingReference(body: RecordBody): string | null {
    const need = (gid: string | null, what: string) =>
      gid && !localOf(gid) ? `refers to ${what} ${gid}, which this archive does not have` : null;
    if (body.type === 'claim') return need(body.article, 'article');
    if (body.type === 'history') return need(body.claim, 'claim');
    // A link, evidence or highlight needs its claims and article; a collection's members this archive lacks are left out.
    if (body.type === 'link' || body.type === 'evidence' || body.type === 'highlight')
      for (const [kind, gid] of relationNeeds(body)) {
        const missing = need(gid, kind);
        if (missing) return missing;
      }
    if (body.type === 'highlight') {
      // A highlight is the source's own words: its passage must be what its article reads there.
      const text = sql.get<{ text: string }>('SELECT text FROM article WHERE id = ?', [localOf(body.article)!.localId])?.text ?? '';
      if (text.slice(body.start, body.end) !== body.quote)
        return `its passage does not match the text of article ${body.article} at ${body.start}–${body.end}`;
    }
    return null;
  }

  const snapshot = (b: ClaimBody, rev: string): string =>
    JSON.stringify({
      rev,
      verdictScale: b.verdictScale,
      verdict: b.verdict,
      verdictNote: b.verdictNote,
      status: b.status,
      statement: b.statement,
      updatedAt: b.updatedAt,
      deletedAt: b.deletedAt,
      notes: b.notes,
      tags: b.tags,
    } satisfies ClaimConflict);

  /**
   * The server holds two live versions of a claim (both devices pushed before either pulled): the
   * edited one wins over a deletion, else the server's winner; the other is kept as the conflict.
   * The claim is written as changed, so the next push sends the merged version to every device.
   */
  function settle(doc: PulledDoc, others: SyncDoc[], result: ApplyResult): void {
    const versions = [doc, ...others].filter((v): v is SyncDoc & { body: ClaimBody } => v.body.type === 'claim');
    const keep = versions.find((v) => v.body.deletedAt === null) ?? versions[0];
    const other = versions.find((v) => v !== keep)!;
    const row = localOf(doc.gid);
    const current = row ? build('claim', row.localId, row.conflict) : null;
    const changedHere = row !== undefined && (current === null || row.digest === null || digestOf(current) !== row.digest);
    let localId: number;
    let conflict: string;
    if (row && changedHere && current?.type === 'claim') {
      localId = row.localId;
      conflict = snapshot(keep.body, keep.rev);
    } else {
      localId = row ? writeClaim(row.localId, keep.body) : writeClaim(null, keep.body);
      conflict = snapshot(other.body, other.rev);
    }
    const digest = digestOf(build('claim', localId, null)!);
    sql.run(
      `INSERT INTO sync_doc (gid, kind, local_id, rev, digest, conflict, dirty) VALUES (?, 'claim', ?, ?, ?, ?, 1)
       ON CONFLICT (gid) DO UPDATE SET rev = excluded.rev, digest = excluded.digest, conflict = excluded.conflict, dirty = 1,
         sending_rev = NULL, sending_digest = NULL`,
      [doc.gid, localId, keep.rev, digest, conflict],
    );
    result.resolved.push({ id: doc.id, keep: keep.rev, drop: versions.filter((v) => v !== keep).map((v) => v.rev) });
    result.conflicts.push({ claimId: localId, gid: doc.gid });
    result.applied++;
  }

  /**
   * Whether a pulled revision may replace this device's record: it descends from the revision this
   * device last agreed on (or sent), or it already keeps this device's version as the claim's other
   * version, or it is the same record. A revision on a sibling branch (made from an older revision,
   * as a device that lost track of what it had sent would push) never overwrites it: it is a conflict.
   */
  function descends(doc: PulledDoc, row: SyncRow, current: RecordBody | null, remoteConflict: string | null): boolean {
    if (!doc.ancestors || row.rev === null) return true;
    if (doc.ancestors.includes(row.rev) || (row.sendingRev !== null && doc.ancestors.includes(row.sendingRev))) return true;
    if (remoteConflict && (JSON.parse(remoteConflict) as ClaimConflict).rev === row.rev) return true;
    const strip = (b: RecordBody) => (b.type === 'claim' ? { ...b, conflict: null } : b);
    return current !== null && digestOf(strip(current)) === digestOf(strip(doc.body));
  }

  function applyOne(doc: PulledDoc, result: ApplyResult): void {
    if (doc.kind === 'claim' && doc.others && doc.others.length > 0) {
      if (missingReference(doc.body)) {
        result.rejected.push({ id: doc.id, reason: missingReference(doc.body)! });
        return;
      }
      settle(doc, doc.others, result);
      return;
    }
    const row = localOf(doc.gid);
    if (row && row.rev === doc.rev) {
      result.unchanged++;
      return;
    }
    if (row && row.sendingRev === doc.rev) {
      // What this device sent before it could record the answer: the server has it, so it is agreed.
      sql.run('UPDATE sync_doc SET rev = sending_rev, digest = sending_digest, sending_rev = NULL, sending_digest = NULL WHERE gid = ?', [
        doc.gid,
      ]);
      result.unchanged++;
      return;
    }
    const missing = missingReference(doc.body);
    if (missing) {
      result.rejected.push({ id: doc.id, reason: missing });
      return;
    }
    const write = (id: number | null): number => {
      const b = doc.body;
      if (b.type === 'article') return writeArticle(id, b);
      if (b.type === 'claim') return writeClaim(id, b);
      if (b.type === 'entity') return writeEntity(id, b);
      if (isRelationBody(b)) return writeRelation(ctx, ids, id, b);
      if (id !== null) return id; // history never changes
      const claimId = b.claim ? (localOf(b.claim)?.localId ?? null) : null;
      sql.run('INSERT INTO history (claim_id, field, from_value, to_value, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        claimId,
        b.field,
        b.from,
        b.to,
        b.note,
        b.actor,
        b.at,
      ]);
      return sql.lastId();
    };
    const remoteConflict = doc.body.type === 'claim' && doc.body.conflict ? JSON.stringify(doc.body.conflict) : null;
    const agree = (localId: number, conflict: string | null) => {
      const digest = digestOf(build(doc.kind, localId, conflict)!);
      sql.run(
        `INSERT INTO sync_doc (gid, kind, local_id, rev, digest, conflict, dirty) VALUES (?, ?, ?, ?, ?, ?, 0)
         ON CONFLICT (gid) DO UPDATE SET rev = excluded.rev, digest = excluded.digest, conflict = excluded.conflict, dirty = 0,
           sending_rev = NULL, sending_digest = NULL`,
        [doc.gid, doc.kind, localId, doc.rev, digest, conflict],
      );
    };
    if (!row) {
      const localId = sameRecord(doc.kind, doc.body) ?? write(null);
      agree(localId, remoteConflict);
      result.applied++;
      return;
    }
    const current = build(doc.kind, row.localId, row.conflict);
    if (current === null && isRelation(doc.kind)) {
      // Removed here, changed (or put back) there: the change wins over the removal, the record comes back.
      const localId = sameRecord(doc.kind, doc.body) ?? write(null);
      sql.run('UPDATE sync_doc SET local_id = ? WHERE gid = ?', [localId, doc.gid]);
      agree(localId, null);
      result.applied++;
      return;
    }
    const changedHere = current === null || !hasDigest(current, row.digest) || !descends(doc, row, current, remoteConflict);
    if (!changedHere || doc.kind === 'history') {
      write(row.localId);
      agree(row.localId, remoteConflict);
      if (remoteConflict) result.conflicts.push({ claimId: row.localId, gid: doc.gid });
      result.applied++;
      return;
    }
    // Both sides changed since the revision they agreed on.
    if (doc.body.type !== 'claim' || current?.type !== 'claim') {
      // Articles and entities: the local version stays and is pushed as the descendant.
      sql.run('UPDATE sync_doc SET rev = ?, dirty = 1 WHERE gid = ?', [doc.rev, doc.gid]);
      result.applied++;
      return;
    }
    if (current.deletedAt !== null && doc.body.deletedAt === null) {
      // Deleted here, edited there: the edit wins over the deletion; what was deleted is kept as the other version.
      write(row.localId);
      const conflict = snapshot(current, row.rev ?? doc.rev);
      sql.run('UPDATE sync_doc SET rev = ?, conflict = ?, dirty = 1 WHERE gid = ?', [doc.rev, conflict, doc.gid]);
    } else {
      // The local version stays (a remote deletion of a changed claim does not win); theirs is kept beside it.
      sql.run('UPDATE sync_doc SET rev = ?, conflict = ?, dirty = 1 WHERE gid = ?', [doc.rev, snapshot(doc.body, doc.rev), doc.gid]);
    }
    result.conflicts.push({ claimId: row.localId, gid: doc.gid });
    result.applied++;
  }

  /**
   * A removal from another device: applied only if the record here is unchanged since the revision
   * agreed (a deletion wins only over an unchanged record); a record changed here stays and goes out
   * at the next push as a child of the tombstone, so it comes back everywhere.
   */
  function applyRemoval(r: PulledRemoval, result: ApplyResult): void {
    const row = localOf(r.gid);
    if (!row || row.rev === r.rev) return void result.unchanged++;
    const current = build(r.kind, row.localId, row.conflict);
    const unchanged =
      current === null ||
      (hasDigest(current, row.digest) &&
        (!r.ancestors ||
          row.rev === null ||
          r.ancestors.includes(row.rev) ||
          (row.sendingRev !== null && r.ancestors.includes(row.sendingRev))));
    if (unchanged) {
      if (current !== null) removeRelation(ctx, r.kind, row.localId);
      sql.run('UPDATE sync_doc SET rev = ?, digest = ?, dirty = 0, sending_rev = NULL, sending_digest = NULL WHERE gid = ?', [
        r.rev,
        REMOVED,
        r.gid,
      ]);
    } else sql.run('UPDATE sync_doc SET rev = ?, dirty = 1 WHERE gid = ?', [r.rev, r.gid]);
    result.applied++;
  }

  /**
   * The documents of records that may have changed (never pushed, marked dirty by a write, or sent
   * without an answer), dependencies first; `changed` says which really differ from the revision last agreed.
   */
  function collect(rows = pendingRows()): OutgoingDoc[] {
    const out: OutgoingDoc[] = [];
    for (const row of rows) {
      const body = build(row.kind, row.localId, row.conflict);
      // A link, evidence, collection or highlight removed here goes out as a tombstone, if the server ever had it.
      if (!body && !(isRelation(row.kind) && row.rev !== null)) continue;
      const digest = body ? digestOf(body) : REMOVED;
      const changed = row.rev === null || (digest !== row.digest && !(body && hasDigest(body, row.digest)));
      out.push({
        id: `${row.kind}:${row.gid}`,
        kind: row.kind,
        gid: row.gid,
        localId: row.localId,
        body,
        digest,
        parentRev: row.rev,
        changed,
        rev: changed ? nextRev(row.rev, body) : row.rev!,
      });
    }
    return inPushOrder(out);
  }

  return {
    /** Gives every record without a global id one (a journaled write, so replay gives the same ids). Returns how many. */
    assignIds: (): Written<M, number> =>
      ctx.write(() => {
        let n = 0;
        for (const [kind, localIds] of unassigned.find(sql)) {
          // A new row is dirty (the column's default) until a push writes its first revision ahead.
          for (const id of localIds) sql.run('INSERT INTO sync_doc (gid, kind, local_id) VALUES (?, ?, ?)', [randomUUID(), kind, id]);
          n += localIds.length;
        }
        return n;
      }),

    /** The documents of records that may have changed (see collect): what is pending. */
    outgoing: (): OutgoingDoc[] => collect(),

    /** The records a push looks at, dependencies first: their gids only (documents are built batch by batch). */
    pushQueue: (): string[] => inPushOrder(pendingRows()).map((r) => r.gid),

    /**
     * Takes one batch of the push queue: in one transaction its documents are built, each changed
     * one's next revision and digest written ahead (`sending_rev`) and the records' change marks
     * cleared, before anything is sent. A write made after this marks its record again. Returns the
     * documents to send.
     */
    beginPush: (gids: string[]): Written<M, OutgoingDoc[]> =>
      ctx.write(() => {
        const rows: SyncRow[] = [];
        for (let i = 0; i < gids.length; i += 500) {
          const part = gids.slice(i, i + 500);
          rows.push(...sql.all<SyncRow>(`SELECT ${ROW} FROM sync_doc WHERE gid IN (${part.map(() => '?').join(', ')})`, part));
        }
        const docs = collect(rows);
        for (const d of docs) {
          if (d.changed)
            sql.run('UPDATE sync_doc SET sending_rev = ?, sending_digest = ?, dirty = 0 WHERE gid = ?', [d.rev, d.digest, d.gid]);
          // Written to but the same as the revision last agreed (an edit undone, a no-op save): nothing to send.
          else sql.run('UPDATE sync_doc SET digest = ?, dirty = 0 WHERE gid = ?', [d.digest, d.gid]);
        }
        return docs.filter((d) => d.changed);
      }),

    /** Revisions written ahead whose fate is unknown (the device stopped before the server's answer). */
    sending: (): { id: string; gid: string; rev: string }[] =>
      sql
        .all<{ kind: SyncKind; gid: string; rev: string }>(
          'SELECT kind, gid, sending_rev AS rev FROM sync_doc WHERE sending_rev IS NOT NULL',
        )
        .sort((a, b) => (a.gid < b.gid ? -1 : a.gid > b.gid ? 1 : 0))
        .map((r) => ({ id: `${r.kind}:${r.gid}`, gid: r.gid, rev: r.rev })),

    /**
     * What the server said about revisions written ahead: one it stores becomes the revision agreed
     * (the parent of the next edit); one it does not have is forgotten and its record marked to build again.
     */
    sent: (revs: SentRev[]): Written<M, void> =>
      ctx.write(() => {
        for (const r of revs)
          if (r.stored)
            sql.run(
              `UPDATE sync_doc SET rev = sending_rev, digest = sending_digest, sending_rev = NULL, sending_digest = NULL
               WHERE gid = ? AND sending_rev = ?`,
              [r.gid, r.rev],
            );
          else
            sql.run('UPDATE sync_doc SET sending_rev = NULL, sending_digest = NULL, dirty = 1 WHERE gid = ? AND sending_rev = ?', [
              r.gid,
              r.rev,
            ]);
      }),

    /** How many records differ from the server's copy: changed since the last push, or never pushed (team sync's "pending N"). */
    unsynced(): number {
      const fresh = unassigned.find(sql).reduce((n, [, ids]) => n + ids.length, 0);
      return fresh + this.outgoing().filter((d) => d.changed).length;
    },

    /** The revision this archive last agreed on for a document (null: it does not have it). */
    knownRev: (gid: string): string | null => localOf(gid)?.rev ?? null,

    /** Applies validated documents (any order: dependencies are applied first) and moves the checkpoint, in one transaction. */
    apply: (
      docs: PulledDoc[],
      checkpoint: { remote: string; since: string } | null,
      removals: PulledRemoval[] = [],
    ): Written<M, ApplyResult> =>
      ctx.write(() => {
        const result: ApplyResult = { applied: 0, resolved: [], unchanged: 0, conflicts: [], rejected: [] };
        for (const doc of inApplyOrder(docs)) applyOne(doc, result);
        for (const removal of removals) applyRemoval(removal, result);
        if (checkpoint)
          sql.run('UPDATE sync_checkpoint SET pull_since = ?, updated_at = ? WHERE remote = ?', [
            checkpoint.since,
            ctx.now(),
            checkpoint.remote,
          ]);
        return result;
      }),

    /** Where the last pull from this remote stopped; created (from the start) on first use. */
    checkpoint: (remote: string): Written<M, Checkpoint> =>
      ctx.write(() => {
        const read = () =>
          sql.get<Checkpoint>('SELECT replication_id AS replicationId, pull_since AS pullSince FROM sync_checkpoint WHERE remote = ?', [
            remote,
          ]);
        // Known already: nothing written (no journal record, no fsync for every round).
        const known = read();
        if (known) return known;
        sql.run('INSERT INTO sync_checkpoint (remote, replication_id, pull_since, updated_at) VALUES (?, ?, ?, ?)', [
          remote,
          randomUUID(),
          '0',
          ctx.now(),
        ]);
        return read()!;
      }),

    /** Starts pulling from the beginning again (the server's checkpoint was lost: a new or reset database). */
    resetCheckpoint: (remote: string): Written<M, void> =>
      ctx.write(() => {
        sql.run('UPDATE sync_checkpoint SET pull_since = ?, updated_at = ? WHERE remote = ?', ['0', ctx.now(), remote]);
      }),

    /** Claims marked conflict: the other version kept beside the local one. */
    conflicts(): { claimId: number; gid: string; other: ClaimConflict }[] {
      return sql
        .all<{ claimId: number; gid: string; conflict: string }>(
          "SELECT local_id AS claimId, gid, conflict FROM sync_doc WHERE kind = 'claim' AND conflict IS NOT NULL ORDER BY local_id",
        )
        .map((r) => ({ claimId: r.claimId, gid: r.gid, other: JSON.parse(r.conflict) as ClaimConflict }));
    },
  };
}
