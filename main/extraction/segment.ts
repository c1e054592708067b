// Sentence segmentation for news text. Every segment is an exact [start, end) span of the input, so
// text.slice(start, end) is what the researcher sees highlighted. Handles abbreviations, initials,
// quotations spanning several sentences, datelines ("SEOUL, Oct 25 (AFP) -") and photo captions.

import { isCreditLine } from './not-claim';

export interface Segment {
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) the segment belongs to. */
  paragraph: number;
  /** A photo caption, credit line or similar fragment: never a claim. */
  isCaption: boolean;
}

// Titles before a name: a period after them never ends a sentence.
const TITLES = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col capt cpt sgt st rev hon pres adm maj cmdr gov supt insp fr messrs mme mlle'.split(' '),
);
// Other abbreviations: they end a sentence only when a typical sentence opener follows.
const ABBREVIATIONS = new Set(
  'inc ltd co corp jr sr vs etc approx est dept univ assn bros no nos vol fig ft oz lb mt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e a.m p.m u.s u.k u.n u.s.a e.u'.split(
    ' ',
  ),
);
const SENTENCE_OPENERS = new Set(
  'the a an he she it they we i this that these those there his her its their but and so yet however in on at for as after before when while if although though meanwhile mr mrs ms dr officials critics some many most one two according'.split(
    ' ',
  ),
);

const OPEN_QUOTES = '"“«„';
const CLOSERS = `"”»’')]`;
const DATELINE_RE =
  /^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+)?\s*\d{0,2}(?:,\s*\d{4})?)?\s*(?:\((?:AFP|AP|Reuters|dpa|Xinhua|Yonhap|UPI|EFE|ANSA|Bloomberg|[A-Z]{2,8})\))?\s*[-–—]{1,2}\s+/;
const CAPTION_CREDIT_RE =
  /(\((?:[A-Z][\w.-]*\s*)?(?:file|photo|pic|picture|image|handout|archive|AFP|AP|Reuters|Getty|EPA|Yonhap|KCNA via KNS)[^()]{0,40}\)|\b(?:photo|picture|image)\s*(?:by|:|credit)\s*[^.]{0,60}|\/\s*(?:AFP|AP|Reuters|Getty Images|EPA)\b[^.]{0,30})\s*$/i;
const VERB_HINT_RE = /\b(is|are|was|were|be|been|has|have|had|will|would|could|can|said|says|say|did|does|do)\b|\w(ed|es)\b/i;

/** Paragraphs: blocks separated by blank lines, or single newlines that end a short line or a sentence. */
function paragraphRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let block: { start: number; end: number; lastLineStart: number } | null = null;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const start = lineStart + line.indexOf(trimmed);
    lineStart += line.length + 1;
    if (!trimmed || (block && endsBlock(text.slice(block.lastLineStart, block.end)))) {
      if (block) ranges.push({ start: block.start, end: block.end });
      block = null;
    }
    if (!trimmed) continue;
    if (block) Object.assign(block, { end: start + trimmed.length, lastLineStart: start });
    else block = { start, end: start + trimmed.length, lastLineStart: start };
  }
  if (block) ranges.push({ start: block.start, end: block.end });
  return ranges;
}

/** A single newline ends a block when the previous line is finished or too short to be hard-wrapped. */
function endsBlock(lastLine: string): boolean {
  return /[.!?:"”)]$/.test(lastLine) || lastLine.length < 60;
}

/** Quotation spans [open, close] that close within the paragraph; sentences do not break inside them. */
function quoteRegions(text: string, start: number, end: number): [number, number][] {
  const regions: [number, number][] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = text[i];
    const closes = open >= 0 && (c === '"' || c === '”' || c === '»');
    if (closes) {
      regions.push([open, i]);
      open = -1;
    } else if (OPEN_QUOTES.includes(c)) open = i;
  }
  return regions;
}

function wordBefore(text: string, index: number): string {
  const m = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, index - 20), index));
  return m ? m[1] : '';
}

function isAbbreviationStop(text: string, dot: number, next: string): boolean {
  const word = wordBefore(text, dot).toLowerCase();
  if (!word) return false;
  if (TITLES.has(word)) return true;
  if (/^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1])) return true; // an initial, "J. Smith"
  const bare = word.replace(/\.$/, '');
  if (ABBREVIATIONS.has(bare) || /^([a-z]\.)+[a-z]$/.test(bare)) return !SENTENCE_OPENERS.has(next.toLowerCase());
  return false;
}

/** Sentence ends within one paragraph: indices just after the final punctuation and closing quotes. */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const regions = quoteRegions(text, start, end);
  const ends: number[] = [];
  const re = /[.!?]+/g;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    let after = m.index + m[0].length;
    while (after < end && CLOSERS.includes(text[after])) after++;
    const rest = /^\s+(["“‘(]?)([A-Z0-9][\w’'-]*)/.exec(text.slice(after, Math.min(end, after + 40)));
    if (!rest) continue;
    if (m[0] === '.' && isAbbreviationStop(text, m.index, rest[2])) continue;
    const inside = regions.some(([open, close]) => m!.index > open && close >= after);
    if (!inside) ends.push(after);
  }
  return ends;
}

/** A leading dateline ("SEOUL, Oct 25 (AFP) - ") is metadata, not part of the first sentence. */
export function datelineLength(paragraph: string): number {
  const m = DATELINE_RE.exec(paragraph);
  return m && /[A-Z]{2}/.test(m[0]) ? m[0].length : 0;
}

export function isCaption(sentence: string): boolean {
  const s = sentence.trim();
  if (isCreditLine(s)) return true;
  if (/[.!?]["”’)]*$/.test(s) && !CAPTION_CREDIT_RE.test(s)) return false;
  if (CAPTION_CREDIT_RE.test(s)) return true;
  // Unpunctuated fragments without a verb: bylines, labels, captions without credit.
  return s.split(/\s+/).length <= 12 && !VERB_HINT_RE.test(s);
}

export function segment(text: string): Segment[] {
  const segments: Segment[] = [];
  paragraphRanges(text).forEach((para, paragraph) => {
    let cursor = para.start + datelineLength(text.slice(para.start, para.end));
    for (const stop of [...sentenceEnds(text, cursor, para.end), para.end]) {
      const raw = text.slice(cursor, stop);
      const lead = raw.length - raw.trimStart().length;
      const start = cursor + lead;
      const end = cursor + raw.trimEnd().length;
      if (end > start) segments.push({ start, end, paragraph, isCaption: isCaption(text.slice(start, end)) });
      cursor = stop;
    }
  });
  return segments;
}
