// Restoring records verbatim (same ids, timestamps and history) into an EMPTY archive: what makes a
// JSON archive export round-trip losslessly. Every row goes in through the recorded write path, so
// the restore is journaled like any write; the FTS triggers index the live rows as they go in, and
// AUTOINCREMENT's sqlite_sequence follows the inserted ids, so new records get fresh ids after them.
import { AppError } from '../../../shared/errors';
import {
  ClaimQuery,
  type ArchiveRecordCounts,
  type Article,
  type Claim,
  type ClaimLink,
  type Entity,
  type EntityRole,
  type Evidence,
  type HistoryEntry,
  type Highlight,
} from '../../../shared/domain';
import { notFound, parseInput, type RepoBase, type RepoContext, type WriteMode, type Written } from './context';
import { assertVerdict, checkSpan } from './claim-rows';
import { normaliseName } from './entities';
import { insertMergedEntityRow, type MergedEntityRecord } from './entity-merges';
import { insertHighlightRow } from './highlights';
import {
  ARTICLE,
  CLAIM,
  CLAIM_LINK,
  COLLECTION,
  ENTITY,
  EVIDENCE,
  HISTORY,
  SAVED_SEARCH,
  carriedColumns,
  columnNames,
  insertSql,
  rowValues,
  type Table,
} from '../schema';

/** Everything a restore takes; a parsed JSON archive export is one. */
export interface ArchiveRecords {
  /** A deleted article comes along when live records point to it (a copy's original, evidence). */
  articles: (Article & { deletedAt?: string | null })[];
  entities: Entity[];
  claims: (Claim & { entities: { entityId: number; role: EntityRole }[] })[];
  links: ClaimLink[];
  evidence: Evidence[];
  history: HistoryEntry[];
  /** articleIds: absent in files written before collections held articles. */
  collections: { id: number; name: string; createdAt: string; claimIds: number[]; articleIds?: number[] }[];
  savedSearches: { id: number; name: string; query: ClaimQuery; createdAt: string; updatedAt: string }[];
  /** Entities merged into others, with what the merge moved, so a restored archive can split them out (absent in older exports). */
  mergedEntities?: MergedEntityRecord[];
  /** Passages kept as context, on articles of the file (absent in older exports). */
  highlights?: Highlight[];
}

/** Tables whose rows make an archive non-empty (deleted rows included: their ids are taken). */
const CONTENT_TABLES = ['article', 'claim', 'entity', 'claim_link', 'evidence', 'history', 'suggestion', 'collection', 'saved_search'];

const rowCount = (ctx: RepoBase, table: string) => ctx.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)?.n ?? 0;

export function isEmptyArchive(ctx: RepoBase): boolean {
  return CONTENT_TABLES.every((t) => rowCount(ctx, t) === 0);
}

function assertEmptyArchive(ctx: RepoBase): void {
  if (isEmptyArchive(ctx)) return;
  const rows = (table: string) => rowCount(ctx, table);
  throw new AppError(
    'CONFLICT',
    `Import an archive export into a new, empty archive: this one already holds ${rows('article')} articles and ${rows('claim')} claims.`,
  );
}

/**
 * Runs `fn` for each row; a refused row names itself (SQLite's constraint errors say nothing of
 * which row). Anything refused, a missing referenced record included, is bad input.
 */
export function each<T extends { id: number }>(what: string, rows: T[], fn: (row: T) => void, verb = 'restore'): void {
  for (const row of rows) {
    try {
      fn(row);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new AppError('INVALID_ARGUMENT', `Could not ${verb} ${what} ${row.id}: ${reason}`);
    }
  }
}

/** Originals before their copies: duplicate_of must point to a row already there. */
export function originalsFirst<A extends Article>(articles: A[]): A[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const ordered: A[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (a: A) => {
    if (state.get(a.id) === 'done') return;
    if (state.get(a.id) === 'visiting') throw new AppError('INVALID_ARGUMENT', `Article ${a.id} is, through its copies, a copy of itself.`);
    state.set(a.id, 'visiting');
    const original = a.duplicateOf === null ? undefined : byId.get(a.duplicateOf);
    if (original) visit(original);
    state.set(a.id, 'done');
    ordered.push(a);
  };
  articles.forEach(visit);
  return ordered;
}

/*
 * Row writers shared with the merge (merge.ts): each inserts one record as given, its references
 * already in this archive's ids. `id` null lets AUTOINCREMENT choose a fresh id; the new id is returned.
 */

/** A record's row as the file carries it (schema/: every column not marked `local`), under `id`. */
function restoreWriter(t: Table) {
  const names = carriedColumns(t);
  const sql = insertSql(t, names);
  return (ctx: RepoBase, record: object, id: number | null): number => {
    ctx.sql.run(sql, rowValues(t, names, { ...record, id }));
    return ctx.sql.lastId();
  };
}

const writeArticle = restoreWriter(ARTICLE);
const writeClaim = restoreWriter(CLAIM);
const writeLink = restoreWriter(CLAIM_LINK);
const writeEvidence = restoreWriter(EVIDENCE);
const writeHistory = restoreWriter(HISTORY);
const writeCollection = restoreWriter(COLLECTION);
const writeSavedSearch = restoreWriter(SAVED_SEARCH);
const ENTITY_FIELDS = columnNames(ENTITY, (c) => c.record === true);
const INSERT_ENTITY = insertSql(ENTITY, ENTITY_FIELDS);

export function insertArticleRow(ctx: RepoBase, a: ArchiveRecords['articles'][number], id: number | null): number {
  return writeArticle(ctx, a, id);
}

function restoreArticles(ctx: RepoBase, articles: ArchiveRecords['articles']): void {
  each('article', originalsFirst(articles), (a) => insertArticleRow(ctx, a, a.id));
}

function restoreEntities(ctx: RepoBase, entities: Entity[]): void {
  each('entity', entities, (e) => {
    ctx.sql.run(INSERT_ENTITY, rowValues(ENTITY, ENTITY_FIELDS, e));
    for (const name of [e.name, ...e.aliases]) {
      const owner = ctx.sql.get<{ id: number }>('SELECT entity_id AS id FROM entity_name WHERE norm = ? AND type = ?', [
        normaliseName(name),
        e.type,
      ]);
      if (owner?.id === e.id) continue;
      if (owner) throw new AppError('INVALID_ARGUMENT', `its name "${name}" already names entity ${owner.id}`);
      ctx.sql.run('INSERT INTO entity_name (norm, type, entity_id, name) VALUES (?, ?, ?, ?)', [normaliseName(name), e.type, e.id, name]);
    }
  });
}

/** Each merged entity after the one it was merged into, which may itself be merged away. */
function restoreMergedEntities(ctx: RepoBase, merged: MergedEntityRecord[]): void {
  let pending = merged;
  while (pending.length > 0) {
    const waiting = new Set(pending.map((e) => e.id));
    const ready = pending.filter((e) => !waiting.has(e.mergedInto));
    if (ready.length === 0)
      throw new AppError('INVALID_ARGUMENT', `Merged entity ${pending[0].id} is, through its merges, merged into itself.`);
    each('merged entity', ready, (e) => insertMergedEntityRow(ctx, e));
    pending = pending.filter((e) => !ready.includes(e));
  }
}

/** A restored claim is live, so its article must be too. */
function assertLiveArticle(ctx: RepoBase, id: number): void {
  const row = ctx.sql.get<{ at: string | null }>('SELECT deleted_at AS at FROM article WHERE id = ?', [id]);
  if (!row) throw notFound('Article', id);
  if (row.at !== null) throw new AppError('INVALID_ARGUMENT', `its article ${id} is deleted (a live claim needs a live article)`);
}

/** A live claim with its tags and entity roles, after the checks every claim write makes. */
export function insertClaimRow(ctx: RepoBase, c: ArchiveRecords['claims'][number], id: number | null): number {
  assertVerdict(c.verdictScale, c.verdict);
  checkSpan(ctx, c);
  if (c.articleId !== null) assertLiveArticle(ctx, c.articleId);
  const claimId = writeClaim(ctx, c, id);
  for (const tag of c.tags) ctx.sql.run('INSERT OR IGNORE INTO claim_tag (claim_id, tag) VALUES (?, ?)', [claimId, tag]);
  for (const e of c.entities)
    ctx.sql.run('INSERT OR IGNORE INTO claim_entity (claim_id, entity_id, role) VALUES (?, ?, ?)', [claimId, e.entityId, e.role]);
  return claimId;
}

export function insertLinkRow(ctx: RepoBase, l: ClaimLink, id: number | null): number {
  return writeLink(ctx, l, id);
}

export function insertEvidenceRow(ctx: RepoBase, e: Evidence, id: number | null): number {
  checkSpan(ctx, e);
  return writeEvidence(ctx, e, id);
}

/** A history row as recorded, with its original actor and time. */
export function insertHistoryRow(ctx: RepoBase, h: HistoryEntry, id: number | null): number {
  return writeHistory(ctx, h, id);
}

export function insertCollectionRow(ctx: RepoBase, k: ArchiveRecords['collections'][number], id: number | null): number {
  return writeCollection(ctx, k, id);
}

export function insertSavedSearchRow(ctx: RepoBase, s: ArchiveRecords['savedSearches'][number], id: number | null): number {
  const query = parseInput(ClaimQuery, s.query, 'saved search query');
  return writeSavedSearch(ctx, { ...s, query }, id);
}

function restoreClaims(ctx: RepoBase, claims: ArchiveRecords['claims']): void {
  each('claim', claims, (c) => insertClaimRow(ctx, c, c.id));
}

function restoreLinksAndEvidence(ctx: RepoBase, links: ClaimLink[], evidence: Evidence[]): void {
  each('link', links, (l) => insertLinkRow(ctx, l, l.id));
  each('evidence item', evidence, (e) => insertEvidenceRow(ctx, e, e.id));
}

function restoreHistory(ctx: RepoBase, history: HistoryEntry[]): void {
  each('history entry', history, (h) => insertHistoryRow(ctx, h, h.id));
}

function restoreWorkflow(ctx: RepoBase, records: ArchiveRecords): void {
  each('collection', records.collections, (k) => {
    insertCollectionRow(ctx, k, k.id);
    // When each claim joined is not exported; the collection's creation is the earliest it could be.
    for (const claimId of k.claimIds)
      ctx.sql.run('INSERT OR IGNORE INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [
        k.id,
        claimId,
        k.createdAt,
      ]);
    for (const articleId of k.articleIds ?? [])
      ctx.sql.run('INSERT OR IGNORE INTO collection_article (collection_id, article_id, added_at) VALUES (?, ?, ?)', [
        k.id,
        articleId,
        k.createdAt,
      ]);
  });
  each('saved search', records.savedSearches, (s) => insertSavedSearchRow(ctx, s, s.id));
}

/** Inserts every record as it is; refuses a non-empty archive (CONFLICT) and bad records (INVALID_ARGUMENT). */
export function restoreRecordsSync(ctx: RepoBase, records: ArchiveRecords): ArchiveRecordCounts {
  assertEmptyArchive(ctx);
  restoreArticles(ctx, records.articles);
  restoreEntities(ctx, records.entities);
  restoreClaims(ctx, records.claims);
  restoreMergedEntities(ctx, records.mergedEntities ?? []);
  restoreLinksAndEvidence(ctx, records.links, records.evidence);
  restoreHistory(ctx, records.history);
  restoreWorkflow(ctx, records);
  each('highlight', records.highlights ?? [], (h) => insertHighlightRow(ctx, h, h.id));
  return {
    articles: records.articles.length,
    claims: records.claims.length,
    entities: records.entities.length,
    links: records.links.length,
    evidence: records.evidence.length,
    history: records.history.length,
    collections: records.collections.length,
    savedSearches: records.savedSearches.length,
  };
}

export function createRestoreRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    /** Whether the archive holds nothing at all (not even deleted records). */
    isEmpty: (): boolean => isEmptyArchive(ctx),
    /** All records verbatim, as one durable transaction (or as part of the open one). */
    records: (records: ArchiveRecords): Written<M, ArchiveRecordCounts> => ctx.write(() => restoreRecordsSync(ctx, records)),
  };
}
