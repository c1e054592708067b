// The claims table query: full-text search (BM25-ranked) combined with filters, sort and paging.
// Pages are found as ids first (narrow rows sort fast), then the rows of just that page are read.
// A search always starts from the FTS index (CROSS JOIN fixes that order): the index holds live
// claims only, and SQLite would otherwise re-run the MATCH once per candidate row.
import type { z } from 'zod';
import { ClaimQuery, type ClaimRow, type Page } from '../../../shared/domain';
import { likePrefix, parseInput, type RepoBase } from '../repos/context';
import { CLAIM_ROW_COLUMNS, IN_CONFLICT, toClaim } from '../repos/claim-rows';
import { buildMatch } from './query';
import { rankContext, rankWith } from './bm25';

type Param = string | number | Uint8Array;
type Query = z.output<typeof ClaimQuery>;

/** Column weights for quote, statement, claimant, tags. */
const WEIGHTS = [1, 1.5, 2, 2];

const SORTS: Record<string, string> = {
  claimDate: 'c.claim_date',
  updatedAt: 'c.updated_at',
  createdAt: 'c.created_at',
  claimant: 'c.claimant COLLATE NOCASE',
  status: `CASE c.status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'needs_review' THEN 2 ELSE 3 END`,
  verdict: 'c.verdict',
  score: 'c.score',
  // A claim is dated by its own date, else by its article's publication date (as the filter does).
  date: 'COALESCE(c.claim_date, a.published)',
  published: 'a.published',
  resolveBy: 'c.resolve_by',
  article: 'a.title COLLATE NOCASE',
  outlet: 'a.outlet COLLATE NOCASE',
};

/** Sorts that read the claim's article. */
const ARTICLE_SORTS = new Set(['date', 'published', 'article', 'outlet']);

interface Filters {
  where: string[];
  params: Param[];
  joinArticle: boolean;
  /** Only filters an index answers directly (status, verdict, article): counting them is cheap. */
  indexOnly: boolean;
}

function filters(q: Query): Filters {
  const f: Filters = { where: [], params: [], joinArticle: false, indexOnly: false };
  const add = (sql: string, ...values: Param[]) => {
    f.where.push(sql);
    f.params.push(...values);
  };
  if (q.status?.length) add(`c.status IN (${q.status.map(() => '?').join(',')})`, ...q.status);
  if (q.verdict?.length) add(`COALESCE(c.verdict, 'none') IN (${q.verdict.map(() => '?').join(',')})`, ...q.verdict);
  // Claimant: starts with (case-insensitive), so the claimant index can answer it.
  if (q.claimant?.trim()) add(`c.claimant LIKE ? ESCAPE '\\'`, likePrefix(q.claimant.trim()));
  // IN (…) rather than EXISTS: lets SQLite start from the few claims that carry the tag/entity.
  if (q.entityId) add('c.id IN (SELECT claim_id FROM claim_entity WHERE entity_id = ?)', q.entityId);
  if (q.tag?.trim()) add('c.id IN (SELECT claim_id FROM claim_tag WHERE tag = ? COLLATE NOCASE)', q.tag.trim());
  if (q.articleId) add('c.article_id = ?', q.articleId);
  // A collection's claims: those added to it and those of its articles.
  if (q.collectionId)
    add(
      '(c.id IN (SELECT claim_id FROM collection_claim WHERE collection_id = ?) OR c.article_id IN (SELECT article_id FROM collection_article WHERE collection_id = ?))',
      q.collectionId,
      q.collectionId,
    );
  if (q.outlet?.trim()) add('a.outlet = ? COLLATE NOCASE', q.outlet.trim());
  if (q.conflict !== undefined) add(q.conflict ? IN_CONFLICT : `NOT ${IN_CONFLICT}`);
  // A claim is dated by its own date, else by its article's publication date.
  if (q.from) add('COALESCE(c.claim_date, a.published) >= ?', q.from);
  if (q.to) add('COALESCE(c.claim_date, a.published) < ?', `${q.to}~`); // '~' sorts after any time suffix: "to" is inclusive
  f.joinArticle = Boolean(q.outlet?.trim() || q.from || q.to || ARTICLE_SORTS.has(q.sort));
  f.indexOnly = !f.joinArticle && !q.claimant?.trim() && !q.entityId && !q.tag?.trim() && !q.collectionId && q.conflict === undefined;
  return f;
}

const ARTICLE_JOIN = 'LEFT JOIN article a ON a.id = c.article_id';
// After a MATCH, filter/sort columns come from the narrow covering indexes (see migration 1).
const CARD_JOIN = 'CROSS JOIN claim c INDEXED BY claim_card ON c.id = claim_fts.docid';
const ARTICLE_CARD_JOIN = 'LEFT JOIN article a INDEXED BY article_card ON a.id = c.article_id';

export function listClaims(ctx: RepoBase, input: ClaimQuery): Page<ClaimRow> {
  const q = parseInput(ClaimQuery, input, 'claim query');
  const f = filters(q);
  const match = q.search ? buildMatch(q.search) : null;
  const { ids, total } = match ? searchPage(ctx, q, f, match) : browsePage(ctx, q, f);
  return { items: rowsInOrder(ctx, ids), total, offset: q.offset };
}

function order(q: Query): string {
  const dir = q.order === 'asc' ? 'ASC' : 'DESC';
  return `${SORTS[q.sort] ?? SORTS.updatedAt} ${dir} NULLS LAST, c.id ${dir}`;
}

/** No search: every live claim that passes the filters. */
function browsePage(ctx: RepoBase, q: Query, f: Filters) {
  const from = `claim c ${f.joinArticle ? ARTICLE_JOIN : ''} WHERE ${['c.deleted_at IS NULL', ...f.where].join(' AND ')}`;
  const page = [...f.params, q.limit, q.offset];
  if (!f.indexOnly) {
    // The filters make SQLite visit rows anyway: count them in the same pass.
    const rows = ctx.sql.all<{ id: number; total: number }>(
      `SELECT c.id, count(*) OVER () AS total FROM ${from} ORDER BY ${order(q)} LIMIT ? OFFSET ?`,
      page,
    );
    return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? countMatches(ctx, `FROM ${from}`, f.params) };
  }
  // Index-ordered page plus an index-only count: both stay cheap however many claims match.
  const ids = ctx.sql.all<{ id: number }>(`SELECT c.id FROM ${from} ORDER BY ${order(q)} LIMIT ? OFFSET ?`, page);
  return { ids: ids.map((r) => r.id), total: countMatches(ctx, `FROM ${from}`, f.params) };
}

/** Search: matches from the FTS index, filtered, ranked by BM25 or sorted by a column. */
function searchPage(ctx: RepoBase, q: Query, f: Filters, match: string) {
  const withClaim = `${CARD_JOIN} ${f.joinArticle ? ARTICLE_CARD_JOIN : ''}`;
  const join = f.where.length > 0 ? withClaim : '';
  const where = ['claim_fts MATCH ?', ...f.where].join(' AND ');
  const params = [match, ...f.params, q.limit, q.offset];
  if (q.sort === 'relevance') {
    const na = ctx.sql.get<{ na: Uint8Array }>(`SELECT matchinfo(claim_fts, 'na') AS na FROM claim_fts WHERE claim_fts MATCH ? LIMIT 1`, [
      match,
    ])?.na;
    if (!na) return { ids: [], total: 0 };
    const rank = rankContext(na, WEIGHTS);
    const sql = `SELECT claim_fts.docid AS id FROM claim_fts ${join} WHERE ${where}
      ORDER BY bm25(matchinfo(claim_fts, 'pcxl')) ${q.order === 'asc' ? 'ASC' : 'DESC'}, claim_fts.docid DESC LIMIT ? OFFSET ?`;
    const ids = rankWith(rank, () => ctx.sql.all<{ id: number }>(sql, params));
    // The ranking pass visited every filtered match once, so it counted them too.
    return { ids: ids.map((r) => r.id), total: rank.ranked };
  }
  const sql = `SELECT c.id, count(*) OVER () AS total FROM claim_fts ${withClaim} WHERE ${where} ORDER BY ${order(q)} LIMIT ? OFFSET ?`;
  const rows = ctx.sql.all<{ id: number; total: number }>(sql, params);
  return {
    ids: rows.map((r) => r.id),
    total: rows[0]?.total ?? countMatches(ctx, `FROM claim_fts ${withClaim} WHERE ${where}`, params.slice(0, -2)),
  };
}

/** Only needed when the page is past the end (the window count comes with the rows otherwise). */
function countMatches(ctx: RepoBase, from: string, params: Param[]): number {
  return ctx.sql.get<{ n: number }>(`SELECT count(*) AS n ${from}`, params)?.n ?? 0;
}

function rowsInOrder(ctx: RepoBase, ids: number[]): ClaimRow[] {
  if (ids.length === 0) return [];
  const rows = ctx.sql.all<Parameters<typeof toClaim>[0]>(
    `SELECT ${CLAIM_ROW_COLUMNS} FROM claim c ${ARTICLE_JOIN} WHERE c.id IN (${ids.map(() => '?').join(',')})`,
    ids,
  );
  const byId = new Map(rows.map((r) => [r.id, toClaim<ClaimRow>(r as never)]));
  return ids.map((id) => byId.get(id)!);
}
