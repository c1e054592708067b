// Selecting an article's text by sentence from the keyboard, in the reader: Alt+→ / Alt+← select the
// next / previous sentence, Shift+Alt+→ / Shift+Alt+← move the selection's end a sentence. A selection
// is a run of whole sentences between an anchor and a moving end, as Shift+arrows move the end of a
// text selection; a selection made with the mouse is first rounded out to whole sentences.

import type { TextSpan } from '../../shared/domain';

/** A run of sentences: `anchor` stays put, `focus` moves; either may come first. */
export interface SentenceRun {
  anchor: number;
  focus: number;
}

/** The sentence holding `offset`, or the first one after it (the last one past the end); -1 when there are none. */
export function sentenceAt(sentences: readonly TextSpan[], offset: number): number {
  if (sentences.length === 0) return -1;
  const i = sentences.findIndex((s) => offset < s.end);
  return i === -1 ? sentences.length - 1 : i;
}

/** The text span a run covers. */
export function spanOfRun(sentences: readonly TextSpan[], run: SentenceRun): TextSpan {
  const [first, last] = run.anchor <= run.focus ? [run.anchor, run.focus] : [run.focus, run.anchor];
  return { start: sentences[first].start, end: sentences[last].end };
}

/**
 * The run after one more step in `dir` (+1: the end moves to the next sentence, -1: to the previous).
 * `run` is the keyboard's own run if the selection on screen is still exactly it; else `selected` (a
 * mouse selection) is rounded out to whole sentences, counting as the step when that changed it;
 * with nothing selected, the sentence at `from` (the caret, or the passage last shown) is selected.
 */
export function stepRun(
  sentences: readonly TextSpan[],
  dir: 1 | -1,
  state: { run: SentenceRun | null; selected: TextSpan | null; from: number },
): SentenceRun | null {
  if (sentences.length === 0) return null;
  const { run, selected, from } = state;
  const last = sentences.length - 1;
  const move = (r: SentenceRun): SentenceRun => ({ anchor: r.anchor, focus: Math.min(last, Math.max(0, r.focus + dir)) });
  if (selected) {
    const own = run && sameSpan(spanOfRun(sentences, run), selected) ? run : null;
    if (own) return move(own);
    const first = sentenceAt(sentences, selected.start);
    const end = sentenceAt(sentences, selected.end - 1);
    // Rounded out, the anchor is the end opposite to the direction of travel.
    const rounded = dir === 1 ? { anchor: first, focus: end } : { anchor: end, focus: first };
    return sameSpan(spanOfRun(sentences, rounded), selected) ? move(rounded) : rounded;
  }
  const at = sentenceAt(sentences, from);
  return { anchor: at, focus: at };
}

/**
 * The one sentence after the selection (+1) or before it (-1); with nothing selected, the sentence at
 * `from`. State as for stepRun.
 */
export function moveRun(
  sentences: readonly TextSpan[],
  dir: 1 | -1,
  state: { run: SentenceRun | null; selected: TextSpan | null; from: number },
): SentenceRun | null {
  if (sentences.length === 0) return null;
  const { run, selected, from } = state;
  if (!selected) {
    const at = sentenceAt(sentences, from);
    return { anchor: at, focus: at };
  }
  const own = run && sameSpan(spanOfRun(sentences, run), selected) ? run : null;
  const [first, last] = own
    ? [Math.min(own.anchor, own.focus), Math.max(own.anchor, own.focus)]
    : [sentenceAt(sentences, selected.start), sentenceAt(sentences, selected.end - 1)];
  const at = Math.min(sentences.length - 1, Math.max(0, dir === 1 ? last + 1 : first - 1));
  return { anchor: at, focus: at };
}

function sameSpan(a: TextSpan, b: TextSpan): boolean {
  return a.start === b.start && a.end === b.end;
}
