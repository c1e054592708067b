// JSON export of an archive (whole, or the claims a search finds, with everything they point to).
import type { Archive } from '../index';
import type { Claim, ClaimLink, Collection, Entity, Evidence, HistoryEntry } from '../../../shared/domain';
import { APP_NAME, APP_VERSION } from '../../version';
import { CLAIM, fileShape } from '../schema';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type ArchiveJsonInput as ArchiveJson, type ClaimRecord } from './format';

const PAGE = 1_000;
/** The JSON export carries whole archives: far beyond what a report holds. */
const MAX_EXPORT_CLAIMS = 10_000_000;

export interface ArchiveExportOptions {
  /** Only claims matching this search (and what they point to). */
  search?: string;
  /** Only these claims (a report's selection), and what they point to. */
  claimIds?: number[];
  /** Fixed export time (tests); default now. */
  exportedAt?: string;
}

/** The fields of a claim the file carries (schema/claims.ts), without the display fields a claim row adds. */
const CLAIM_FIELDS = Object.keys(fileShape(CLAIM)) as (keyof Claim)[];

function withoutRowFields(row: Claim): Claim {
  return Object.fromEntries(CLAIM_FIELDS.map((f) => [f, row[f]])) as unknown as Claim;
}

function allClaims(archive: Archive, search: string | undefined): Claim[] {
  const out: Claim[] = [];
  for (let offset = 0; offset < MAX_EXPORT_CLAIMS; offset += PAGE) {
    const page = archive.claims.list({ search, sort: 'createdAt', order: 'asc', offset, limit: PAGE });
    out.push(...page.items.map(withoutRowFields));
    if (page.items.length < PAGE) break;
  }
  return out.sort((a, b) => a.id - b.id);
}

function allArticleIds(archive: Archive): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = archive.articles.list({ sort: 'importedAt', order: 'asc', offset, limit: PAGE });
    ids.push(...page.items.map((a) => a.id));
    if (page.items.length < PAGE) return ids;
  }
}

/**
 * Articles plus the ones they are copies of, so every duplicateOf resolves. An article that is
 * deleted yet still pointed to (a live copy's original, evidence) comes along marked `deletedAt`.
 */
function withOriginals(archive: Archive, ids: Iterable<number>): ArchiveJson['articles'] {
  const articles = new Map<number, ArchiveJson['articles'][number]>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (articles.has(id)) continue;
    const { deletedAt, ...article } = archive.articles.getWithDeleted(id);
    articles.set(id, deletedAt === null ? article : { ...article, deletedAt });
    if (article.duplicateOf !== null) queue.push(article.duplicateOf);
  }
  return [...articles.values()].sort((a, b) => a.id - b.id);
}

export function exportArchiveJson(archive: Archive, opts: ArchiveExportOptions = {}): ArchiveJson {
  const search = opts.search?.trim() || undefined;
  const partial = search !== undefined || opts.claimIds !== undefined;
  const claims = opts.claimIds
    ? opts.claimIds.map((id) => withoutRowFields(archive.claims.get(id))).sort((a, b) => a.id - b.id)
    : allClaims(archive, search);
  const claimIds = new Set(claims.map((c) => c.id));
  const entities = new Map<number, Entity>();
  const links = new Map<number, ClaimLink>();
  const evidence: Evidence[] = [];
  const history: HistoryEntry[] = [];
  const records: ClaimRecord[] = claims.map((claim) => {
    const named = archive.claims.entities(claim.id);
    for (const { role: _role, ...entity } of named) entities.set(entity.id, entity);
    for (const link of archive.links.forClaim(claim.id))
      if (claimIds.has(link.fromClaimId) && claimIds.has(link.toClaimId)) links.set(link.id, link);
    evidence.push(...archive.evidence.forClaim(claim.id));
    history.push(...archive.claims.history(claim.id));
    return { ...claim, entities: named.map((e) => ({ entityId: e.id, role: e.role })) };
  });
  if (!partial) for (const e of archive.entities.all()) if (!entities.has(e.id)) entities.set(e.id, e);
  const evidenceArticleIds = evidence.map((e) => e.articleId);
  const articleIds = partial
    ? [...claims.flatMap((c) => (c.articleId !== null ? [c.articleId] : [])), ...evidenceArticleIds]
    : [...allArticleIds(archive), ...evidenceArticleIds];
  const articles = withOriginals(archive, articleIds);
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_FORMAT_VERSION,
    exportedAt: opts.exportedAt ?? new Date().toISOString(),
    generator: `${APP_NAME} ${APP_VERSION}`,
    search: search ?? null,
    articles,
    entities: [...entities.values()].sort((a, b) => a.id - b.id),
    claims: records,
    links: [...links.values()].sort((a, b) => a.id - b.id),
    evidence: evidence.sort((a, b) => a.id - b.id),
    history: history.sort((a, b) => a.id - b.id),
    collections: collectionsOf(archive, claimIds, new Set(articles.map((a) => a.id)), !search),
    savedSearches: search ? [] : archive.savedSearches.list(),
    mergedEntities: partial ? [] : mergedEntitiesOf(archive, new Set(entities.keys()), claimIds),
    highlights: [...new Set(articleIds)].flatMap((id) => archive.highlights.forArticle(id)).sort((a, b) => a.id - b.id),
  };
}

/**
 * Merged-away entities, so a restored archive can still split them out: those merged (perhaps via
 * other merged ones) into an exported entity, with their links to exported claims only.
 */
function mergedEntitiesOf(archive: Archive, entityIds: Set<number>, claimIds: Set<number>): ArchiveJson['mergedEntities'] {
  const records = archive.entities.mergedRecords();
  const byId = new Map(records.map((r) => [r.id, r]));
  const reaches = (id: number, hops: number): boolean =>
    entityIds.has(id) || (hops < records.length && byId.has(id) && reaches(byId.get(id)!.mergedInto, hops + 1));
  return records.filter((r) => reaches(r.mergedInto, 0)).map((r) => ({ ...r, links: r.links.filter((l) => claimIds.has(l.claimId)) }));
}

function collectionsOf(archive: Archive, claimIds: Set<number>, articleIds: Set<number>, keepEmpty: boolean): ArchiveJson['collections'] {
  return archive.collections
    .list()
    .map((k: Collection) => {
      const members = archive.collections.members(k.id);
      return {
        id: k.id,
        name: k.name,
        createdAt: k.createdAt,
        claimIds: members.claimIds.filter((id) => claimIds.has(id)),
        articleIds: members.articleIds.filter((id) => articleIds.has(id)),
      };
    })
    .filter((k) => keepEmpty || k.claimIds.length > 0 || k.articleIds.length > 0)
    .sort((a, b) => a.id - b.id);
}

export function renderArchiveJson(doc: ArchiveJson): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
