// The text quality gate: does extracted text read as language, or is it junk? Junk comes from PDF
// fonts without a text mapping (glyph ids come out as control characters or shifted letters), from
// scanned pages with a garbage OCR layer, and from files decoded with the wrong encoding.
//
// `assessText` is a pure function over the text alone. It measures
// - letters and digits: their share of the non-space characters (junk is mostly symbols/controls);
// - bad characters: C0/C1 controls (other than tab and line breaks), private-use code points and
//   U+FFFD replacement characters — real text has next to none;
// - word shape: the share of space-separated tokens that look like words or numbers (letters with
//   at most inner apostrophes/hyphens, wrapped in ordinary punctuation);
// - function words: the share of tokens that are among the most frequent words of a language we
//   know (meta/language.ts) — near zero for junk in a Latin or Cyrillic script;
// - unbroken runs: the share of characters in runs of more than 40 non-space characters (words
//   glued together, e.g. a font that maps the space to '#'); not counted for scripts written
//   without spaces (Chinese, Japanese, Thai...).
// A text with no letters that is not junk (blank, page numbers) is 'empty'. Short texts (under 20 non-space characters) are judged
// on letters, digits and bad characters only.
import type { TextQuality } from '../../shared/domain';
import { STOPWORDS } from './meta/language';

export type TextVerdict = 'ok' | 'junk' | 'empty';

export interface TextQualityReport {
  verdict: TextVerdict;
  /** Why the text counts as junk (empty when it does not). */
  reasons: string[];
  nonSpace: number;
  alnumShare: number;
  badShare: number;
  wordShare: number;
  functionWordShare: number;
  longestRun: number;
  gluedShare: number;
}

const FUNCTION_WORDS = new Set(Object.values(STOPWORDS).flat());
// eslint-disable-next-line no-control-regex -- control characters are exactly what is counted
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Co}\ufffd]/gu;
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const WORD = /^[("'“‘«„[¿¡]*(?:[\p{L}\p{M}]+(?:['’.\-–][\p{L}\p{M}]+)*|[\d.,:/%$€£+\-–]+)[)"'”’»\].,;:!?%]*$/u;
const GLUED_RUN = 40;

export const JUNK_THRESHOLDS = {
  minAlnumShare: 0.5,
  maxBadShare: 0.05,
  minWordShare: 0.6,
  /** Function words below this share are only damning together with odd word shapes. */
  minFunctionWordShare: 0.02,
  functionWordsWithWordShareBelow: 0.85,
  maxGluedShare: 0.3,
};

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;

export function assessText(text: string): TextQualityReport {
  const t = JUNK_THRESHOLDS;
  const nonSpace = count(text, /\S/gu);
  const letters = count(text, /\p{L}/gu);
  const alnum = letters + count(text, /[\p{N}\p{M}]/gu);
  const bad = count(text, BAD);
  const tokens = text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const words = tokens.filter((w) => WORD.test(w));
  const functionWords = tokens.filter((w) => FUNCTION_WORDS.has(w.toLowerCase().replace(/^\P{L}+|\P{L}+$/gu, '')));
  const unspaced = count(text, UNSPACED_SCRIPT) > letters * 0.3;
  const runs = text.split(/\s+/u).map((r) => r.length);
  const longestRun = runs.reduce((a, b) => Math.max(a, b), 0);
  const glued = unspaced ? 0 : runs.filter((n) => n > GLUED_RUN).reduce((a, b) => a + b, 0);
  const report: TextQualityReport = {
    verdict: 'ok',
    reasons: [],
    nonSpace,
    alnumShare: round(nonSpace ? alnum / nonSpace : 0),
    badShare: round(nonSpace ? bad / nonSpace : 0),
    wordShare: round(tokens.length ? words.length / tokens.length : 1),
    functionWordShare: round(tokens.length ? functionWords.length / tokens.length : 0),
    longestRun,
    gluedShare: round(nonSpace ? glued / nonSpace : 0),
  };
  const reasons = report.reasons;
  if (report.badShare > t.maxBadShare) reasons.push('control, private-use or replacement characters');
  if (nonSpace >= 20 && report.alnumShare < t.minAlnumShare) reasons.push('few letters or digits');
  if (!unspaced && tokens.length >= 20) {
    if (report.wordShare < t.minWordShare) reasons.push('few word-like tokens');
    else if (report.functionWordShare < t.minFunctionWordShare && report.wordShare < t.functionWordsWithWordShareBelow)
      reasons.push('no common words');
  }
  if (nonSpace >= 200 && report.gluedShare > t.maxGluedShare) reasons.push('words run together without spaces');
  return { ...report, verdict: reasons.length > 0 ? 'junk' : letters === 0 ? 'empty' : 'ok' };
}

export const isJunk = (text: string): boolean => assessText(text).verdict !== 'ok';

/** 1-based page numbers as ranges: [2, 3, 4, 7] -> "2–4, 7". */
export function pageRanges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j;
  }
  return out.join(', ');
}

const pagesLabel = (pages: number[]) => `${pages.length === 1 ? 'Page' : 'Pages'} ${pageRanges(pages)}`;

export interface TextQualityVerdict {
  textQuality: TextQuality;
  textWarning: string | null;
}

const NO_SUGGESTIONS = 'No claims were suggested; read the original file.';

/**
 * The article's text quality and the warning the reader shows. `ocr` tells which PDF pages were
 * OCR'd and which needed it but were left out (the page cap); without it the text is as extracted.
 */
export function judgeArticleText(text: string, ocr?: { ocrPages: number[]; skippedPages: number[]; maxPages: number }): TextQualityVerdict {
  const report = assessText(text);
  const skipped = ocr?.skippedPages.length
    ? ` ${pagesLabel(ocr.skippedPages)} ${ocr.skippedPages.length === 1 ? 'was' : 'were'} not read (OCR stops after ${ocr.maxPages} pages).`
    : '';
  if (report.verdict !== 'ok') {
    const why = report.reasons.length ? report.reasons.join(', ') : 'no letters';
    const tried = ocr?.ocrPages.length ? ` OCR (English) of ${pagesLabel(ocr.ocrPages).toLowerCase()} found no readable text either.` : '';
    const hint = ocr ? '' : ' The file may use a wrong or unknown text encoding.';
    return {
      textQuality: 'unreadable',
      textWarning: `The text of this file is unreadable (${why}).${tried}${hint}${skipped} ${NO_SUGGESTIONS}`,
    };
  }
  if (!ocr?.ocrPages.length) return { textQuality: 'ok', textWarning: skipped.trim() || null };
  return {
    textQuality: 'ocr',
    textWarning: `${pagesLabel(ocr.ocrPages)} had no usable text layer and ${ocr.ocrPages.length === 1 ? 'was' : 'were'} read by OCR (English): check quotes against the original.${skipped}`,
  };
}
