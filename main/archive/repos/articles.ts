// Articles: the imported texts. Delete is soft and takes the article's claims along; restore
// brings back exactly the claims that went with it.
import { AppError } from '../../../shared/errors';
import {
  ArticlePatch,
  ArticleQuery,
  NewArticle,
  PageStarts,
  type Article,
  type ArticleSummary,
  type ArticleTagCount,
  type OutletCount,
  type Page,
} from '../../../shared/domain';
import { notFound, parseInput, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { recordHistory } from './history';
import { buildMatch } from '../search/query';
import { ARTICLE, decodeRow, insertSql, newRecordColumns, patchColumns, rowValues, selectList } from '../schema';

/** An article's columns but its text (lists leave the text out), named by field (schema/articles.ts). */
const COLUMNS = selectList(ARTICLE, 'a', (c, name) => c.record === true && name !== 'text');
const NEW_COLUMNS = newRecordColumns(ARTICLE);
const INSERT_ARTICLE = insertSql(ARTICLE, NEW_COLUMNS);
/** Article fields a patch may edit, and their columns. */
const PATCH_COLUMNS = patchColumns(ARTICLE) as Record<keyof ArticlePatch, string>;

/** An article as read with COLUMNS: its source file's columns still flat (`source.sha256`…). */
interface ArticleRow extends Omit<Article, 'source' | 'text'> {
  'source.sha256': string | null;
  'source.name': string | null;
  'source.type': string | null;
  'source.size': number | null;
  text?: string;
}

function toArticle(raw: ArticleRow): Omit<Article, 'text'> & { text?: string } {
  const row = decodeRow<ArticleRow>(ARTICLE, raw);
  const { 'source.sha256': sha256, 'source.name': name, 'source.type': type, 'source.size': size, ...rest } = row;
  const source = sha256 ? { sha256, name: name ?? '', type: type ?? '', size: size ?? 0 } : null;
  return { ...rest, source };
}

/** An article that exists and is not deleted (the text included). */
export function getArticle(ctx: RepoBase, id: number, includeDeleted = false): Article {
  const row = ctx.sql.get<ArticleRow & { deletedAt: string | null }>(
    `SELECT ${COLUMNS}, a.text, a.deleted_at AS deletedAt FROM article a WHERE a.id = ?`,
    [id],
  );
  if (!row || (row.deletedAt && !includeDeleted))
    throw row ? new AppError('NOT_FOUND', `Article ${id} is deleted (restore it to see it).`) : notFound('Article', id);
  const { deletedAt: _deleted, ...rest } = row;
  return toArticle(rest) as Article;
}

const SORTS: Record<string, string> = {
  published: 'a.published',
  title: 'a.title COLLATE NOCASE',
  outlet: 'a.outlet COLLATE NOCASE',
  importedAt: 'a.imported_at',
  claimCount: 'claimCount',
};

export function createArticleRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  const summaries = (rows: ArticleRow[]): ArticleSummary[] => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const counts = ctx.sql.all<{ articleId: number; verdict: string; n: number }>(
      `SELECT article_id AS articleId, COALESCE(verdict, 'none') AS verdict, count(*) AS n FROM claim
       WHERE deleted_at IS NULL AND article_id IN (${ids.map(() => '?').join(',')}) GROUP BY 1, 2`,
      ids,
    );
    const pending = new Map(
      ctx.sql
        .all<{ articleId: number; n: number }>(
          `SELECT article_id AS articleId, count(*) AS n FROM suggestion
           WHERE state = 'pending' AND article_id IN (${ids.map(() => '?').join(',')}) GROUP BY 1`,
          ids,
        )
        .map((r) => [r.articleId, r.n]),
    );
    return rows.map((row) => {
      const verdictCounts: Record<string, number> = {};
      for (const c of counts) if (c.articleId === row.id) verdictCounts[c.verdict] = c.n;
      const claimCount = Object.values(verdictCounts).reduce((a, b) => a + b, 0);
      return { ...(toArticle(row) as Omit<Article, 'text'>), claimCount, verdictCounts, pendingCount: pending.get(row.id) ?? 0 };
    });
  };

  return {
    insert: (input: NewArticle): Written<M, Article> =>
      ctx.write(() => {
        const a = parseInput(NewArticle, input, 'article');
        if (a.duplicateOf !== null) getArticle(ctx, a.duplicateOf, true);
        ctx.sql.run(INSERT_ARTICLE, rowValues(ARTICLE, NEW_COLUMNS, { ...a, importedAt: ctx.now() }));
        return getArticle(ctx, ctx.sql.lastId());
      }),

    get: (id: number): Article => getArticle(ctx, id),

    /** An article even if deleted, with when it was (a JSON export keeps the originals of live copies). */
    getWithDeleted: (id: number): Article & { deletedAt: string | null } => ({
      ...getArticle(ctx, id, true),
      deletedAt: ctx.sql.get<{ at: string | null }>('SELECT deleted_at AS at FROM article WHERE id = ?', [id])?.at ?? null,
    }),

    /** The live (not deleted) article imported from a file with this content hash, if any. */
    findBySha256(sha: string): Article | null {
      const row = ctx.sql.get<{ id: number }>('SELECT id FROM article WHERE source_sha256 = ? AND deleted_at IS NULL ORDER BY id LIMIT 1', [
        sha.toLowerCase(),
      ]);
      return row ? getArticle(ctx, row.id) : null;
    },

    list(input: ArticleQuery): Page<ArticleSummary> {
      const q = parseInput(ArticleQuery, input, 'article query');
      const where = ['a.deleted_at IS NULL'];
      const params: (string | number)[] = [];
      const match = q.search ? buildMatch(q.search) : null;
      // A search starts from the FTS index (CROSS JOIN fixes the order) so the MATCH runs once.
      let from = 'article a';
      if (match) {
        from = 'article_fts CROSS JOIN article a ON a.id = article_fts.docid';
        where.push('article_fts MATCH ?');
        params.push(match);
      }
      if (q.outlet) {
        where.push('a.outlet = ? COLLATE NOCASE');
        params.push(q.outlet);
      }
      if (q.tag?.trim()) {
        where.push('a.id IN (SELECT article_id FROM article_tag WHERE tag = ? COLLATE NOCASE)');
        params.push(q.tag.trim());
      }
      if (q.collectionId) {
        where.push('a.id IN (SELECT article_id FROM collection_article WHERE collection_id = ?)');
        params.push(q.collectionId);
      }
      if (q.toReview) where.push(`EXISTS (SELECT 1 FROM suggestion s WHERE s.article_id = a.id AND s.state = 'pending')`);
      const filtered = `FROM ${from} WHERE ${where.join(' AND ')}`;
      const claimCount = '(SELECT count(*) FROM claim c WHERE c.article_id = a.id AND c.deleted_at IS NULL)';
      const dir = q.order === 'asc' ? 'ASC' : 'DESC';
      const rows = ctx.sql.all<ArticleRow & { claimCount: number }>(
        `SELECT ${COLUMNS}, ${q.sort === 'claimCount' ? claimCount : '0'} AS claimCount ${filtered}
         ORDER BY ${SORTS[q.sort]} ${dir} NULLS LAST, a.id ${dir} LIMIT ? OFFSET ?`,
        [...params, q.limit, q.offset],
      );
      const total = ctx.sql.get<{ n: number }>(`SELECT count(*) AS n ${filtered}`, params)?.n ?? 0;
      return { items: summaries(rows.map(({ claimCount: _c, ...r }) => r as ArticleRow)), total, offset: q.offset };
    },

    /**
     * Distinct outlets of live articles with their counts, by name. Spellings that differ only in
     * case are one outlet, as the list's outlet filter matches them (COLLATE NOCASE).
     */
    outlets(): OutletCount[] {
      return ctx.sql.all<OutletCount>(
        `SELECT min(outlet) AS outlet, count(*) AS count FROM article
         WHERE deleted_at IS NULL AND outlet IS NOT NULL AND outlet <> ''
         GROUP BY outlet COLLATE NOCASE ORDER BY outlet COLLATE NOCASE`,
      );
    },

    /** Tags of live articles with their counts, by name; spellings differing in case are one tag. */
    tags(): ArticleTagCount[] {
      return ctx.sql.all<ArticleTagCount>(
        `SELECT min(t.tag) AS tag, count(DISTINCT t.article_id) AS count FROM article_tag t JOIN article a ON a.id = t.article_id
         WHERE a.deleted_at IS NULL GROUP BY t.tag COLLATE NOCASE ORDER BY t.tag COLLATE NOCASE`,
      );
    },

    update: (id: number, input: ArticlePatch): Written<M, Article> =>
      ctx.write(() => {
        const patch = parseInput(ArticlePatch, input, 'article change');
        getArticle(ctx, id);
        const keys = Object.keys(patch) as (keyof ArticlePatch)[];
        if (keys.length > 0) {
          ctx.sql.run(`UPDATE article SET ${keys.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`, [
            ...keys.map((k) => (k === 'tags' ? JSON.stringify(patch.tags) : (patch[k] ?? null))),
            id,
          ]);
        }
        return getArticle(ctx, id);
      }),

    /** Live articles from a PDF without page starts (imported before they were kept), by id. */
    withoutPageStarts: (): number[] =>
      ctx.sql
        .all<{ id: number }>(
          `SELECT id FROM article WHERE deleted_at IS NULL AND page_starts = '[]' AND lower(source_type) = 'pdf' ORDER BY id`,
        )
        .map((r) => r.id),

    /**
     * Keeps where each page starts in an article that has none yet (read again from its original);
     * false when it has some meanwhile or was deleted. Not undoable: it adds what the import would have.
     */
    setPageStarts: (id: number, starts: number[]): Written<M, boolean> =>
      ctx.write(() => {
        const valid = parseInput(PageStarts, starts, 'page starts');
        const text = ctx.sql.get<{ n: number }>(
          `SELECT length(text) AS n FROM article WHERE id = ? AND deleted_at IS NULL AND page_starts = '[]'`,
          [id],
        );
        if (!text || valid.some((v) => v > text.n)) return false;
        ctx.sql.run('UPDATE article SET page_starts = ? WHERE id = ?', [JSON.stringify(valid), id]);
        return true;
      }),

    delete: (id: number): Written<M, void> =>
      ctx.write(() => {
        getArticle(ctx, id);
        const at = ctx.now();
        const claims = ctx.sql.all<{ id: number }>('SELECT id FROM claim WHERE article_id = ? AND deleted_at IS NULL', [id]);
        ctx.sql.run('UPDATE claim SET deleted_at = ?, deleted_with_article = 1 WHERE article_id = ? AND deleted_at IS NULL', [at, id]);
        ctx.sql.run('UPDATE article SET deleted_at = ? WHERE id = ?', [at, id]);
        for (const c of claims) recordHistory(ctx, c.id, 'deleted', null, at, `article ${id} deleted`, at);
      }),

    restore: (id: number): Written<M, Article> =>
      ctx.write(() => {
        getArticle(ctx, id, true);
        const at = ctx.now();
        const claims = ctx.sql.all<{ id: number }>('SELECT id FROM claim WHERE article_id = ? AND deleted_with_article = 1', [id]);
        ctx.sql.run('UPDATE claim SET deleted_at = NULL, deleted_with_article = 0 WHERE article_id = ? AND deleted_with_article = 1', [id]);
        ctx.sql.run('UPDATE article SET deleted_at = NULL WHERE id = ?', [id]);
        for (const c of claims) recordHistory(ctx, c.id, 'restored', null, at, `article ${id} restored`, at);
        return getArticle(ctx, id);
      }),
  };
}
