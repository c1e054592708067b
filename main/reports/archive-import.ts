// Import of a JSON archive export into a new, empty archive, all or nothing: the whole import is
// one archive transaction, so a bad record leaves the archive exactly as it was.
//
// Through the archive's public API ids come out the same when the exported ids have no gaps;
// timestamps and the history are the new archive's own (restoring them verbatim needs an archive
// method: see the report to the lead).
import type { Archive } from '../archive';
import { AppError } from '../api/errors';
import type { ClaimQuery, NewClaim } from '../api/types';
import { parseArchiveJson, type ArchiveJson } from './archive-format';

export interface ArchiveImportResult {
  articles: number;
  claims: number;
  entities: number;
  links: number;
  evidence: number;
  collections: number;
  savedSearches: number;
  /** Old id → new id, for ids that changed. */
  renumbered: { articles: Record<number, number>; claims: Record<number, number> };
}

type IdMap = Map<number, number>;
const PAGE = 1_000;

export async function importArchiveJson(archive: Archive, json: string): Promise<ArchiveImportResult> {
  const doc = parseArchiveJson(json);
  assertEmpty(archive);
  const maps = await archive.transaction(() => load(archive, doc));
  return {
    articles: doc.articles.length,
    claims: doc.claims.length,
    entities: doc.entities.length,
    links: doc.links.length,
    evidence: doc.evidence.length,
    collections: doc.collections.length,
    savedSearches: doc.savedSearches.length,
    renumbered: { articles: changed(maps.articles), claims: changed(maps.claims) },
  };
}

function changed(map: IdMap): Record<number, number> {
  return Object.fromEntries([...map].filter(([from, to]) => from !== to));
}

function assertEmpty(archive: Archive): void {
  const { counts } = archive.info();
  const extra = archive.collections.list().length + archive.savedSearches.list().length;
  if (counts.articles + counts.claims + counts.entities + extra > 0) {
    throw new AppError(
      'CONFLICT',
      `Import an archive export into a new, empty archive: this one already holds ${counts.articles} articles and ${counts.claims} claims.`,
    );
  }
}

/** Runs inside the transaction: the archive's writes join it synchronously. */
function load(archive: Archive, doc: ArchiveJson): { articles: IdMap; claims: IdMap } {
  for (const e of doc.entities) void archive.entities.upsert(e.name, e.type, e.aliases);
  const articles = loadArticles(archive, doc);
  const claims = loadClaims(archive, doc, articles);
  const id = (map: IdMap, old: number) => map.get(old)!;
  for (const l of doc.links) void archive.links.add(id(claims, l.fromClaimId), id(claims, l.toClaimId), l.type, l.note);
  for (const e of doc.evidence) {
    void archive.evidence.add({
      claimId: id(claims, e.claimId),
      articleId: id(articles, e.articleId),
      quote: e.quote,
      start: e.start,
      end: e.end,
      stance: e.stance,
      note: e.note,
    });
  }
  const collections: IdMap = new Map();
  for (const k of doc.collections) {
    void archive.collections.create(k.name);
    const created = archive.collections.list().find((c) => c.name === k.name.trim())!;
    collections.set(k.id, created.id);
    if (k.claimIds.length > 0)
      void archive.collections.add(
        created.id,
        k.claimIds.map((c) => id(claims, c)),
      );
  }
  for (const s of doc.savedSearches) void archive.savedSearches.save(s.name, remapQuery(archive, doc, s.query, articles, collections));
  return { articles, claims };
}

/** Originals before their copies, so every duplicateOf points to an article already loaded. */
function loadArticles(archive: Archive, doc: ArchiveJson): IdMap {
  const map: IdMap = new Map();
  const byId = new Map(doc.articles.map((a) => [a.id, a]));
  const visit = (id: number, depth = 0) => {
    const a = byId.get(id)!;
    if (map.has(id)) return;
    if (depth > doc.articles.length)
      throw new AppError('INVALID_ARGUMENT', `The archive export is inconsistent: article ${id} is, through its copies, a copy of itself.`);
    if (a.duplicateOf !== null) visit(a.duplicateOf, depth + 1);
    const { id: _id, importedAt: _at, duplicateOf, ...fields } = a;
    void archive.articles.insert({ ...fields, duplicateOf: duplicateOf === null ? null : map.get(duplicateOf)! });
    map.set(id, newestArticleId(archive));
  };
  for (const a of doc.articles) visit(a.id);
  return map;
}

function newestArticleId(archive: Archive): number {
  return archive.articles.list({ sort: 'importedAt', order: 'desc', limit: 1 }).items[0].id;
}

function loadClaims(archive: Archive, doc: ArchiveJson, articles: IdMap): IdMap {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const inputs: NewClaim[] = doc.claims.map(({ id: _id, createdAt: _c, updatedAt: _u, entities: refs, articleId, ...fields }) => ({
    ...fields,
    articleId: articleId === null ? null : articles.get(articleId)!,
    entities: refs.map((r) => ({ name: entities.get(r.entityId)!.name, type: entities.get(r.entityId)!.type, role: r.role })),
  }));
  void archive.claims.insertMany(inputs);
  // The archive was empty, so its claims are exactly these, created in this order.
  const created: number[] = [];
  for (let offset = 0; created.length < inputs.length; offset += PAGE) {
    const page = archive.claims.list({ sort: 'createdAt', order: 'asc', offset, limit: PAGE });
    if (page.items.length === 0) break;
    created.push(...page.items.map((c) => c.id));
  }
  if (created.length !== inputs.length)
    throw new AppError('INTERNAL', `Imported ${inputs.length} claims but the archive lists ${created.length}; nothing was imported.`);
  return new Map(doc.claims.map((c, i) => [c.id, created[i]]));
}

/** A saved search's ids, pointed at the records' new ids. */
function remapQuery(archive: Archive, doc: ArchiveJson, query: ClaimQuery, articles: IdMap, collections: IdMap): ClaimQuery {
  const out = { ...query };
  if (out.articleId) out.articleId = articles.get(out.articleId) ?? out.articleId;
  if (out.collectionId) out.collectionId = collections.get(out.collectionId) ?? out.collectionId;
  const entity = out.entityId ? doc.entities.find((e) => e.id === out.entityId) : undefined;
  if (entity)
    out.entityId =
      archive.entities.list({ search: entity.name, type: entity.type }).find((e) => e.name === entity.name.replace(/\s+/g, ' ').trim())
        ?.id ?? out.entityId;
  return out;
}
