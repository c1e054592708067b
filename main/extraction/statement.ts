// A standalone wording of a claim that stays faithful to the source (see faithful.ts): the content
// without the attribution frame or quote marks. A subject "he"/"she" of reported speech becomes the
// claimant in brackets ("Kim said he had…" → "[Kim Jong Gyu] had…"); nothing else is reworded.
import { maskQuotes, type ClaimShape } from './attribution';
import { faithfulness } from './faithful';

const QUOTE_MARKS = /["“”«»„]/g;

function withoutSpans(text: string, from: number, to: number, omit: { start: number; end: number }[]): string {
  let out = '';
  let cursor = from;
  for (const o of [...omit].sort((a, b) => a.start - b.start)) {
    if (o.end <= cursor || o.start >= to) continue;
    out += text.slice(cursor, Math.max(cursor, o.start));
    cursor = Math.max(cursor, o.end);
  }
  return out + text.slice(cursor, to);
}

/**
 * Only in reported speech ("X said he…", the pronoun outside quotation marks, right after the frame) is
 * a leading he/she the speaker; inside a quote or in narration it is someone else and stays as written.
 */
function resolvesPronoun(sentence: string, shape: ClaimShape, claimant: string | null, claimantIsPerson: boolean): claimant is string {
  if (!claimant || !claimantIsPerson || !shape.speaker || shape.speaker.end > shape.content.start) return false;
  return /^(?:that\s+)?(?:he|she)\s/i.test(maskQuotes(sentence).masked.slice(shape.content.start));
}

export function buildStatement(sentence: string, shape: ClaimShape, claimant: string | null, claimantIsPerson: boolean): string {
  const afterFrame = shape.content.start > 0;
  let s = withoutSpans(sentence, shape.content.start, shape.content.end, shape.omit)
    .replace(/''|``/g, ' ')
    .replace(QUOTE_MARKS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^,\s*/, '');
  // "X said that …": "that" belongs to the frame; a sentence that opens with "That" keeps it.
  if (afterFrame) s = s.replace(/^that\s+/i, '');
  if (resolvesPronoun(sentence, shape, claimant, claimantIsPerson)) s = s.replace(/^(he|she)(?=\s)/i, `[${claimant}]`);
  s = s.replace(/[\s,;:—–-]+$/, '');
  if (!s) return '';
  if (!/[.!?।。！？…]['’‘"”»)]*$/.test(s)) s += '.';
  return s[0].toUpperCase() + s.slice(1);
}

/**
 * The statement a proposal carries: buildStatement's wording when it is faithful to the claim's span,
 * else the content as written, else the whole span as written; empty (no proposal) when even that has
 * no words of its own ("...").
 */
export function faithfulStatement(sentence: string, shape: ClaimShape, claimant: string | null, claimantIsPerson: boolean): string {
  const quote = sentence.slice(shape.span.start, shape.span.end);
  const verbatim = (span: { start: number; end: number }) => buildStatement(sentence, { ...shape, content: span, omit: [] }, null, false);
  const candidates = [buildStatement(sentence, shape, claimant, claimantIsPerson), verbatim(shape.content), verbatim(shape.span)];
  return candidates.find((s) => s && faithfulness(quote, s).faithful) ?? '';
}
