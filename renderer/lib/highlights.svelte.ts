// Highlights in the reader (#19): passages kept as context, not claims. One query per article
// (refetched on main's 'highlight' changes) and the undoable edits the reader runs.
import type { Highlight, HighlightLabel, NewHighlight } from '../../shared/domain';
import { call } from './api';
import { Query } from './query.svelte';
import type { UndoableEdit } from './undo.svelte';

export function highlightsQuery(articleId: () => number): Query<number, Highlight[]> {
  return new Query({ key: articleId, fetch: (id) => call('highlights.list', id), on: ['highlight'] });
}

/** The span of `text` from start to end without the white space at either end (a sentence selection ends in a space). */
export function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** Keeps a passage; undo deletes it, redo puts the same one back (same id). */
export function keepHighlight(input: NewHighlight, onMade?: (h: Highlight) => void): UndoableEdit {
  let made: Highlight | null = null;
  return {
    label: 'Highlight passage',
    do: async () => {
      made = made ? await call('highlights.restore', made) : await call('highlights.create', input);
      onMade?.(made);
    },
    undo: async () => void (made && (await call('highlights.delete', made.id))),
  };
}

/** Changes a highlight's note and label; undo writes back the ones before. */
export function setHighlightDetails(h: Highlight, next: { note: string; label: HighlightLabel | null }): UndoableEdit {
  return {
    label: next.note ? `Note on highlight “${short(h.quote)}”` : `Edit highlight “${short(h.quote)}”`,
    do: async () => void (await call('highlights.update', h.id, next)),
    undo: async () => void (await call('highlights.update', h.id, { note: h.note, label: h.label })),
  };
}

/** Deletes a highlight; undo puts the same one back (id, note, times). */
export function deleteHighlight(h: Highlight): UndoableEdit {
  let deleted: Highlight = h;
  return {
    label: `Delete highlight “${short(h.quote)}”`,
    do: async () => void (deleted = await call('highlights.delete', h.id)),
    undo: async () => void (await call('highlights.restore', deleted)),
  };
}
