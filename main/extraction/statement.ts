// A standalone wording of a claim: the content without attribution, quote marks or credits, with a
// leading "he"/"she" replaced by the claimant ("he had heeded…" → "Kim Jong Gyu had heeded…").
import type { ClaimShape } from './attribution';

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

export function buildStatement(sentence: string, shape: ClaimShape, claimant: string | null, claimantIsPerson: boolean): string {
  let s = withoutSpans(sentence, shape.content.start, shape.content.end, shape.omit)
    .replace(QUOTE_MARKS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:that|,)\s+/i, '');
  if (claimant && claimantIsPerson) s = s.replace(/^(he|she)\b/i, claimant);
  s = s.replace(/[\s,;:—–-]+$/, '');
  if (!s) return '';
  if (!/[.!?]$/.test(s)) s += '.';
  return s[0].toUpperCase() + s.slice(1);
}
