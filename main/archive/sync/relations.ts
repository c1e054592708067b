// Links, evidence, collections and highlights as sync documents (docs/sync.md §2): the records that
// join claims to claims, to articles and into named sets, and the passages of an article kept as
// context. Built from and written to their tables by global id; a reference this archive does not
// have is left out (a collection's member) or refuses the document (a link's or evidence's claim or
// article, a highlight's article), as for claims. They can be removed (tombstones travel).
import type { RepoBase } from '../repos/context';
import type { CollectionBody, EvidenceBody, HighlightBody, LinkBody, RecordBody, SyncKind } from './documents';

export type RelationKind = 'link' | 'evidence' | 'collection' | 'highlight';
export type RelationBody = LinkBody | EvidenceBody | CollectionBody | HighlightBody;
export const RELATION_KINDS: readonly RelationKind[] = ['link', 'evidence', 'collection', 'highlight'];
export const isRelation = (kind: SyncKind): kind is RelationKind => (RELATION_KINDS as readonly string[]).includes(kind);
export const isRelationBody = (b: RecordBody): b is RelationBody => isRelation(b.type);

/** Global id ↔ local id, as the sync repo keeps them. */
export interface Ids {
  gidOf(kind: SyncKind, localId: number | null): string | null;
  localIdOf(gid: string): number | null;
}

/** The table holding each of these kinds of record (for giving them global ids). */
export const RELATION_TABLES: [RelationKind, string][] = [
  ['link', 'claim_link'],
  ['evidence', 'evidence'],
  ['collection', 'collection'],
  ['highlight', 'highlight'],
];

export function buildRelation(ctx: RepoBase, ids: Ids, kind: RelationKind, id: number): RelationBody | null {
  const sql = ctx.sql;
  if (kind === 'link') {
    const l = sql.get<{ from: number; to: number; type: LinkBody['linkType']; note: string; createdAt: string }>(
      'SELECT from_claim_id AS "from", to_claim_id AS "to", type, note, created_at AS createdAt FROM claim_link WHERE id = ?',
      [id],
    );
    const from = l && ids.gidOf('claim', l.from);
    const to = l && ids.gidOf('claim', l.to);
    if (!l || !from || !to) return null;
    return { type: 'link', v: 1, from, to, linkType: l.type, note: l.note, createdAt: l.createdAt };
  }
  if (kind === 'evidence') {
    const e = sql.get<{
      claim: number;
      article: number;
      quote: string;
      start: number | null;
      end: number | null;
      stance: EvidenceBody['stance'];
      note: string;
      createdAt: string;
    }>(
      `SELECT claim_id AS claim, article_id AS article, quote, start_offset AS start, end_offset AS "end", stance, note,
         created_at AS createdAt FROM evidence WHERE id = ?`,
      [id],
    );
    const claim = e && ids.gidOf('claim', e.claim);
    const article = e && ids.gidOf('article', e.article);
    if (!e || !claim || !article) return null;
    const { quote, start, end, stance, note, createdAt } = e;
    return { type: 'evidence', v: 1, claim, article, quote, start, end, stance, note, createdAt };
  }
  if (kind === 'highlight') {
    const h = sql.get<{
      article: number;
      start: number;
      end: number;
      quote: string;
      note: string;
      label: HighlightBody['label'];
      createdAt: string;
      updatedAt: string;
    }>(
      `SELECT article_id AS article, start_offset AS start, end_offset AS "end", quote, note, label, created_at AS createdAt,
         updated_at AS updatedAt FROM highlight WHERE id = ?`,
      [id],
    );
    const article = h && ids.gidOf('article', h.article);
    if (!h || !article) return null;
    const { start, end, quote, note, label, createdAt, updatedAt } = h;
    return { type: 'highlight', v: 1, article, start, end, quote, note, label, createdAt, updatedAt };
  }
  const k = sql.get<{ name: string; createdAt: string }>('SELECT name, created_at AS createdAt FROM collection WHERE id = ?', [id]);
  if (!k) return null;
  const members = sql
    .all<{ claim: number; addedAt: string }>(
      'SELECT claim_id AS claim, added_at AS addedAt FROM collection_claim WHERE collection_id = ?',
      [id],
    )
    .flatMap((m) => {
      const claim = ids.gidOf('claim', m.claim);
      return claim ? [{ claim, addedAt: m.addedAt }] : [];
    })
    .sort((x, y) => (x.claim < y.claim ? -1 : 1));
  const articles = sql
    .all<{ article: number; addedAt: string }>(
      'SELECT article_id AS article, added_at AS addedAt FROM collection_article WHERE collection_id = ?',
      [id],
    )
    .flatMap((m) => {
      const article = ids.gidOf('article', m.article);
      return article ? [{ article, addedAt: m.addedAt }] : [];
    })
    .sort((x, y) => (x.article < y.article ? -1 : 1));
  return { type: 'collection', v: 1, name: k.name, createdAt: k.createdAt, members, articles };
}

/**
 * The document a collection had before its articles travelled (schema 11): a collection without
 * articles whose digest was taken then is unchanged, not edited, after the upgrade.
 */
export function withoutArticles(b: RecordBody): RecordBody | null {
  if (b.type !== 'collection' || (b.articles && b.articles.length > 0)) return null;
  const { articles: _articles, ...rest } = b;
  return rest;
}

/** Writes a pulled link, evidence or collection; returns its local id. */
export function writeRelation(ctx: RepoBase, ids: Ids, id: number | null, b: RelationBody): number {
  const sql = ctx.sql;
  if (b.type === 'link') {
    const values = [ids.localIdOf(b.from), ids.localIdOf(b.to), b.linkType, b.note, b.createdAt];
    if (id !== null) {
      sql.run('UPDATE claim_link SET from_claim_id = ?, to_claim_id = ?, type = ?, note = ?, created_at = ? WHERE id = ?', [...values, id]);
      return id;
    }
    sql.run('INSERT INTO claim_link (from_claim_id, to_claim_id, type, note, created_at) VALUES (?, ?, ?, ?, ?)', values);
    return sql.lastId();
  }
  if (b.type === 'evidence') {
    const values = [ids.localIdOf(b.claim), ids.localIdOf(b.article), b.quote, b.start, b.end, b.stance, b.note, b.createdAt];
    if (id !== null) {
      sql.run(
        `UPDATE evidence SET claim_id = ?, article_id = ?, quote = ?, start_offset = ?, end_offset = ?, stance = ?, note = ?, created_at = ?
         WHERE id = ?`,
        [...values, id],
      );
      return id;
    }
    sql.run(
      'INSERT INTO evidence (claim_id, article_id, quote, start_offset, end_offset, stance, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      values,
    );
    return sql.lastId();
  }
  if (b.type === 'highlight') {
    const values = [ids.localIdOf(b.article), b.start, b.end, b.quote, b.note, b.label, b.createdAt, b.updatedAt];
    if (id !== null) {
      sql.run(
        `UPDATE highlight SET article_id = ?, start_offset = ?, end_offset = ?, quote = ?, note = ?, label = ?, created_at = ?,
           updated_at = ? WHERE id = ?`,
        [...values, id],
      );
      return id;
    }
    sql.run(
      'INSERT INTO highlight (article_id, start_offset, end_offset, quote, note, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      values,
    );
    return sql.lastId();
  }
  if (id === null) {
    sql.run('INSERT INTO collection (name, created_at) VALUES (?, ?)', [b.name, b.createdAt]);
    id = sql.lastId();
  } else {
    // A name another collection here already has (made on both devices under one name): that one keeps it.
    const taken = sql.get<{ id: number }>('SELECT id FROM collection WHERE name = ? AND id <> ?', [b.name, id]);
    if (!taken) sql.run('UPDATE collection SET name = ? WHERE id = ?', [b.name, id]);
  }
  sql.run('DELETE FROM collection_claim WHERE collection_id = ?', [id]);
  for (const m of b.members) {
    const claimId = ids.localIdOf(m.claim);
    if (claimId !== null)
      sql.run('INSERT OR IGNORE INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [id, claimId, m.addedAt]);
  }
  // Articles (schema 11): a document written before says nothing of them, and this collection keeps its own.
  if (b.articles !== undefined) {
    sql.run('DELETE FROM collection_article WHERE collection_id = ?', [id]);
    for (const m of b.articles) {
      const articleId = ids.localIdOf(m.article);
      if (articleId !== null)
        sql.run('INSERT OR IGNORE INTO collection_article (collection_id, article_id, added_at) VALUES (?, ?, ?)', [
          id,
          articleId,
          m.addedAt,
        ]);
    }
  }
  return id;
}

/** Removes a link, evidence, highlight or collection (with its members) that another device removed. */
export function removeRelation(ctx: RepoBase, kind: RelationKind, id: number): void {
  const sql = ctx.sql;
  if (kind === 'link') sql.run('DELETE FROM claim_link WHERE id = ?', [id]);
  else if (kind === 'highlight') sql.run('DELETE FROM highlight WHERE id = ?', [id]);
  else if (kind === 'evidence') sql.run('DELETE FROM evidence WHERE id = ?', [id]);
  else {
    sql.run('DELETE FROM collection_claim WHERE collection_id = ?', [id]);
    // Collections that hold articles too (a later schema version) let go of them first.
    if (sql.get("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'collection_article'"))
      sql.run('DELETE FROM collection_article WHERE collection_id = ?', [id]);
    sql.run('DELETE FROM collection WHERE id = ?', [id]);
  }
}

/** The local record a new document is the same as: the same link made on both devices, a collection of the same name. */
export function sameRelation(ctx: RepoBase, ids: Ids, b: RelationBody): number | null {
  if (b.type === 'link')
    return (
      ctx.sql.get<{ id: number }>('SELECT id FROM claim_link WHERE from_claim_id = ? AND to_claim_id = ? AND type = ?', [
        ids.localIdOf(b.from),
        ids.localIdOf(b.to),
        b.linkType,
      ])?.id ?? null
    );
  if (b.type === 'collection') return ctx.sql.get<{ id: number }>('SELECT id FROM collection WHERE name = ?', [b.name])?.id ?? null;
  return null;
}

/** The records a document needs before it can be applied, as `kind:gid`. */
export function relationNeeds(b: RelationBody): [SyncKind, string][] {
  if (b.type === 'link')
    return [
      ['claim', b.from],
      ['claim', b.to],
    ];
  if (b.type === 'evidence')
    return [
      ['claim', b.claim],
      ['article', b.article],
    ];
  if (b.type === 'highlight') return [['article', b.article]];
  return [
    ...b.members.map((m): [SyncKind, string] => ['claim', m.claim]),
    ...(b.articles ?? []).map((m): [SyncKind, string] => ['article', m.article]),
  ];
}
