// Review workflow around claims: extraction suggestions, saved searches and collections.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { ClaimQuery, Id, NewClaim, SuggestionState, type Collection, type SavedSearch, type Suggestion } from '../../../shared/domain';
import { json, notFound, parseInput, parseJson, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { getArticle } from './articles';
import { getClaim } from './claim-rows';
import { COLLECTION, SAVED_SEARCH, SUGGESTION, selectList } from '../schema';

const SUGGESTION_COLUMNS = selectList(SUGGESTION, 's');
const COLLECTION_COLUMNS = selectList(COLLECTION, 'k');
const Name = z.string().trim().min(1, 'a name is required').max(200);
const ClaimIds = z.array(Id).max(100_000);

function getSuggestion(ctx: RepoBase, id: number): Suggestion {
  const row = ctx.sql.get<Omit<Suggestion, 'payload'> & { payload: string }>(`SELECT ${SUGGESTION_COLUMNS} FROM suggestion s WHERE id = ?`, [id]);
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
          ctx.sql.run('INSERT INTO suggestion (article_id, payload, state, created_at) VALUES (?, ?, ?, ?)', [articleId, json({ ...payload, articleId }), 'pending', at]);
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

    /** Accept (with the claim made from it) or reject a suggestion; back to pending undoes that. */
    setState: (id: number, state: SuggestionState, claimId?: number): Written<M, Suggestion> =>
      ctx.write(() => {
        const next = parseInput(SuggestionState, state, 'suggestion state');
        getSuggestion(ctx, id);
        if (claimId !== undefined) getClaim(ctx, claimId);
        const decidedAt = next === 'pending' ? null : ctx.now();
        ctx.sql.run('UPDATE suggestion SET state = ?, claim_id = ?, decided_at = ? WHERE id = ?', [next, next === 'accepted' ? claimId ?? null : null, decidedAt, id]);
        return getSuggestion(ctx, id);
      }),
  };
}

export function createSavedSearchRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  const columns = selectList(SAVED_SEARCH, 's');
  const toSaved = (r: Omit<SavedSearch, 'query'> & { query: string }): SavedSearch => ({ ...r, query: parseJson(r.query, {}) });
  return {
    list: (): SavedSearch[] => ctx.sql.all<Omit<SavedSearch, 'query'> & { query: string }>(`SELECT ${columns} FROM saved_search s ORDER BY name COLLATE NOCASE`).map(toSaved),

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
         (SELECT count(*) FROM collection_claim cc JOIN claim c ON c.id = cc.claim_id WHERE cc.collection_id = k.id AND c.deleted_at IS NULL) AS claimCount
       FROM collection k WHERE k.id = ?`,
      [id],
    );
    if (!row) throw notFound('Collection', id);
    return row;
  };
  return {
    list: (): Collection[] => ctx.sql.all<{ id: number }>('SELECT id FROM collection ORDER BY name COLLATE NOCASE').map((r) => get(r.id)),
    get,

    create: (name: string): Written<M, Collection> =>
      ctx.write(() => {
        const clean = parseInput(Name, name, 'collection name');
        if (ctx.sql.get('SELECT 1 FROM collection WHERE name = ?', [clean])) throw new AppError('CONFLICT', `A collection named "${clean}" already exists.`);
        ctx.sql.run('INSERT INTO collection (name, created_at) VALUES (?, ?)', [clean, ctx.now()]);
        return get(ctx.sql.lastId());
      }),

    add: (collectionId: number, claimIds: number[]): Written<M, Collection> =>
      ctx.write(() => {
        get(collectionId);
        const at = ctx.now();
        for (const claimId of parseInput(ClaimIds, claimIds, 'claim ids')) {
          getClaim(ctx, claimId);
          ctx.sql.run('INSERT OR IGNORE INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [collectionId, claimId, at]);
        }
        return get(collectionId);
      }),

    remove: (collectionId: number, claimIds: number[]): Written<M, Collection> =>
      ctx.write(() => {
        get(collectionId);
        for (const claimId of parseInput(ClaimIds, claimIds, 'claim ids')) {
          ctx.sql.run('DELETE FROM collection_claim WHERE collection_id = ? AND claim_id = ?', [collectionId, claimId]);
        }
        return get(collectionId);
      }),

    delete: (id: number): Written<M, void> =>
      ctx.write(() => {
        get(id);
        ctx.sql.run('DELETE FROM collection_claim WHERE collection_id = ?', [id]);
        ctx.sql.run('DELETE FROM collection WHERE id = ?', [id]);
      }),
  };
}
