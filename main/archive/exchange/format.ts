// The JSON archive format: everything needed to rebuild an archive elsewhere (articles with their
// text, claims, entities, links, evidence, history, collections, saved searches), versioned.
//   { "format": "claimdesk-archive", "version": 1, ... }
// Every field carries the API's limit (shared/limits.ts) and every list a count cap
// (limits.ts): a file is checked whole before anything is written, in the import worker.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  ARCHIVE_LIMITS,
  MAX_ENTITY_LINKS_PER_CLAIM,
  checkArchiveSize,
  checkRecordCounts,
  describeArchiveIssue,
  type ArchiveLimits,
} from './limits';
import { EntityRole, Id } from '../../../shared/domain';
import {
  ARTICLE,
  CLAIM,
  CLAIM_LINK,
  COLLECTION,
  ENTITY,
  ENTITY_FILE_FIELDS,
  EVIDENCE,
  HIGHLIGHT,
  HISTORY,
  MERGED_ENTITY_FILE_FIELDS,
  SAVED_SEARCH,
  SourceRecord,
  fileShape,
} from '../schema';
import { Names, Nullable, Stamp } from '../schema/file-fields';

export const ARCHIVE_FORMAT = 'claimdesk-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

const ClaimIds = z.array(Id).max(ARCHIVE_LIMITS.claims);
const ArticleIds = z.array(Id).max(ARCHIVE_LIMITS.articles);

// Each record's fields come from its table's description (main/archive/schema/: a column's `file`);
// what a record carries beyond its own row (aliases, a claim's entities, a collection's claims) is
// added here.
const ArticleRecord = z.object({ ...fileShape(ARTICLE), source: SourceRecord.nullable() });

const EntityRecord = z.object({ ...fileShape(ENTITY, ENTITY_FILE_FIELDS), aliases: Names });

/** An entity merged into another, with the names and claim links the merge moved: enough to split it out again. */
const MergedEntityRecord = z.object({
  ...fileShape(ENTITY, MERGED_ENTITY_FILE_FIELDS),
  names: Names,
  links: z.array(z.object({ claimId: Id, role: EntityRole, keptHad: z.boolean() })).max(ARCHIVE_LIMITS.claims),
});

const ClaimRecord = z.object({
  ...fileShape(CLAIM),
  entities: z.array(z.object({ entityId: Id, role: EntityRole })).max(MAX_ENTITY_LINKS_PER_CLAIM),
});

const LinkRecord = z.object(fileShape(CLAIM_LINK));
const EvidenceRecord = z.object(fileShape(EVIDENCE));
const HistoryRecord = z.object(fileShape(HISTORY));
/** articleIds: written since collections hold articles; older files have none. */
const CollectionRecord = z.object({ ...fileShape(COLLECTION), claimIds: ClaimIds, articleIds: ArticleIds.default([]) });
const SavedSearchRecord = z.object(fileShape(SAVED_SEARCH));
const HighlightRecord = z.object(fileShape(HIGHLIGHT));

const records = <T extends z.ZodType>(record: T, max: number) => z.array(record).max(max);

export const ArchiveJson = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_FORMAT_VERSION),
  exportedAt: Stamp,
  generator: Stamp,
  /** The search the export was limited to; null for the whole archive. */
  search: Nullable,
  articles: records(ArticleRecord, ARCHIVE_LIMITS.articles),
  entities: records(EntityRecord, ARCHIVE_LIMITS.entities),
  claims: records(ClaimRecord, ARCHIVE_LIMITS.claims),
  links: records(LinkRecord, ARCHIVE_LIMITS.links),
  evidence: records(EvidenceRecord, ARCHIVE_LIMITS.evidence),
  history: records(HistoryRecord, ARCHIVE_LIMITS.history),
  collections: records(CollectionRecord, ARCHIVE_LIMITS.collections),
  savedSearches: records(SavedSearchRecord, ARCHIVE_LIMITS.savedSearches),
  /** Added within version 1: an older Claimdesk ignores it and restores the names with the entity they were merged into. */
  mergedEntities: records(MergedEntityRecord, ARCHIVE_LIMITS.mergedEntities).default([]),
  /** Added within version 1: passages kept as context (older files have none; an older Claimdesk ignores them). */
  highlights: records(HighlightRecord, ARCHIVE_LIMITS.highlights).default([]),
});
export type ArchiveJson = z.infer<typeof ArchiveJson>;
/** What an export writes (saved-search queries as stored, before defaults are applied). */
export type ArchiveJsonInput = z.input<typeof ArchiveJson>;
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** Decodes (UTF-8), parses and checks an archive file's bytes: the import worker's task. */
export function parseArchiveBytes(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveJson {
  checkArchiveSize(bytes.byteLength, limits);
  return parseArchiveJson(new TextDecoder('utf-8').decode(bytes), limits);
}

/** Parses and checks an archive export: its format, version, size, shape and every cross-reference. */
export function parseArchiveJson(json: string, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveJson {
  let doc: unknown;
  try {
    doc = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('PARSE_FAILED', `The archive export is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const head = doc as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== ARCHIVE_FORMAT) {
    throw new AppError('UNSUPPORTED_FORMAT', `Not a Claimdesk archive export (expected "format": "${ARCHIVE_FORMAT}").`);
  }
  if (typeof head.version === 'number' && head.version > ARCHIVE_FORMAT_VERSION) {
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      `This export is format version ${head.version}, made by a newer Claimdesk; this one reads version ${ARCHIVE_FORMAT_VERSION}. Update Claimdesk.`,
    );
  }
  checkRecordCounts(head as Record<string, unknown>, limits);
  const result = ArchiveJson.safeParse(doc);
  if (!result.success) throw describeArchiveIssue(doc, result.error.issues[0]);
  checkReferences(result.data);
  return result.data;
}

function uniqueIds(what: string, rows: { id: number }[]): Set<number> {
  const ids = new Set<number>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new AppError('INVALID_ARGUMENT', `The archive export lists ${what} ${r.id} twice.`);
    ids.add(r.id);
  }
  return ids;
}

function checkReferences(doc: ArchiveJson): void {
  const articles = uniqueIds('article', doc.articles);
  const claims = uniqueIds('claim', doc.claims);
  const entities = uniqueIds('entity', doc.entities);
  const everyEntity = uniqueIds('entity', [...doc.entities, ...doc.mergedEntities]);
  uniqueIds('link', doc.links);
  uniqueIds('evidence item', doc.evidence);
  uniqueIds('history entry', doc.history);
  uniqueIds('collection', doc.collections);
  uniqueIds('highlight', doc.highlights);
  const need = (ok: boolean, message: string) => {
    if (!ok) throw new AppError('INVALID_ARGUMENT', `The archive export is inconsistent: ${message}.`);
  };
  for (const a of doc.articles)
    need(a.duplicateOf === null || articles.has(a.duplicateOf), `article ${a.id} copies article ${a.duplicateOf}, which is not in it`);
  for (const c of doc.claims) {
    need(c.articleId === null || articles.has(c.articleId), `claim ${c.id} points to article ${c.articleId}, which is not in it`);
    for (const e of c.entities) need(entities.has(e.entityId), `claim ${c.id} names entity ${e.entityId}, which is not in it`);
  }
  for (const m of doc.mergedEntities) {
    need(everyEntity.has(m.mergedInto), `entity ${m.id} was merged into entity ${m.mergedInto}, which is not in it`);
    for (const l of m.links) need(claims.has(l.claimId), `merged entity ${m.id} names claim ${l.claimId}, which is not in it`);
  }
  for (const l of doc.links) need(claims.has(l.fromClaimId) && claims.has(l.toClaimId), `link ${l.id} joins a claim that is not in it`);
  for (const e of doc.evidence)
    need(claims.has(e.claimId) && articles.has(e.articleId), `evidence ${e.id} points to a claim or article that is not in it`);
  for (const h of doc.highlights) need(articles.has(h.articleId), `highlight ${h.id} is on article ${h.articleId}, which is not in it`);
  for (const h of doc.history)
    need(h.claimId === null || claims.has(h.claimId), `history entry ${h.id} belongs to claim ${h.claimId}, which is not in it`);
  for (const k of doc.collections) {
    for (const id of k.claimIds) need(claims.has(id), `collection "${k.name}" holds claim ${id}, which is not in it`);
    for (const id of k.articleIds) need(articles.has(id), `collection "${k.name}" holds article ${id}, which is not in it`);
  }
}
