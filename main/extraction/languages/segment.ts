// Sentences and quotations for any profile: the language's quote pairs (« », „ “, » «, “ ”), dialogue
// dashes, sentences that open with an accented or Cyrillic capital, a guillemet or a dash. Every segment
// is an exact [start, end) span of the input, as in ../segment.ts.
import { isCreditLine } from '../not-claim';
import { isCaption, type Segment } from '../segment';
import type { Compiled } from './compile';

export interface Quote {
  /** The quotation with its marks (or dashes). */
  start: number;
  end: number;
  /** The quoted words, without the marks. */
  inner: { start: number; end: number };
  /** Closed within its paragraph (an open one runs to the paragraph's end). */
  closed: boolean;
}

const DASHES = '—–';
// Abbreviations whose period never ends a sentence (titles, "z. B.", "т. е."), besides single initials.
const ABBREVIATIONS = new Set(
  'm mme mlle mm me dr pr prof mgr sr sra srta sres dra dña lic ing st nr no nº bzw vgl ggf usw etc ecc sig sigg dott avv on gen col cap art pág p pp ca ok г гг т д др см им ул тыс млн млрд руб'.split(
    ' ',
  ),
);

const DATELINE_RE = /^\p{Lu}[\p{Lu} .'’-]{1,40}(?:,\s*[\p{L}.]+(?:\s+[\p{L}.\d]+){0,2})?\s*(?:\([^()]{2,20}\))?\s*[-–—]{1,2}\s+/u;

/** A leading dateline ("PARIS (AFP) —", "МОСКВА —", "RIO DE JANEIRO —") is metadata, not the first sentence's. */
export function datelineLength(paragraph: string): number {
  const m = DATELINE_RE.exec(paragraph);
  return m && /\p{Lu}{2}/u.test(m[0]) ? m[0].length : 0;
}

/** Paragraphs: blank-line separated blocks, or lines that end a sentence or are short. */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let block: { start: number; end: number; last: string } | null = null;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const start = lineStart + line.indexOf(trimmed);
    lineStart += line.length + 1;
    const dialogue = DASHES.includes(trimmed[0] ?? '');
    if (!trimmed || (block && (/[.!?:…"”»“«)]$/.test(block.last) || block.last.length < 60 || dialogue))) {
      if (block) out.push({ start: block.start, end: block.end });
      block = null;
    }
    if (!trimmed) continue;
    if (block) Object.assign(block, { end: start + trimmed.length, last: trimmed });
    else block = { start, end: start + trimmed.length, last: trimmed };
  }
  if (block) out.push({ start: block.start, end: block.end });
  return out;
}

/** Quotations in one paragraph: outermost quote-mark pairs, and dialogue stretches of a dash paragraph. */
export function quotesIn(text: string, start: number, end: number, c: Compiled): Quote[] {
  const quotes: Quote[] = [];
  const stack: { at: number; close: string }[] = [];
  for (let i = start; i < end; i++) {
    const ch = text[i];
    const top = stack[stack.length - 1];
    if (top && ch === top.close) {
      stack.pop();
      if (!stack.length) quotes.push({ start: top.at, end: i + 1, inner: { start: top.at + 1, end: i }, closed: true });
    } else if (c.openers.has(ch)) {
      // A straight quote or a single mark glued to a letter on its left closes, it does not open.
      if ((ch === '"' || ch === '‘' || ch === '‚') && /[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && !stack.length) continue;
      stack.push({ at: i, close: c.openers.get(ch)! });
    }
  }
  if (stack.length) quotes.push({ start: stack[0].at, end, inner: { start: stack[0].at + 1, end }, closed: false });
  if (c.profile.dashDialogue && DASHES.includes(text[start])) return [...dialogue(text, start, end), ...quotes.filter((q) => q.closed)];
  return quotes;
}

/**
 * "— Мы не отступим, — заявил Песков. — Это принципиально." / "—Es difícil —dijo el ministro—, pero…":
 * speech runs from a dash to the dash that opens the attribution (after ",!?…", or glued to the next
 * word); any dash in the attribution reopens the speech.
 */
function dialogue(text: string, start: number, end: number): Quote[] {
  const out: Quote[] = [];
  let open = start;
  for (let j = start + 1; j < end; j++) {
    if (!DASHES.includes(text[j])) continue;
    if (open >= 0) {
      const closes =
        /[,!?…]\s*$/.test(text.slice(Math.max(start, j - 3), j)) || (/\s/.test(text[j - 1]) && /\p{L}/u.test(text[j + 1] ?? ''));
      if (!closes) continue;
      out.push({ start: open, end: j + 1, inner: { start: open + 1, end: j }, closed: true });
      open = -1;
    } else open = j;
  }
  if (open >= 0) out.push({ start: open, end, inner: { start: open + 1, end }, closed: true });
  return out.filter((q) => /\p{L}/u.test(text.slice(q.inner.start, q.inner.end)));
}

function abbreviationBefore(text: string, dot: number): boolean {
  const m = /(?:^|[^\p{L}])(\p{L}+)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const word = m[1];
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. Dupont", "В. Путин"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Sentence ends inside one paragraph, never inside a closed quotation. */
function sentenceEnds(text: string, start: number, end: number, quotes: Quote[], c: Compiled): number[] {
  const ends: number[] = [];
  const re = /[.!?…]+/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    let after = m.index + m[0].length;
    while (after < end && (c.closers.has(text[after]) || /[)’'»“”]/.test(text[after]))) after++;
    const rest = /^\s+(?:[«„"“‚‘‹»(¿¡—–]\s?)?[\p{Lu}\p{N}]/u.exec(text.slice(after, Math.min(end, after + 8)));
    if (!rest) continue;
    if (m[0] === '.' && abbreviationBefore(text, m.index)) continue;
    if (quotes.some((q) => q.closed && m!.index > q.start && q.end >= after && q.end > m!.index + m![0].length)) continue;
    ends.push(after);
  }
  return ends;
}

export interface LanguageSegment extends Segment {
  quotes: Quote[];
}

export function segmentIn(text: string, c: Compiled): LanguageSegment[] {
  const out: LanguageSegment[] = [];
  paragraphs(text).forEach((para, paragraph) => {
    let cursor = para.start + datelineLength(text.slice(para.start, para.end));
    const quotes = quotesIn(text, cursor, para.end, c);
    for (const stop of [...sentenceEnds(text, cursor, para.end, quotes, c), para.end]) {
      const raw = text.slice(cursor, stop);
      const start = cursor + raw.length - raw.trimStart().length;
      const end = cursor + raw.trimEnd().length;
      cursor = stop;
      if (end <= start) continue;
      const inside = quotes
        .filter((q) => q.end > start && q.start < end)
        .map((q) => ({
          ...q,
          start: Math.max(q.start, start),
          end: Math.min(q.end, end),
          inner: { start: Math.max(q.inner.start, start), end: Math.min(q.inner.end, end) },
        }));
      // A sentence that ends as one (also after "»" or "“") is never a caption, whatever its verbs.
      const sentence = text.slice(start, end);
      // A credit or furniture line is one even when punctuated ("…suscribirse a nuestra newsletter.", a date alone).
      const caption = isCreditLine(sentence) || (!/[.!?…][\s»«"”“’)]*$/.test(sentence) && isCaption(sentence));
      out.push({ start, end, paragraph, isCaption: caption, quotes: inside });
    }
  });
  return out;
}
