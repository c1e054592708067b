// Is a statement faithful to its quote? The rule a proposed statement must meet, and what the claim
// editor uses to warn when a researcher's own wording drifts from the source. No imports: main and
// the renderer both use it.
//
// THE RULE. Compare words (whitespace-separated tokens) after turning quote marks ("“”«»„, and ‘’'
// at a word's edges) into spaces. Square brackets standing apart from a word are editorial insertions:
// "[…]" marks removed words, "[Name]" stands for up to MAX_REPLACED words it replaces (a resolved
// pronoun: "he" → "[Kim Jong Gyu]"); brackets inside a word ("[T]he") are the source's own text.
// The statement's words must be the quote's words as runs, in order, none overlapping:
//   1. within a run the words are the quote's, word for word; the only changes allowed are the case of
//      a run's first letter and the punctuation after a run's last word (so "…law," may end as "…law.");
//   2. every stretch of the quote left out (before the first run, between runs, after the last) is
//      either marked at that place by an insertion, or is attribution frame: it contains a reporting cue
//      ("said", "told", "according to", "reported"…; FRAME_CUE) and is at most MAX_FRAME words. A lead-in
//      ("Were it to exist, …") or a tail dropped without a cue is an alteration and needs its "[…]";
//   3. a "[Name]" insertion replaces at most MAX_REPLACED words.
// Joining two clauses across an unmarked, non-frame gap ("South Korea, which it views as a bulwark
// against North Korea, China and Russia" → "South Korea, China and Russia") breaks rule 2.
//
// DRIFT is the share of the statement's own words (outside brackets) that are not in the quote in the
// same order (1 - longest common subsequence / statement words): 0 for a faithful statement, 1 for
// one written entirely in other words.

export interface Faithfulness {
  faithful: boolean;
  problems: string[];
  /** Share of the statement's words not found in the quote in order, 0..1. */
  drift: number;
}

/** Drift at or above which the claim editor shows its note. */
export const DRIFT_WARNING = 0.3;
const MAX_FRAME = 30;
const MAX_REPLACED = 4;
const FRAME_CUE =
  /^(?:says?|said|saying|tells?|told|telling|according|reported|reports|reporting|added|adds|adding|stated|states|wrote|writes|announced|announces|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|explained|explains|tweeted|posted|declared|confirmed|confirms|denied|denies|believes|thinks|estimated|predicted|suggested|suggests|replied|responded|stressed|vowed|pledged|promised|alleged|asserted|acknowledged|admitted|maintained|revealed|accused|accuses|accusing|dismissed|rejected|slammed|criticised|criticized|condemned|blamed|urged|urges|calling|called|calls|praised|hailed|pointed|showed|shows|indicated)$/i;
const QUOTE_MARKS = /["“”«»„]/g;
const EDGE_QUOTES = /^[‘’']+|[‘’']+$/g;
const TRAILING_PUNCT = /[.,;:!?…—–-]+$/;
const INSERTION = /((?<![\p{L}\p{N}])\[[^\]]*\](?![\p{L}\p{N}]))/u;
const ELLIPSIS = /^\[(?:…|\.\.\.)\]$/;

interface Word {
  text: string;
  /** The insertion just before this word ("[…]", "[Kim]"), or null. */
  mark: string | null;
}

const words = (s: string): string[] =>
  s
    .replace(QUOTE_MARKS, ' ')
    .split(/\s+/)
    .map((w) => w.replace(EDGE_QUOTES, ''))
    .filter((w) => w && !/^[.,;:!?…]+$/.test(w));

/** The statement's own words, each with the insertion before it, and an insertion at its very end. */
function statementWords(statement: string): { own: Word[]; tailMark: string | null } {
  const own: Word[] = [];
  let mark: string | null = null;
  for (const part of statement.split(INSERTION)) {
    if (INSERTION.test(part) && /^\[.*\]$/.test(part)) {
      mark = part;
      continue;
    }
    for (const text of words(part)) {
      own.push({ text, mark });
      mark = null;
    }
  }
  return { own, tailMark: mark };
}

const bare = (w: string) => w.replace(TRAILING_PUNCT, '');
const foldFirst = (w: string) => w.charAt(0).toLowerCase() + w.slice(1);

/** 'exact', 'end' (equal but for trailing punctuation: the run must end here) or null. */
function compare(own: string, source: string, runStart: boolean): 'exact' | 'end' | null {
  const [a, b] = runStart ? [foldFirst(own), foldFirst(source)] : [own, source];
  if (a === b) return 'exact';
  return bare(a) === bare(b) ? 'end' : null;
}

const isFrame = (gap: string[]) => gap.length <= MAX_FRAME && gap.some((w) => FRAME_CUE.test(bare(w).replace(EDGE_QUOTES, '')));

/** Why a stretch of the quote may not be left out where it is, or null when it may. */
function gapProblem(gap: string[], mark: string | null): string | null {
  if (!gap.length || (mark && ELLIPSIS.test(mark)) || isFrame(gap)) return null;
  if (mark) return gap.length <= MAX_REPLACED ? null : `"${mark}" replaces ${gap.length} words: "${gap.join(' ')}"`;
  return `words left out without "[…]": "${gap.join(' ')}"`;
}

/**
 * Aligns the statement's words with the quote: word i may start after a left-out stretch of the quote
 * only where that stretch is permitted. Memoised over (word, position, must-break).
 */
function align(q: string[], own: Word[], tailMark: string | null): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number, mustBreak: boolean): boolean => {
    if (i === own.length) return !gapProblem(q.slice(j), tailMark);
    const key = (i * (q.length + 1) + j) * 2 + (mustBreak ? 1 : 0);
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok = false;
    const limit = own[i].mark && ELLIPSIS.test(own[i].mark!) ? q.length : Math.min(q.length, j + MAX_FRAME + 1);
    for (let k = j; k < limit && !ok; k++) {
      if (k === j && mustBreak && !own[i].mark) continue;
      if (k > j && gapProblem(q.slice(j, k), own[i].mark)) continue;
      const match = compare(own[i].text, q[k], i === 0 || k > j || own[i].mark !== null);
      ok = match !== null && go(i + 1, k + 1, match === 'end');
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0, false);
}

/** Longest common subsequence length of two word lists (case-insensitive, punctuation-blind). */
function lcs(a: string[], b: string[]): number {
  const key = (w: string) => bare(w).toLowerCase();
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) row[j + 1] = key(x) === key(b[j]) ? prev[j] + 1 : Math.max(prev[j + 1], row[j]);
    prev = row;
  }
  return prev[b.length];
}

/** A statement's first word-for-word departure from the quote, to tell the researcher what is wrong. */
function describe(q: string[], own: Word[]): string {
  const missing = own.find((w) => !q.some((x) => bare(foldFirst(x)) === bare(foldFirst(w.text))));
  if (missing) return `"${missing.text}" is not in the quote; put your own words in [brackets]`;
  return 'the statement leaves out or reorders words of the quote without marking it with "[…]"';
}

export function faithfulness(quote: string, statement: string): Faithfulness {
  const q = words(quote);
  const { own, tailMark } = statementWords(statement);
  if (!own.length) return { faithful: false, problems: ['the statement has no words of the quote'], drift: 1 };
  const drift = 1 - lcs(own.map((w) => w.text), q) / own.length;
  if (align(q, own, tailMark)) return { faithful: true, problems: [], drift };
  return { faithful: false, problems: [describe(q, own)], drift: Math.max(drift, 0.01) };
}
