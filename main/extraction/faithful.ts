// Is a statement faithful to its quote? The rule a proposed statement must meet, and what the claim
// editor uses to warn when a researcher's own wording drifts from the source. Its only import is data
// (the reporting words of languages/*.ts): main and the renderer both use it.
//
// THE RULE. Compare words (whitespace-separated tokens) after turning quote marks ("“”«»„‹›‚, and ‘’'
// and dialogue dashes —– at a word's edges) into spaces. Square brackets standing apart from a word are editorial insertions:
// "[…]" marks removed words, "[Name]" stands for up to MAX_REPLACED words it replaces (a resolved
// pronoun: "he" → "[Kim Jong Gyu]"); brackets inside a word ("[T]he") or that the quote itself has
// are the source's own text.
// The statement's words must be the quote's words as runs, in order, none overlapping:
//   1. within a run the words are the quote's, word for word; the only changes allowed are the case of
//      a run's first letter and the punctuation after a run's last word (so "…law," may end as "…law.");
//   2. every stretch of the quote left out (before the first run, between runs, after the last) is
//      either marked at that place by an insertion, or is attribution frame: it contains a reporting cue
//      ("said", "told", "according to", "reported"…; FRAME_CUE, or a language's: "a déclaré", "sagte",
//      "по словам"…; FRAME_WORDS) and is at most MAX_FRAME words. A lead-in
//      ("Were it to exist, …") or a tail dropped without a cue is an alteration and needs its "[…]";
//   3. a "[Name]" insertion replaces at most MAX_REPLACED words.
// Joining two clauses across an unmarked, non-frame gap ("South Korea, which it views as a bulwark
// against North Korea, China and Russia" → "South Korea, China and Russia") breaks rule 2.
//
// DRIFT is the share of the statement's own words (outside brackets) that are not in the quote in the
// same order (1 - longest common subsequence / statement words): 0 for a faithful statement, 1 for
// one written entirely in other words (for very long texts: the share not in the quote at all).

import { FRAME_WORDS } from './languages/cues';
import type { Faithfulness } from '../../shared/domain/claims';

export type { Faithfulness } from '../../shared/domain/claims';
export { DRIFT_WARNING } from '../../shared/limits';

const MAX_FRAME = 30;
const MAX_REPLACED = 4;
const ALIGN_BUDGET = 200_000;
const MAX_LCS_CELLS = 1_000_000;
const FRAME_CUE =
  /^(?:says?|said|saying|tells?|told|telling|according|reported|reports|reporting|added|adds|adding|stated|states|wrote|writes|announced|announces|claimed|claims|insisted|insists|warned|warns|argued|argues|noted|notes|explained|explains|tweeted|posted|declared|confirmed|confirms|denied|denies|believes|thinks|estimated|predicted|suggested|suggests|replied|responded|stressed|vowed|pledged|promised|alleged|asserted|acknowledged|admitted|maintained|revealed|accused|accuses|accusing|dismissed|rejected|slammed|criticised|criticized|condemned|blamed|urged|urges|calling|called|calls|praised|hailed|pointed|showed|shows|indicated)$/i;
const QUOTE_MARKS = /["“”«»„‹›‚]/g;
const EDGE_QUOTES = /^[‘’'—–]+|[‘’'—–]+$/g;
const TRAILING_PUNCT = /[.,;:!?…—–\-।。！？"'’”»]+$/;
const INSERTION = /((?<![\p{L}\p{N}])\[[^\]]*\](?![\p{L}\p{N}]))/u;
const ownBrackets = (s: string) => s.replace(/\[/g, '⁅').replace(/\]/g, '⁆');
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** A bracket group of the statement's own: standalone, and "[…]" or not found in the quote. */
function isInsertion(group: string, at: number, statement: string, quote: string): boolean {
  if (group.length < 2 || WORD_CHAR.test(statement[at - 1] ?? '') || WORD_CHAR.test(statement[at + group.length] ?? '')) return false;
  return ELLIPSIS.test(group) || !quote.includes(group);
}
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
    .filter((w) => w && !/^[.,;:!?…—–-]+$/.test(w));

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

const isCue = (w: string) => {
  const cue = bare(w).replace(EDGE_QUOTES, '');
  return FRAME_CUE.test(cue) || FRAME_WORDS.has(cue.toLowerCase().replace(/’/g, "'"));
};

/** Whether q[from, to) may be left out where the statement has `mark` (see THE RULE, point 2). */
function gapChecker(q: string[]): (from: number, to: number, mark: string | null) => boolean {
  const cues = [0];
  for (const w of q) cues.push(cues[cues.length - 1] + (isCue(w) ? 1 : 0));
  return (from, to, mark) => {
    const length = to - from;
    if (length === 0 || (mark && ELLIPSIS.test(mark))) return true;
    if (length <= MAX_FRAME && cues[to] > cues[from]) return true;
    return mark !== null && length <= MAX_REPLACED;
  };
}

/**
 * Aligns the statement's words with the quote: word i may start after a left-out stretch of the quote
 * only where that stretch is permitted. A depth-first search over (word, position, must-break) states,
 * each visited once, with a work budget so a pathological text cannot stall extraction (over budget
 * counts as not faithful).
 */
function align(q: string[], own: Word[], tailMark: string | null): boolean {
  const allowed = gapChecker(q);
  const seen = new Set<number>();
  const stack: [number, number, boolean][] = [[0, 0, false]];
  let budget = ALIGN_BUDGET;
  while (stack.length && budget > 0) {
    const [i, j, mustBreak] = stack.pop()!;
    if (i === own.length) {
      if (allowed(j, q.length, tailMark)) return true;
      continue;
    }
    const key = (i * (q.length + 1) + j) * 2 + (mustBreak ? 1 : 0);
    if (seen.has(key)) continue;
    seen.add(key);
    const mark = own[i].mark;
    const limit = mark && ELLIPSIS.test(mark) ? q.length : Math.min(q.length, j + MAX_FRAME + 1);
    for (let k = limit - 1; k >= j && budget-- > 0; k--) {
      if ((k === j && mustBreak && !mark) || !allowed(j, k, mark)) continue;
      const match = compare(own[i].text, q[k], i === 0 || k > j || mark !== null);
      if (match) stack.push([i + 1, k + 1, match === 'end']);
    }
  }
  return false;
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

/** How many of the statement's words occur in the quote at all (drift's bound for very long texts). */
function inQuote(own: string[], q: string[]): number {
  const key = (w: string) => bare(w).toLowerCase();
  const source = new Set(q.map(key));
  return own.filter((w) => source.has(key(w))).length;
}

/** A statement's first word-for-word departure from the quote, to tell the researcher what is wrong. */
function describe(q: string[], own: Word[]): string {
  const missing = own.find((w) => !q.some((x) => bare(foldFirst(x)) === bare(foldFirst(w.text))));
  if (missing) return `"${missing.text}" is not in the quote; put your own words in [brackets]`;
  return 'the statement leaves out or reorders words of the quote without marking it with "[…]"';
}

export function faithfulness(quote: string, statement: string): Faithfulness {
  // Brackets the quote itself has ("[sc. the colonial power]", "[34]", a stray "[") are the source's words: both
  // sides get them as look-alike characters, so they are compared as words, not taken as insertions.
  const q = words(ownBrackets(quote));
  const source = statement.replace(/\[[^[\]]*\]|[[\]]/g, (m, at: number) => (isInsertion(m, at, statement, quote) ? m : ownBrackets(m)));
  const { own, tailMark } = statementWords(source);
  if (!own.length) return { faithful: false, problems: ['the statement has no words of the quote'], drift: 1 };
  if (align(q, own, tailMark)) return { faithful: true, problems: [], drift: 0 };
  const texts = own.map((w) => w.text);
  const inOrder = texts.length * q.length <= MAX_LCS_CELLS ? lcs(texts, q) : inQuote(texts, q);
  return { faithful: false, problems: [describe(q, own)], drift: Math.max(1 - inOrder / own.length, 0.01) };
}
