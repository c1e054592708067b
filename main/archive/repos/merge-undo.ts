// Undoing an archive merge: removes exactly the rows the merge inserted (merge-log.ts), records it
// only matched ("already here") untouched, but for the notes and tags it gave an article already
// here, which are put back as they were. Only when none of them changed since and nothing else
// came to depend on them — an edited claim, a verdict set, evidence added, a merged article cited
// elsewhere: anything else would silently drop work done after the merge. Then CONFLICT names what
// changed and nothing is written. Runs inside one transaction (ctx.write).
import { AppError } from '../../../shared/errors';
import type { ArchiveMergeUndoResult } from '../../../shared/domain';
import { notFound, parseJson, type RepoBase } from './context';
import { COUNTED, TRACKED, fingerprint, noRecords, notesFingerprint, type LoggedKind, type TrackedKind } from './merge-log';

/**
 * The ids of one kind of record the merge (always parameter ?1) inserted. A tracked kind's row with a
 * key is not an insert: an article already here whose notes or tags the merge changed (merge-log.ts).
 */
const M = (kind: LoggedKind) =>
  `(SELECT row_id FROM archive_merge_row WHERE merge_id = ?1 AND kind = '${kind}'${kind in TRACKED ? " AND key = ''" : ''})`;
const logged = (kind: LoggedKind, match: string) =>
  `EXISTS (SELECT 1 FROM archive_merge_row r WHERE r.merge_id = ?1 AND r.kind = '${kind}' AND ${match})`;

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** A record as the user knows it: "claim 12 “Foreign troops…”". */
function label(ctx: RepoBase, kind: TrackedKind, id: number): string {
  const named: Partial<Record<string, [string, string]>> = {
    article: ['article', 'title'],
    claim: ['claim', 'statement'],
    entity: ['entity', 'name'],
    collection: ['collection', 'name'],
    saved_search: ['saved_search', 'name'],
  };
  const what = { saved_search: 'saved search', evidence: 'evidence item', history: 'history entry' }[kind as string] ?? kind;
  const [table, column] = named[kind] ?? [];
  const name = table ? ctx.sql.get<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE id = ?`, [id])?.v : undefined;
  return name === undefined ? `${what} ${id}` : `${what} ${id} “${short(name)}”`;
}

/** What stands in the way, grouped by record: "claim 12 “…”" -> ["edited since the merge", "verdict changed"]. */
class Problems {
  readonly byRecord = new Map<string, Set<string>>();
  constructor(readonly ctx: RepoBase) {}

  add(kind: TrackedKind, id: number, what: string): void {
    const key = label(this.ctx, kind, id);
    this.byRecord.set(key, (this.byRecord.get(key) ?? new Set()).add(what));
  }

  message(source: string): string {
    const items = [...this.byRecord].map(([record, whats]) => `${record}: ${[...whats].join(', ')}`);
    const shown = items.slice(0, 6).join('; ');
    const more = items.length > 6 ? `; and ${items.length - 6} more` : '';
    return `Cannot undo the merge of ${source}: what it added was changed or used since. ${shown}${more}. Nothing was removed.`;
  }
}

/** Records the merge inserted that are not as it left them, or are gone. */
function changedRecords(p: Problems, mergeId: number): void {
  for (const kind of Object.keys(TRACKED) as TrackedKind[]) {
    const rows = p.ctx.sql.all<{ id: number; print: string | null }>(
      "SELECT row_id AS id, fingerprint AS print FROM archive_merge_row WHERE merge_id = ? AND kind = ? AND key = ''",
      [mergeId, kind],
    );
    for (const r of rows) {
      const now = fingerprint(p.ctx, kind, r.id);
      if (now !== r.print) p.add(kind, r.id, now === null ? 'removed since the merge' : 'edited since the merge');
    }
  }
  const gone = (sql: string) => p.ctx.sql.all<{ a: number; b: number; key: string }>(sql, [mergeId]);
  for (const r of gone(`SELECT row_id AS a, other_id AS b, key FROM archive_merge_row r WHERE merge_id = ?1 AND kind = 'name'
      AND NOT EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = r.row_id AND n.norm = r.key)`)) {
    p.add('entity', r.a, `its name “${r.key}” was removed or moved to another entity`);
  }
  for (const r of gone(`SELECT row_id AS a, other_id AS b, key FROM archive_merge_row r WHERE merge_id = ?1 AND kind = 'claim_entity'
      AND NOT EXISTS (SELECT 1 FROM claim_entity ce WHERE ce.claim_id = r.row_id AND ce.entity_id = r.other_id AND ce.role = r.key)`)) {
    p.add('claim', r.a, `entity ${r.b} (${r.key}) was unlinked`);
  }
  for (const r of gone(`SELECT row_id AS a, other_id AS b, key FROM archive_merge_row r WHERE merge_id = ?1 AND kind = 'membership' AND key = ''
      AND NOT EXISTS (SELECT 1 FROM collection_claim cc WHERE cc.collection_id = r.row_id AND cc.claim_id = r.other_id)`)) {
    p.add('collection', r.a, `claim ${r.b} was taken out of it`);
  }
  for (const r of gone(`SELECT row_id AS a, other_id AS b, key FROM archive_merge_row r WHERE merge_id = ?1 AND kind = 'membership' AND key = 'article'
      AND NOT EXISTS (SELECT 1 FROM collection_article ca WHERE ca.collection_id = r.row_id AND ca.article_id = r.other_id)`)) {
    p.add('collection', r.a, `article ${r.b} was taken out of it`);
  }
}

/** A highlight the merge added (logged with its article and update time) edited or deleted since. */
function changedHighlights(p: Problems, mergeId: number): void {
  const rows = p.ctx.sql.all<{ id: number; article: number }>(
    `SELECT row_id AS id, other_id AS article FROM archive_merge_row r WHERE merge_id = ?1 AND kind = 'highlight'
     AND NOT EXISTS (SELECT 1 FROM highlight h WHERE h.id = r.row_id AND h.updated_at = r.key)`,
    [mergeId],
  );
  for (const r of rows) p.add('article', r.article, `its highlight ${r.id} was edited or removed since the merge`);
  const later = p.ctx.sql.all<{ id: number; article: number }>(
    `SELECT id, article_id AS article FROM highlight WHERE article_id IN ${M('article')} AND id NOT IN ${M('highlight')}`,
    [mergeId],
  );
  for (const r of later) p.add('article', r.article, `a passage of it was highlighted (highlight ${r.id})`);
}

/** The articles already here whose notes or tags the merge changed: as they were before it (the row's key). */
function notesBefore(ctx: RepoBase, mergeId: number) {
  return ctx.sql
    .all<{ id: number; before: string; print: string | null }>(
      "SELECT row_id AS id, key AS before, fingerprint AS print FROM archive_merge_row WHERE merge_id = ? AND kind = 'article' AND key <> ''",
      [mergeId],
    )
    .map((r) => ({ ...r, before: parseJson<{ notes: string; tags: string[] }>(r.before, { notes: '', tags: [] }) }));
}

/** Such an article's notes or tags edited since: putting the old ones back would lose that edit. */
function changedNotes(p: Problems, mergeId: number): void {
  for (const r of notesBefore(p.ctx, mergeId)) {
    const now = notesFingerprint(p.ctx, r.id);
    if (now !== null && now !== r.print) p.add('article', r.id, 'its notes or tags were edited since the merge');
  }
}

/** A claim's history rows since the merge, in words; other fields read "its <field> was edited". */
const HISTORY_PHRASES: Record<string, string> = {
  verdict: 'a verdict was set',
  status: 'its status changed',
  evidence: 'evidence was added',
  link: 'a link was added or removed',
  entity: 'its entities changed',
  deleted: 'it was deleted',
  restored: 'it was restored',
};

/** Rows the merge did not insert that refer to records it did: undoing would leave them dangling. */
function laterUses(p: Problems, mergeId: number): void {
  const rows = (sql: string) => p.ctx.sql.all<{ id: number; ref: number; extra: string | number | null }>(sql, [mergeId]);
  for (const r of rows(
    `SELECT id, article_id AS ref, NULL AS extra FROM claim WHERE article_id IN ${M('article')} AND id NOT IN ${M('claim')}`,
  ))
    p.add('article', r.ref, `claim ${r.id} was made on it`);
  for (const r of rows(
    `SELECT id, duplicate_of AS ref, NULL AS extra FROM article WHERE duplicate_of IN ${M('article')} AND id NOT IN ${M('article')}`,
  ))
    p.add('article', r.ref, `article ${r.id} is a copy of it`);
  for (const r of rows(`SELECT id, article_id AS ref, NULL AS extra FROM suggestion WHERE article_id IN ${M('article')}`))
    p.add('article', r.ref, 'claims were suggested from it');
  for (const r of rows(`SELECT id, claim_id AS ref, NULL AS extra FROM suggestion WHERE claim_id IN ${M('claim')}`))
    p.add('claim', r.ref, 'a suggestion was accepted as it');
  for (const r of rows(
    `SELECT id, claim_id AS ref, NULL AS extra FROM evidence WHERE claim_id IN ${M('claim')} AND id NOT IN ${M('evidence')}`,
  ))
    p.add('claim', r.ref, 'evidence was added');
  for (const r of rows(
    `SELECT id, article_id AS ref, claim_id AS extra FROM evidence WHERE article_id IN ${M('article')} AND id NOT IN ${M('evidence')}`,
  ))
    p.add('article', r.ref, `it is cited as evidence for claim ${r.extra}`);
  for (const r of rows(`SELECT id, from_claim_id AS ref, to_claim_id AS extra FROM claim_link WHERE id NOT IN ${M('link')}
      AND (from_claim_id IN ${M('claim')} OR to_claim_id IN ${M('claim')})`)) {
    p.add('claim', r.ref, `linked to claim ${r.extra}`);
  }
  for (const r of rows(
    `SELECT id, claim_id AS ref, field AS extra FROM history WHERE claim_id IN ${M('claim')} AND id NOT IN ${M('history')}`,
  ))
    p.add('claim', r.ref, HISTORY_PHRASES[r.extra ?? ''] ?? `its ${r.extra} was edited`);
  for (const r of rows(`SELECT claim_id AS id, entity_id AS ref, NULL AS extra FROM claim_entity ce
      WHERE (entity_id IN ${M('entity')} OR claim_id IN ${M('claim')})
      AND NOT ${logged('claim_entity', 'r.row_id = ce.claim_id AND r.other_id = ce.entity_id AND r.key = ce.role')}`)) {
    p.add('entity', r.ref, `linked to claim ${r.id}`);
  }
  for (const r of rows(`SELECT id, merged_into AS ref, NULL AS extra FROM entity WHERE merged_into IN ${M('entity')}`))
    p.add('entity', r.ref, `entity ${r.id} was merged into it`);
  for (const r of rows(`SELECT entity_id AS id, entity_id AS ref, name AS extra FROM entity_name n
      WHERE entity_id IN ${M('entity')} AND NOT ${logged('name', 'r.row_id = n.entity_id AND r.key = n.norm')}`)) {
    p.add('entity', r.ref, `it gained the name “${r.extra}”`);
  }
  for (const r of rows(`SELECT claim_id AS id, collection_id AS ref, collection_id IN ${M('collection')} AS extra FROM collection_claim cc
      WHERE (collection_id IN ${M('collection')} OR claim_id IN ${M('claim')})
      AND NOT ${logged('membership', "r.row_id = cc.collection_id AND r.other_id = cc.claim_id AND r.key = ''")}`)) {
    if (r.extra) p.add('collection', r.ref, `claim ${r.id} was added to it`);
    else p.add('claim', r.id, `it was added to collection ${r.ref}`);
  }
  for (const r of rows(`SELECT article_id AS id, collection_id AS ref, collection_id IN ${M('collection')} AS extra FROM collection_article ca
      WHERE (collection_id IN ${M('collection')} OR article_id IN ${M('article')})
      AND NOT ${logged('membership', "r.row_id = ca.collection_id AND r.other_id = ca.article_id AND r.key = 'article'")}`)) {
    if (r.extra) p.add('collection', r.ref, `article ${r.id} was added to it`);
    else p.add('article', r.id, `it was added to collection ${r.ref}`);
  }
  savedSearchUses(p, mergeId);
}

/** Saved searches made since that search within a merged entity, article or collection. */
function savedSearchUses(p: Problems, mergeId: number): void {
  const ids = (kind: LoggedKind) =>
    new Set(
      p.ctx.sql
        .all<{ id: number }>("SELECT row_id AS id FROM archive_merge_row WHERE merge_id = ? AND kind = ? AND key = ''", [mergeId, kind])
        .map((r) => r.id),
    );
  const refs = [
    ['entityId', 'entity', ids('entity')],
    ['articleId', 'article', ids('article')],
    ['collectionId', 'collection', ids('collection')],
  ] as const;
  const searches = p.ctx.sql.all<{ id: number; name: string; query: string }>(
    `SELECT id, name, query FROM saved_search WHERE id NOT IN ${M('saved_search')}`,
    [mergeId],
  );
  for (const s of searches) {
    const query = parseJson<Record<string, unknown>>(s.query, {});
    for (const [key, kind, merged] of refs) {
      const id = query[key];
      if (typeof id === 'number' && merged.has(id)) p.add(kind, id, `the saved search “${s.name}” looks in it`);
    }
  }
}

/** Deletes in an order the foreign keys accept: what refers to a record goes before it. */
const REMOVALS: string[] = [
  `DELETE FROM history WHERE id IN ${M('history')}`,
  `DELETE FROM highlight WHERE id IN ${M('highlight')}`,
  `DELETE FROM collection_claim WHERE (collection_id, claim_id) IN (SELECT row_id, other_id FROM archive_merge_row WHERE merge_id = ?1 AND kind = 'membership' AND key = '')`,
  `DELETE FROM collection_article WHERE (collection_id, article_id) IN (SELECT row_id, other_id FROM archive_merge_row WHERE merge_id = ?1 AND kind = 'membership' AND key = 'article')`,
  `DELETE FROM claim_entity WHERE (claim_id, entity_id, role) IN (SELECT row_id, other_id, key FROM archive_merge_row WHERE merge_id = ?1 AND kind = 'claim_entity')`,
  `DELETE FROM claim_tag WHERE claim_id IN ${M('claim')}`,
  `DELETE FROM evidence WHERE id IN ${M('evidence')}`,
  `DELETE FROM claim_link WHERE id IN ${M('link')}`,
  `DELETE FROM claim WHERE id IN ${M('claim')}`,
  `DELETE FROM entity_name WHERE (entity_id, norm) IN (SELECT row_id, key FROM archive_merge_row WHERE merge_id = ?1 AND kind = 'name')`,
  `DELETE FROM entity WHERE id IN ${M('entity')}`,
  `DELETE FROM collection WHERE id IN ${M('collection')}`,
  `DELETE FROM saved_search WHERE id IN ${M('saved_search')}`,
  `DELETE FROM article WHERE id IN ${M('article')}`,
];

/** Removes what merge `mergeId` added (see the top of this file). Call inside ctx.write. */
export function undoMergeSync(ctx: RepoBase, mergeId: number): ArchiveMergeUndoResult {
  const merge = ctx.sql.get<{ source: string | null; undoneAt: string | null }>(
    'SELECT source, undone_at AS undoneAt FROM archive_merge WHERE id = ?',
    [mergeId],
  );
  if (!merge) throw notFound('Archive merge', mergeId);
  const source = merge.source ?? `archive merge ${mergeId}`;
  if (merge.undoneAt) throw new AppError('CONFLICT', `The merge of ${source} was already undone (${merge.undoneAt}).`);
  const problems = new Problems(ctx);
  changedRecords(problems, mergeId);
  laterUses(problems, mergeId);
  changedHighlights(problems, mergeId);
  changedNotes(problems, mergeId);
  if (problems.byRecord.size) throw new AppError('CONFLICT', problems.message(source));

  const removed = noRecords();
  const counts = ctx.sql.all<{ kind: string; n: number }>(
    "SELECT kind, count(*) AS n FROM archive_merge_row WHERE merge_id = ? AND key = '' GROUP BY kind",
    [mergeId],
  );
  for (const { kind, n } of counts) if (kind in COUNTED) removed[COUNTED[kind as TrackedKind]] = n;
  for (const { id, before } of notesBefore(ctx, mergeId)) {
    ctx.sql.run('UPDATE article SET notes = ?, tags = ? WHERE id = ?', [before.notes, JSON.stringify(before.tags), id]);
  }
  for (const sql of REMOVALS) ctx.sql.run(sql, [mergeId]);
  ctx.sql.run('DELETE FROM archive_merge_row WHERE merge_id = ?', [mergeId]);
  ctx.sql.run('UPDATE archive_merge SET undone_at = ? WHERE id = ?', [ctx.now(), mergeId]);
  return { mergeId, source: merge.source, removed };
}
