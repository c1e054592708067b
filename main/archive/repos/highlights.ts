// Highlights: passages of an article kept as context (not claims), with a note and a label. The
// passage is read from the article's text at the offsets given, so it is always the source's words.
import { AppError } from '../../../shared/errors';
import { MAX_QUOTE_CHARS } from '../../../shared/limits';
import { DeletedHighlight, HighlightPatch, NewHighlight, type Highlight } from '../../../shared/domain';
import { notFound, parseInput, type RepoBase, type RepoContext, type WriteMode, type Written } from './context';
import { getArticle } from './articles';
import { HIGHLIGHT, carriedColumns, insertSql, newRecordColumns, rowValues, selectList } from '../schema';

const COLUMNS = selectList(HIGHLIGHT, 'h');
const NEW = newRecordColumns(HIGHLIGHT);
const INSERT = insertSql(HIGHLIGHT, NEW);
const ALL = carriedColumns(HIGHLIGHT);
const INSERT_WITH_ID = insertSql(HIGHLIGHT, ALL);

export function getHighlight(ctx: RepoBase, id: number): Highlight {
  const row = ctx.sql.get<Highlight>(`SELECT ${COLUMNS} FROM highlight h WHERE h.id = ?`, [id]);
  if (!row) throw notFound('Highlight', id);
  return row;
}

/**
 * The passage at start–end of the article's text; refuses an empty span, one outside the text, one
 * longer than a quote may be, and (when given) a quote that is not what the text reads there.
 */
export function highlightPassage(
  ctx: RepoBase,
  h: { articleId: number; start: number; end: number; quote?: string },
  includeDeleted = false,
): string {
  const text = getArticle(ctx, h.articleId, includeDeleted).text;
  if (h.end <= h.start)
    throw new AppError('INVALID_ARGUMENT', `A highlight needs a passage: it ends (${h.end}) where or before it starts (${h.start}).`);
  if (h.end > text.length)
    throw new AppError(
      'INVALID_ARGUMENT',
      `The highlight ${h.start}–${h.end} lies beyond the article text (${text.length.toLocaleString('en-US')} characters).`,
    );
  if (h.end - h.start > MAX_QUOTE_CHARS)
    throw new AppError(
      'INVALID_ARGUMENT',
      `A highlight is at most ${MAX_QUOTE_CHARS.toLocaleString('en-US')} characters; this passage has ${(h.end - h.start).toLocaleString('en-US')}.`,
    );
  const passage = text.slice(h.start, h.end);
  if (h.quote !== undefined && h.quote !== passage)
    throw new AppError(
      'INVALID_ARGUMENT',
      `The highlight's passage does not match the article text at ${h.start}–${h.end} (the text there reads "${passage.slice(0, 80)}").`,
    );
  return passage;
}

/** A highlight as given (restore, merge, undo of a delete), checked against its article's text. */
export function insertHighlightRow(ctx: RepoBase, h: Highlight, id: number | null, includeDeleted = true): number {
  highlightPassage(ctx, h, includeDeleted);
  ctx.sql.run(INSERT_WITH_ID, rowValues(HIGHLIGHT, ALL, { ...h, id }));
  return ctx.sql.lastId();
}

export function createHighlightRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    /** An article's highlights in reading order. */
    forArticle: (articleId: number): Highlight[] =>
      ctx.sql.all<Highlight>(`SELECT ${COLUMNS} FROM highlight h WHERE h.article_id = ? ORDER BY h.start_offset, h.end_offset, h.id`, [
        articleId,
      ]),

    get: (id: number): Highlight => getHighlight(ctx, id),

    add: (input: NewHighlight): Written<M, Highlight> =>
      ctx.write(() => {
        const h = parseInput(NewHighlight, input, 'highlight');
        const quote = highlightPassage(ctx, h);
        const at = ctx.now();
        ctx.sql.run(INSERT, rowValues(HIGHLIGHT, NEW, { ...h, quote, createdAt: at, updatedAt: at }));
        return getHighlight(ctx, ctx.sql.lastId());
      }),

    update: (id: number, patch: HighlightPatch): Written<M, Highlight> =>
      ctx.write(() => {
        const p = parseInput(HighlightPatch, patch, 'highlight change');
        const h = getHighlight(ctx, id);
        const next = { note: p.note ?? h.note, label: p.label === undefined ? h.label : p.label };
        if (next.note === h.note && next.label === h.label) return h;
        ctx.sql.run('UPDATE highlight SET note = ?, label = ?, updated_at = ? WHERE id = ?', [next.note, next.label, ctx.now(), id]);
        return getHighlight(ctx, id);
      }),

    /** Deletes a highlight and returns it as it was, for restore (undo). */
    remove: (id: number): Written<M, Highlight> =>
      ctx.write(() => {
        const h = getHighlight(ctx, id);
        ctx.sql.run('DELETE FROM highlight WHERE id = ?', [id]);
        return h;
      }),

    /** Undo of remove: the same highlight (id, passage, note, times) again, on its live article. */
    restore: (deleted: Highlight): Written<M, Highlight> =>
      ctx.write(() => {
        const h = parseInput(DeletedHighlight, deleted, 'highlight');
        if (ctx.sql.get('SELECT 1 FROM highlight WHERE id = ?', [h.id]))
          throw new AppError('CONFLICT', `Highlight ${h.id} is already there.`);
        insertHighlightRow(ctx, h, h.id, false);
        return getHighlight(ctx, h.id);
      }),
  };
}
