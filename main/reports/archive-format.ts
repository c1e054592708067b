// The JSON archive format: everything needed to rebuild an archive elsewhere (articles with their
// text, claims, entities, links, evidence, history, collections, saved searches), versioned.
//   { "format": "claimdesk-archive", "version": 1, ... }
import { z } from 'zod';
import { AppError } from '../api/errors';
import {
  AttributionHop,
  ClaimKind,
  ClaimLinkType,
  ClaimQuery,
  ClaimStatus,
  EntityRole,
  EntityType,
  EvidenceStance,
  Id,
  VerdictScaleKey,
} from '../api/types';

export const ARCHIVE_FORMAT = 'claimdesk-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

const Text = z.string();
const Nullable = Text.nullable();

const ArticleRecord = z.object({
  id: Id,
  title: Text,
  outlet: Nullable,
  author: Nullable,
  published: Nullable,
  url: Nullable,
  language: Nullable,
  wireAgency: Nullable,
  source: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: Text, type: Text, size: z.number().int().nonnegative() }).nullable(),
  text: Text,
  importedAt: Text,
  duplicateOf: Id.nullable(),
  /** Only on a deleted article that live records still point to (a copy's original, evidence). */
  deletedAt: Text.optional(),
});

const EntityRecord = z.object({ id: Id, name: z.string().min(1), type: EntityType, aliases: z.array(Text) });

/** An entity merged into another, with the names and claim links the merge moved: enough to split it out again. */
const MergedEntityRecord = z.object({
  id: Id,
  name: z.string().min(1),
  type: EntityType,
  mergedInto: Id,
  mergedAt: Text,
  names: z.array(Text),
  links: z.array(z.object({ claimId: Id, role: EntityRole, keptHad: z.boolean() })),
});

const ClaimRecord = z.object({
  id: Id,
  articleId: Id.nullable(),
  quote: Text,
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  statement: z.string().min(1),
  claimant: Nullable,
  attribution: z.array(AttributionHop),
  kind: ClaimKind,
  claimDate: Nullable,
  resolveBy: Nullable,
  status: ClaimStatus,
  verdictScale: VerdictScaleKey,
  verdict: Nullable,
  verdictNote: Nullable,
  score: z.number().nullable(),
  tags: z.array(Text),
  notes: Text,
  createdAt: Text,
  updatedAt: Text,
  entities: z.array(z.object({ entityId: Id, role: EntityRole })),
});

const LinkRecord = z.object({ id: Id, fromClaimId: Id, toClaimId: Id, type: ClaimLinkType, note: Text, createdAt: Text });

const EvidenceRecord = z.object({
  id: Id,
  claimId: Id,
  articleId: Id,
  quote: Text,
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  stance: EvidenceStance,
  note: Text,
  createdAt: Text,
});

const HistoryRecord = z.object({
  id: Id,
  claimId: Id.nullable(),
  field: Text,
  from: z.unknown(),
  to: z.unknown(),
  note: Nullable,
  actor: Text,
  at: Text,
});

const CollectionRecord = z.object({ id: Id, name: z.string().min(1), createdAt: Text, claimIds: z.array(Id) });
const SavedSearchRecord = z.object({ id: Id, name: z.string().min(1), query: ClaimQuery, createdAt: Text, updatedAt: Text });

export const ArchiveJson = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_FORMAT_VERSION),
  exportedAt: Text,
  generator: Text,
  /** The search the export was limited to; null for the whole archive. */
  search: Nullable,
  articles: z.array(ArticleRecord),
  entities: z.array(EntityRecord),
  claims: z.array(ClaimRecord),
  links: z.array(LinkRecord),
  evidence: z.array(EvidenceRecord),
  history: z.array(HistoryRecord),
  collections: z.array(CollectionRecord),
  savedSearches: z.array(SavedSearchRecord),
  /** Added within version 1: an older Claimdesk ignores it and restores the names with the entity they were merged into. */
  mergedEntities: z.array(MergedEntityRecord).default([]),
});
export type ArchiveJson = z.infer<typeof ArchiveJson>;
/** What an export writes (saved-search queries as stored, before defaults are applied). */
export type ArchiveJsonInput = z.input<typeof ArchiveJson>;
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** Parses and checks an archive export: its format, version, shape and every cross-reference. */
export function parseArchiveJson(json: string): ArchiveJson {
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
  const result = ArchiveJson.safeParse(doc);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('INVALID_ARGUMENT', `The archive export is damaged at ${issue.path.join('.') || 'its top level'}: ${issue.message}`);
  }
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
  for (const h of doc.history)
    need(h.claimId === null || claims.has(h.claimId), `history entry ${h.id} belongs to claim ${h.claimId}, which is not in it`);
  for (const k of doc.collections)
    for (const id of k.claimIds) need(claims.has(id), `collection "${k.name}" holds claim ${id}, which is not in it`);
}
