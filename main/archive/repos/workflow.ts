// Review workflow around claims: extraction suggestions, saved searches and collections.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  ClaimQuery,
  Id,
  NewClaim,
  SuggestionState,
  CollectionName,
  type Collection,
  type DeletedCollection,
  type ReviewQueue,
  type ReviewQueueItem,
  type SavedSearch,
  type Suggestion,
} from '../../../shared/domain';
import { json, notFound, parseInput, parseJson, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { getArticle } from './articles';
import { getClaim } from './claim-rows';
import { recordHistory } from './history';
import { COLLECTION, SAVED_SEARCH, SUGGESTION, selectList } from '../schema';

const SUGGESTION_COLUMNS = selectList(SUGGESTION, 's');
const COLLECTION_COLUMNS = selectList(COLLECTION, 'k');
const Name = z.string().trim().min(1, 'a name is required').max(200);
const ClaimIds = z.array(Id).max(100_000);
const ArticleIds = z.array(Id).max(100_000);

function getSuggestion(ctx: RepoBase, id: number): Suggestion {
  const row = ctx.sql.get<Omit<Suggestion, 'payload'> & { payload: string }>(
    `SELECT ${SUGGESTION_COLUMNS} FROM suggestion s WHERE id = ?`,
    [id],
  );
  if (!row) throw notFound('Suggestion', id);
  return { ...row, payload: parseJson(row.payload, { statement: '' }) };
}

export function createSuggestionRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    add: (articleId: number, payloads: NewClaim[]): Written<M, Suggestion[]> =>
      ctx.write(() => {
        getArticle(ctx, articleId);
        const valid = parseInput(z.array(NewClaim).max(10_000), payloads, 'suggested claims');
        const at = ctx.now();
        return valid.map((payload) => {
          ctx.sql.run('INSERT INTO suggestion (article_id, payload, state, created_at) VALUES (?, ?, ?, ?)', [
            articleId,
            json({ ...payload, articleId }),
            'pending',
            at,
          ]);
          return getSuggestion(ctx, ctx.sql.lastId());
        });
      }),

    list(articleId: number, state?: SuggestionState): Suggestion[] {
      const rows = ctx.sql.all<{ id: number }>(
        `SELECT id FROM suggestion WHERE article_id = ? ${state ? 'AND state = ?' : ''} ORDER BY id`,
        state ? [articleId, parseInput(SuggestionState, state, 'suggestion state')] : [articleId],
      );
      return rows.map((r) => getSuggestion(ctx, r.id));
    },

    /** The review queue: pending suggestions of live articles, by article, most recently imported first. */
    queue(): ReviewQueue {
      const articles = ctx.sql.all<ReviewQueueItem>(
        `SELECT a.id AS articleId, a.title AS title, a.imported_at AS importedAt, count(*) AS pending
         FROM suggestion s JOIN article a ON a.id = s.article_id
         WHERE s.state = 'pending' AND a.deleted_at IS NULL
         GROUP BY a.id ORDER BY a.imported_at DESC, a.id DESC`,
      );
      return { pending: articles.reduce((n, a) => n + a.pending, 0), articles };
    },

    /** Accept (with the claim made from it) or reject a suggestion; back to pending undoes that. */
    setState: (id: number, state: SuggestionState, claimId?: number): Written<M, Suggestion> =>
      ctx.write(() => {
        const next = parseInput(SuggestionState, state, 'suggestion state');
        getSuggestion(ctx, id);
        if (claimId !== undefined) getClaim(ctx, claimId);
        const decidedAt = next === 'pending' ? null : ctx.now();
        ctx.sql.run('UPDATE suggestion SET state = ?, claim_id = ?, decided_at = ? WHERE id = ?', [
          next,
          next === 'accepted' ? (claimId ?? null) : null,
          decidedAt,
          id,
        ]);
        return getSuggestion(ctx, id);
      }),
  };
}

export function createSavedSearchRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  const columns = selectList(SAVED_SEARCH, 's');
  const toSaved = (r: Omit<SavedSearch, 'query'> & { query: string }): SavedSearch => ({ ...r, query: parseJson(r.query, {}) });
  return {
    list: (): SavedSearch[] =>
      ctx.sql
        .all<Omit<SavedSearch, 'query'> & { query: string }>(`SELECT ${columns} FROM saved_search s ORDER BY name COLLATE NOCASE`)
        .map(toSaved),

    /** Saves under a name; saving again under the same name replaces the query. */
    save: (name: string, query: ClaimQuery): Written<M, SavedSearch> =>
      ctx.write(() => {
        const cleanName = parseInput(Name, name, 'saved search name');
        const cleanQuery = parseInput(ClaimQuery, query, 'saved search query');
        const at = ctx.now();
        ctx.sql.run(
          `INSERT INTO saved_search (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET query = excluded.query, updated_at = excluded.updated_at`,
          [cleanName, json(cleanQuery), at, at],
        );
        return toSaved(ctx.sql.get(`SELECT ${columns} FROM saved_search s WHERE name = ?`, [cleanName])!);
      }),

    remove: (id: number): Written<M, void> =>
      ctx.write(() => {
        ctx.sql.run('DELETE FROM saved_search WHERE id = ?', [id]);
        if (ctx.sql.changes() === 0) throw notFound('Saved search', id);
      }),
  };
}

export function createCollectionRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  const get = (id: number): Collection => {
    const row = ctx.sql.get<Collection>(
      `SELECT ${COLLECTION_COLUMNS},
         (SELECT count(*) FROM collection_claim cc JOIN claim c ON c.id = cc.claim_id WHERE cc.collection_id = k.id AND c.deleted_at IS NULL)
         + (SELECT count(*) FROM collection_article ca JOIN claim c ON c.article_id = ca.article_id
            WHERE ca.collection_id = k.id AND c.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM collection_claim cc WHERE cc.collection_id = k.id AND cc.claim_id = c.id)) AS claimCount,
         (SELECT count(*) FROM collection_article ca JOIN article a ON a.id = ca.article_id WHERE ca.collection_id = k.id AND a.deleted_at IS NULL) AS articleCount
       FROM collection k WHERE k.id = ?`,
      [id],
    );
    if (!row) throw notFound('Collection', id);
    return row;
  };
  /** A valid name no other collection has (names are unique whatever their case). */
  const freeName = (name: string, self: number | null): string => {
    const clean = parseInput(CollectionName, name, 'collection name');
    const other = ctx.sql.get<{ id: number; name: string }>('SELECT id, name FROM collection WHERE name = ?', [clean]);
    if (other && other.id !== self) throw new AppError('CONFLICT', `A collection named "${other.name}" already exists.`);
    return clean;
  };
  const isMember = (collectionId: number, claimId: number) =>
    !!ctx.sql.get('SELECT 1 FROM collection_claim WHERE collection_id = ? AND claim_id = ?', [collectionId, claimId]);

  /** Adds claims (each claim's history notes it); returns the ids that were not members yet. */
  const addClaims = (collectionId: number, claimIds: number[], note: string | null = null): { collection: Collection; added: number[] } => {
    const k = get(collectionId);
    const ids = parseInput(ClaimIds, claimIds, 'claim ids');
    for (const claimId of ids) getClaim(ctx, claimId);
    const at = ctx.now();
    const added: number[] = [];
    for (const claimId of new Set(ids)) {
      if (isMember(collectionId, claimId)) continue;
      ctx.sql.run('INSERT INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [collectionId, claimId, at]);
      recordHistory(ctx, claimId, 'collection', null, k.name, note, at);
      added.push(claimId);
    }
    return { collection: get(collectionId), added };
  };

  /** Takes claims out (each claim's history notes it); returns the ids that were members. */
  const removeClaims = (
    collectionId: number,
    claimIds: number[],
    note: string | null = null,
  ): { collection: Collection; removed: number[] } => {
    const k = get(collectionId);
    const at = ctx.now();
    const removed: number[] = [];
    for (const claimId of new Set(parseInput(ClaimIds, claimIds, 'claim ids'))) {
      if (!isMember(collectionId, claimId)) continue;
      ctx.sql.run('DELETE FROM collection_claim WHERE collection_id = ? AND claim_id = ?', [collectionId, claimId]);
      recordHistory(ctx, claimId, 'collection', k.name, null, note, at);
      removed.push(claimId);
    }
    return { collection: get(collectionId), removed };
  };

  const hasArticle = (collectionId: number, articleId: number) =>
    !!ctx.sql.get('SELECT 1 FROM collection_article WHERE collection_id = ? AND article_id = ?', [collectionId, articleId]);

  /** Adds articles (their claims, now and later, are the collection's too); returns those not members yet. */
  const addArticles = (collectionId: number, articleIds: number[]): { collection: Collection; added: number[] } => {
    get(collectionId);
    const ids = [...new Set(parseInput(ArticleIds, articleIds, 'article ids'))];
    for (const articleId of ids) getArticle(ctx, articleId);
    const at = ctx.now();
    const added = ids.filter((articleId) => !hasArticle(collectionId, articleId));
    for (const articleId of added)
      ctx.sql.run('INSERT INTO collection_article (collection_id, article_id, added_at) VALUES (?, ?, ?)', [collectionId, articleId, at]);
    return { collection: get(collectionId), added };
  };

  /** Takes articles out (claims added to the collection by themselves stay); returns those that were members. */
  const removeArticles = (collectionId: number, articleIds: number[]): { collection: Collection; removed: number[] } => {
    get(collectionId);
    const ids = [...new Set(parseInput(ArticleIds, articleIds, 'article ids'))];
    const removed = ids.filter((articleId) => hasArticle(collectionId, articleId));
    for (const articleId of removed)
      ctx.sql.run('DELETE FROM collection_article WHERE collection_id = ? AND article_id = ?', [collectionId, articleId]);
    return { collection: get(collectionId), removed };
  };

  return {
    list: (): Collection[] => ctx.sql.all<{ id: number }>('SELECT id FROM collection ORDER BY name COLLATE NOCASE').map((r) => get(r.id)),
    get,
    /** The collections a claim belongs to, by name. */
    ofClaim: (claimId: number): Collection[] => {
      getClaim(ctx, claimId);
      return ctx.sql
        .all<{ id: number }>(
          'SELECT k.id FROM collection k JOIN collection_claim cc ON cc.collection_id = k.id WHERE cc.claim_id = ? ORDER BY k.name COLLATE NOCASE',
          [claimId],
        )
        .map((r) => get(r.id));
    },
    /** The collections an article belongs to, by name. */
    ofArticle: (articleId: number): Collection[] => {
      getArticle(ctx, articleId);
      return ctx.sql
        .all<{ id: number }>(
          'SELECT k.id FROM collection k JOIN collection_article ca ON ca.collection_id = k.id WHERE ca.article_id = ? ORDER BY k.name COLLATE NOCASE',
          [articleId],
        )
        .map((r) => get(r.id));
    },
    /** What was added to a collection itself (not the claims it holds through its articles), by id. */
    members: (id: number): { claimIds: number[]; articleIds: number[] } => {
      get(id);
      const ids = (sql: string) => ctx.sql.all<{ id: number }>(sql, [id]).map((r) => r.id);
      return {
        claimIds: ids('SELECT claim_id AS id FROM collection_claim WHERE collection_id = ? ORDER BY claim_id'),
        articleIds: ids('SELECT article_id AS id FROM collection_article WHERE collection_id = ? ORDER BY article_id'),
      };
    },

    create: (name: string): Written<M, Collection> =>
      ctx.write(() => {
        const clean = freeName(name, null);
        ctx.sql.run('INSERT INTO collection (name, created_at) VALUES (?, ?)', [clean, ctx.now()]);
        return get(ctx.sql.lastId());
      }),

    rename: (id: number, name: string): Written<M, Collection> =>
      ctx.write(() => {
        get(id);
        ctx.sql.run('UPDATE collection SET name = ? WHERE id = ?', [freeName(name, id), id]);
        return get(id);
      }),

    add: (collectionId: number, claimIds: number[]): Written<M, Collection> =>
      ctx.write(() => addClaims(collectionId, claimIds).collection),
    remove: (collectionId: number, claimIds: number[]): Written<M, Collection> =>
      ctx.write(() => removeClaims(collectionId, claimIds).collection),
    addClaims: (collectionId: number, claimIds: number[], note?: string): Written<M, { collection: Collection; added: number[] }> =>
      ctx.write(() => addClaims(collectionId, claimIds, note ?? null)),
    removeClaims: (collectionId: number, claimIds: number[], note?: string): Written<M, { collection: Collection; removed: number[] }> =>
      ctx.write(() => removeClaims(collectionId, claimIds, note ?? null)),
    addArticles: (collectionId: number, articleIds: number[]): Written<M, { collection: Collection; added: number[] }> =>
      ctx.write(() => addArticles(collectionId, articleIds)),
    removeArticles: (collectionId: number, articleIds: number[]): Written<M, { collection: Collection; removed: number[] }> =>
      ctx.write(() => removeArticles(collectionId, articleIds)),

    /** Deletes a collection (its claims and articles stay); returns it as it was, for restore. */
    delete: (id: number): Written<M, DeletedCollection> =>
      ctx.write(() => {
        const k = get(id);
        const members = ctx.sql.all<{ claimId: number; addedAt: string }>(
          'SELECT claim_id AS claimId, added_at AS addedAt FROM collection_claim WHERE collection_id = ? ORDER BY claim_id',
          [id],
        );
        const articles = ctx.sql.all<{ articleId: number; addedAt: string }>(
          'SELECT article_id AS articleId, added_at AS addedAt FROM collection_article WHERE collection_id = ? ORDER BY article_id',
          [id],
        );
        const at = ctx.now();
        for (const m of members) recordHistory(ctx, m.claimId, 'collection', k.name, null, 'Collection deleted', at);
        ctx.sql.run('DELETE FROM collection_claim WHERE collection_id = ?', [id]);
        ctx.sql.run('DELETE FROM collection_article WHERE collection_id = ?', [id]);
        ctx.sql.run('DELETE FROM collection WHERE id = ?', [id]);
        return { id: k.id, name: k.name, createdAt: k.createdAt, members, ...(articles.length ? { articles } : {}) };
      }),

    /** Puts a deleted collection back as it was (undo of delete): same id, name and members. */
    restore: (deleted: DeletedCollection, note?: string): Written<M, Collection> =>
      ctx.write(() => {
        if (ctx.sql.get('SELECT 1 FROM collection WHERE id = ?', [deleted.id]))
          throw new AppError('CONFLICT', `Collection ${deleted.id} already exists.`);
        const name = freeName(deleted.name, null);
        ctx.sql.run('INSERT INTO collection (id, name, created_at) VALUES (?, ?, ?)', [deleted.id, name, deleted.createdAt]);
        const at = ctx.now();
        for (const m of deleted.members) {
          if (!ctx.sql.get('SELECT 1 FROM claim WHERE id = ?', [m.claimId])) continue; // a claim purged since
          ctx.sql.run('INSERT OR IGNORE INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [
            deleted.id,
            m.claimId,
            m.addedAt,
          ]);
          recordHistory(ctx, m.claimId, 'collection', null, name, note ?? null, at);
        }
        for (const m of deleted.articles ?? []) {
          if (!ctx.sql.get('SELECT 1 FROM article WHERE id = ?', [m.articleId])) continue; // an article purged since
          ctx.sql.run('INSERT OR IGNORE INTO collection_article (collection_id, article_id, added_at) VALUES (?, ?, ?)', [
            deleted.id,
            m.articleId,
            m.addedAt,
          ]);
        }
        return get(deleted.id);
      }),
  };
}
