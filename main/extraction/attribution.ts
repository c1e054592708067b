// Finds who a sentence attributes its content to: direct quotes ('"…," he said', '"…," said X, role'),
// reported speech ('X said that…', 'X has dismissed the claims', 'X accused Y of…'), 'according to X',
// trailing media credits (', state media reported') and 'with X saying …' sub-claims.
import type { ClaimKind } from '../api/types';

export interface Span {
  start: number;
  end: number;
}

/** One claim found in a sentence, before speakers are resolved to entities. */
export interface ClaimShape {
  /** The claim's span in the article (the sentence, or a clause of it). */
  span: Span;
  /** The asserted content within the span, without the attribution. */
  content: Span;
  /** Attribution frame inside `content` to leave out of the statement ("according to X", ", state media reported"). */
  omit: Span[];
  /** The speaker phrase as written ("he", "Kim", "vice foreign minister Kim Jong Gyu"). */
  speaker: Span | null;
  /** A medium that carried the statement ("the official Korean Central News Agency", "state media"). */
  medium: Span | null;
  kind: ClaimKind;
}

const SPEECH =
  'said|says|say|told|tells|added|adds|stated|states|claimed|claims|announced|announces|insisted|insists|warned|warns|argued|argues|noted|notes|explained|wrote|writes|tweeted|posted|declared|declares|alleged|alleges|asserted|acknowledged|admitted|admits|maintained|maintains|confirmed|confirms|denied|denies|believes|thinks|estimated|estimates|predicted|predicts|revealed|suggested|suggests|replied|responded|stressed|stresses|emphasised|emphasized|vowed|pledged|promised|threatened';
const ACTS =
  'accused|accuses|accusing|dismissed|dismisses|rejected|rejects|pointed to|pointed out|points to|slammed|slams|criticised|criticized|criticises|criticizes|condemned|condemns|blamed|blames|urged|urges|called on|called for|calls on|calls for|praised|hailed';
const AUX = String.raw`(?:(?:has|have|had|will|would|also|long|repeatedly|previously|already|earlier|again|reportedly|publicly|recently|since|now|later|then|once|has also|have also)\s+)*`;
const VERB_RE = new RegExp(String.raw`(?<![\w-])${AUX}(${SPEECH}|${ACTS})\b`, 'g');
const NOT_A_VERB_BEFORE = /(?:\b(?:the|a|an|these|those|his|her|its|their|our|such|any|no)\s+|so-)$/i;
const MEDIA_TAIL_RE =
  /,\s*((?:the\s+)?[\w' -]{2,60}?)\s+(?:reported|said|reports|says|showed|shows|indicated|suggested)(?:\s+(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday))?\s*(?=[,.;]|$)/gi;
const ACCORDING_RE = /,?\s*according to\s+([^,.;]+)/gi;
const WITH_SAYING_RE = /,\s*with\s+([^,;]{2,120}?)\s+(saying|claiming|warning|adding|insisting|arguing)\s+(?:that\s+)?/;
const RELATIVE_RE = /,\s*(?:which|who|whose)\b[^,]*,/g;
const WEAK_SPEECH_RE =
  /^(?:claim|claims|claimed|maintains|maintained|notes|noted|confirms|confirmed|denies|denied|admits|admitted|believes|thinks|estimates|estimated|predicts|predicted|suggests|suggested|acknowledged|revealed|states|stated|posted|declares|declared|announces|announced|explained|promised|pledged|threatened|vowed|adds|added|stressed|stresses)$/;
const QUOTE_CHARS = '"“”«»„';
const TIME_AFTER_VERB_RE =
  /^\s*(?:(?:on|late|early)\s+)?(?:(?:last|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|week|month)?\s*(?:that\s+)?/i;

/** The sentence with quoted passages blanked out, so verbs and commas inside quotes are ignored. */
export function maskQuotes(sentence: string): { masked: string; quotes: Span[] } {
  const quotes: Span[] = [];
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (!QUOTE_CHARS.includes(c)) continue;
    const closes = open >= 0 && c !== '“' && c !== '«' && c !== '„';
    if (closes) {
      quotes.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c !== '”' && c !== '»') open = i;
  }
  let masked = sentence;
  for (const q of quotes) masked = masked.slice(0, q.start + 1) + '_'.repeat(q.end - q.start - 2) + masked.slice(q.end - 1);
  return { masked, quotes };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/** The speaker phrase right before a verb: the last comma-separated chunk, without quotes. */
function subjectBefore(masked: string, clauseStart: number, verbStart: number): Span | null {
  const prefix = masked.slice(clauseStart, verbStart);
  const cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf('"'), prefix.lastIndexOf('”'), prefix.lastIndexOf('“'));
  const span = trimSpan(masked, { start: clauseStart + cut + 1, end: verbStart });
  const phrase = masked.slice(span.start, span.end);
  if (!phrase || phrase.includes('_') || phrase.split(/\s+/).length > 12) return null;
  if (/\b(is|are|was|were|be|would|could|should|if|when|because)\b/i.test(phrase)) return null;
  if (!/^([A-Z]|(he|she|they|it|officials|the|a|an|vice|deputy|foreign|president|prime|minister|senior|former|state|local)\b)/.test(phrase))
    return null;
  return span;
}

/** The speaker phrase after an inverted verb ('…," said Kim Jong Gyu, vice foreign minister'). */
function subjectAfter(masked: string, verbEnd: number, clauseEnd: number): Span | null {
  const m = /^\s+((?:the\s+)?[A-Za-z][^,.;"“”]*)/.exec(masked.slice(verbEnd, clauseEnd));
  if (!m) return null;
  const start = verbEnd + m[0].length - m[1].length;
  return { start, end: start + m[1].trimEnd().length };
}

function quotedShare(quotes: Span[], content: Span): number {
  const inside = quotes.reduce((sum, q) => sum + Math.max(0, Math.min(q.end, content.end) - Math.max(q.start, content.start)), 0);
  return inside / Math.max(1, content.end - content.start);
}

function kindOf(quotes: Span[], content: Span, speaker: Span | null): ClaimKind {
  if (!speaker) return 'reported';
  return quotedShare(quotes, content) >= 0.5 ? 'direct' : 'indirect';
}

/**
 * Media credits inside a clause ("according to X", ", state media reported"): attribution frame, left out
 * of the statement. Relative clauses are found only to skip them when looking for the speaker; they are
 * content and stay in the statement.
 */
function creditsIn(masked: string, clause: Span): { medium: Span | null; omit: Span[]; relatives: Span[] } {
  const omit: Span[] = [];
  const relatives: Span[] = [];
  let medium: Span | null = null;
  const text = masked.slice(0, clause.end);
  for (const re of [ACCORDING_RE, MEDIA_TAIL_RE, RELATIVE_RE]) {
    re.lastIndex = clause.start;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (re === RELATIVE_RE) {
        relatives.push({ start: m.index, end: m.index + m[0].length - 1 });
        continue;
      }
      omit.push({ start: m.index, end: m.index + m[0].length });
      if (!medium) medium = { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + m[1].length };
    }
  }
  return { medium, omit, relatives };
}

/** The masked text with relative clauses blanked, so "Seoul, which has long accused …, has" finds "Seoul". */
function withoutRelatives(masked: string, relatives: Span[]): string {
  let out = masked;
  for (const o of relatives) out = out.slice(0, o.start) + ' '.repeat(o.end + 1 - o.start) + out.slice(o.end + 1);
  return out;
}

/** "She maintains a presence", "he admits defeat": such verbs report speech only before "that", a quote or a colon. */
function reportsSpeech(verb: string, after: string): boolean {
  return !WEAK_SPEECH_RE.test(verb) || /^\s*(?:,|:|that\b|["“«])/.test(after);
}

/** The main claim of a clause: who says it, and which part is the content. */
function analyseClause(sentence: string, masked: string, quotes: Span[], clause: Span): ClaimShape {
  const credits = creditsIn(masked, clause);
  const omitted = (i: number) => [...credits.omit, ...credits.relatives].some((o) => i >= o.start && i < o.end);
  VERB_RE.lastIndex = clause.start;
  for (let m = VERB_RE.exec(masked); m && m.index < clause.end; m = VERB_RE.exec(masked)) {
    if (omitted(m.index) || NOT_A_VERB_BEFORE.test(masked.slice(0, m.index))) continue;
    const verbEnd = m.index + m[0].length;
    const afterQuote =
      /["”]\s*,?\s*$/.test(masked.slice(clause.start, m.index)) ||
      /["”],?\s+\S+(\s+\S+){0,3}\s*$/.test(masked.slice(clause.start, m.index));
    const isSpeech = new RegExp(`^(${SPEECH})$`).test(m[1]);
    if (!afterQuote && !reportsSpeech(m[1], masked.slice(verbEnd, clause.end))) continue;
    const before = subjectBefore(withoutRelatives(masked, credits.relatives), clause.start, m.index);
    const inverted = !before && afterQuote ? subjectAfter(masked, verbEnd, clause.end) : null;
    const speaker = before ?? inverted;
    if (!speaker) continue;
    let content: Span;
    if (afterQuote) content = trimSpan(sentence, { start: clause.start, end: Math.min(speaker.start, m.index) });
    else if (isSpeech) {
      const lead = TIME_AFTER_VERB_RE.exec(sentence.slice(verbEnd))?.[0].length ?? 0;
      // "…said that X, state media reported, but …": the content ends at the media credit.
      const creditStart = credits.omit.find((c) => c.start > verbEnd + lead + 10)?.start ?? clause.end;
      content = trimSpan(sentence, { start: verbEnd + lead, end: Math.min(clause.end, creditStart) });
      if (content.end - content.start < 12) content = trimSpan(sentence, clause);
    } else content = trimSpan(sentence, clause);
    const omit = credits.omit.filter((o) => o.start >= content.start && o.start < content.end);
    // '…," said Kim, vice minister, according to KCNA': everything after the speaker is attribution.
    return { span: trimSpan(sentence, clause), content, omit, speaker, medium: credits.medium, kind: kindOf(quotes, content, speaker) };
  }
  // No verb with a speaker: "X happened, state media reported" or "according to X, …".
  const content = trimSpan(sentence, clause);
  const speaker = credits.medium;
  return { span: content, content, omit: credits.omit, speaker, medium: null, kind: kindOf(quotes, content, speaker) };
}

/** All claims in one sentence (offsets relative to the sentence). */
export function analyseSentence(sentence: string): ClaimShape[] {
  const { masked, quotes } = maskQuotes(sentence);
  const end = sentence.replace(/[\s.!?]+$/, (tail) => (/["”’)]/.test(tail) ? tail : '')).length;
  const withSaying = WITH_SAYING_RE.exec(masked);
  if (!withSaying) return [{ ...analyseClause(sentence, masked, quotes, { start: 0, end }), span: { start: 0, end: sentence.length } }];
  const main = analyseClause(sentence, masked, quotes, { start: 0, end: withSaying.index });
  const speakerStart = withSaying.index + withSaying[0].indexOf(withSaying[1], 6);
  const speaker = { start: speakerStart, end: speakerStart + withSaying[1].length };
  const content = trimSpan(sentence, { start: withSaying.index + withSaying[0].length, end });
  const sub: ClaimShape = {
    span: { start: speaker.start, end: content.end },
    content,
    omit: [],
    speaker,
    medium: null,
    kind: kindOf(quotes, content, speaker),
  };
  return [main, sub];
}
