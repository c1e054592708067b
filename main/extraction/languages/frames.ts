// Who a sentence attributes its content to, in any profile's language: the reporting verb before or
// after its speaker ("X a déclaré que…", "« … », a déclaré X", "„…“, sagte Scholz", "— …, — заявил он",
// "…», Tite disse"), an attached pronoun ("a-t-il ajouté"), "according to" markers before or after the
// source ("selon X", "по словам X", "Scholz zufolge"). Offsets are in the article.
import type { ClaimKind } from '../../../shared/domain';
import { low, type Compiled } from './compile';
import type { Gender } from './entities';
import type { LanguageSegment, Quote } from './segment';

export interface Span {
  start: number;
  end: number;
}

export interface Frame {
  /** The claim's span: the sentence. */
  span: Span;
  /** The asserted content, without the attribution. */
  content: Span;
  /** Attribution inside `content` to leave out of the statement (a mid-quote "a-t-il ajouté"). */
  omit: Span[];
  speaker: Span | null;
  /** The cue as written ("a déclaré", "selon", "заявила"). */
  cue: Span | null;
  gender: Gender;
  /** The speaker follows an "according to" marker: Russian names are then in the genitive. */
  oblique: boolean;
  /** A reporting verb after a quote with no subject ('"…", completou'): the speaker named before. */
  implicit?: boolean;
  kind: ClaimKind;
}

const DELIMITER = /[,.;:!?()«»„“”"‹›—–[\]]/u;
const CONJUNCTIONS = new Set(['et', 'mais', 'und', 'aber', 'y', 'pero', 'e', 'mas', 'ma', 'и', 'а', 'но', 'o', 'ou', 'oder', 'или']);

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w));

/** Is this phrase someone who can speak: a pronoun, a titled or capitalised name, a role ("la ministre")? */
export function isSpeakerPhrase(phrase: string, c: Compiled): boolean {
  const ws = words(phrase);
  if (!ws.length || ws.length > 12) return false;
  const lw = ws.map((w) => low(w).replace(/[.,]$/, ''));
  const { masculinePronouns, femininePronouns, pluralPronouns, honorifics, functionWords, determiners, roles } = c.lower;
  if (ws.length === 1 && (masculinePronouns.has(lw[0]) || femininePronouns.has(lw[0]) || pluralPronouns.has(lw[0]))) return true;
  if (lw.some((w) => honorifics.has(w))) return true;
  const joined = ' ' + lw.join(' ') + ' ';
  // Roles also in the plural ("economistas") and in compounds ("Grünen-Fraktionschefin").
  const isRole = (w: string, r: string) => (w.endsWith(r) && r.length >= 5) || (w.startsWith(r) && w.length - r.length <= 2);
  if (roles.some((r) => joined.includes(` ${r} `) || lw.some((w) => isRole(w, r)))) return true;
  // A capitalised word that is not a sentence opener or a weekday: a name or an institution.
  return ws.some((w, i) => /^\p{Lu}/u.test(w) && !functionWords.has(lw[i]) && !(determiners.has(lw[i]) && i === 0));
}

export function analyse(text: string, seg: LanguageSegment, c: Compiled): Frame {
  const s = seg.start;
  const sentence = text.slice(s, seg.end);
  const end = sentence.replace(/[\s.!?…]+$/, (tail) => (/[»"”“’)]/.test(tail) ? tail : '')).length;
  let masked = sentence;
  for (const q of seg.quotes) {
    const a = q.inner.start - s;
    const b = q.inner.end - s;
    masked = masked.slice(0, a) + '_'.repeat(Math.max(0, b - a)) + masked.slice(b);
  }
  const quotes = seg.quotes.map((q) => ({
    ...q,
    start: q.start - s,
    end: q.end - s,
    inner: { start: q.inner.start - s, end: q.inner.end - s },
  }));
  const rel = (x: Span | null) => x && { start: x.start + s, end: x.end + s };
  const whole = trim(sentence, { start: 0, end });
  const toFrame = (f: Omit<Frame, 'span' | 'kind'>): Frame => ({
    ...f,
    span: { start: s, end: seg.end },
    content: rel(f.content)!,
    omit: f.omit.map((o) => rel(o)!),
    speaker: rel(f.speaker),
    cue: rel(f.cue),
    kind: f.speaker ? (quotedShare(quotes, f.content) >= 0.5 ? 'direct' : 'indirect') : 'reported',
  });

  const cues: { start: number; end: number; clitic: Span | null; afterQuoteOnly: boolean }[] = [];
  // The lower-cased sentence for the lower-case patterns, when lower-casing keeps every offset.
  const lowered = masked.toLowerCase().length === masked.length ? masked.toLowerCase() : masked;
  cues.push(...findVerbs(lowered, end, c));
  if (c.afterQuoteOnly) {
    c.afterQuoteOnly.lastIndex = 0;
    for (let m = c.afterQuoteOnly.exec(lowered); m && m.index < end; m = c.afterQuoteOnly.exec(lowered))
      cues.push({ start: m.index, end: m.index + m[0].length, clitic: null, afterQuoteOnly: true });
  }
  cues.sort((a, b) => a.start - b.start);

  for (const cue of cues) {
    const before = masked.slice(0, cue.start);
    const verbText = low(sentence.slice(cue.start, cue.end));
    const gender: Gender = words(verbText).some((w) => c.lower.feminine.has(w)) ? 'f' : null;
    const afterQuote = quotes.some((q) => q.end <= cue.start && /^[\s,—–]*$/.test(masked.slice(q.end, cue.start)));
    const afterComma = /\p{L}.*[,—–]\s*$/u.test(before) || afterQuote;
    if (cue.afterQuoteOnly && !afterQuote) continue;
    // 1. Inversion after the content: '« … », a déclaré X', '…, sagte Scholz', '— …, — заявил он'.
    if (afterComma && words(sentence.slice(0, cue.start).replace(/[«»„“”"‹›]/g, ' ')).length >= 2) {
      const speaker = cue.clitic ?? phraseAfter(masked, cue.end, end, c);
      // '"…", completou.', '«…», ha spiegato.': the verb's subject is the speaker named before.
      if (!speaker && afterQuote && !/\p{L}/u.test(masked.slice(cue.end, end).replace(/[_«»„“”"]/g, ''))) {
        const content = trim(sentence, { start: 0, end: cue.start });
        return toFrame({ content, omit: [], speaker: null, cue, gender, oblique: false, implicit: true });
      }
      if (speaker) {
        const contentEnd = trim(sentence, { start: 0, end: cue.start }).end;
        const frameEnd = extendToDelimiter(masked, speaker.end, end);
        const more = continuation(masked, quotes, frameEnd, end);
        const content = trim(sentence, { start: 0, end: more ? more.end : contentEnd });
        const omit = more ? [{ start: contentEnd, end: more.start }] : [];
        return toFrame({ content, omit, speaker, cue, gender, oblique: false });
      }
    }
    // 2. Speaker before the verb: 'X a déclaré que…', 'Песков заявил, что…', '"…", Tite disse'.
    const subject = cue.clitic ?? phraseBefore(masked, cue.start, c);
    if (subject) {
      let content = contentAfter(sentence, masked, cue.end, end, c);
      if (!content || words(sentence.slice(content.start, content.end)).length < 2) {
        const lead = trim(sentence, { start: 0, end: subject.start });
        // "Söder hat die Bundesregierung scharf kritisiert": the verb closes the sentence; it is the claim.
        if (words(sentence.slice(lead.start, lead.end)).length >= 2) content = lead;
        else if (words(sentence.slice(0, end)).length >= 5) content = whole;
        else continue;
      }
      return toFrame({ content, omit: [], speaker: subject, cue, gender, oblique: false });
    }
    // 3. Verb first, speaker after it: 'Dazu sagte Scholz, …', 'Как заявил Песков, …', 'Ha detto Conte: «…»'.
    const after = phraseAfter(masked, cue.end, end, c);
    if (after) {
      const rest = extendToDelimiter(masked, after.end, end);
      const content = contentAfter(sentence, masked, rest, end, c);
      if (content && words(sentence.slice(content.start, content.end)).length >= 2)
        return toFrame({ content, omit: [], speaker: after, cue, gender, oblique: false });
    }
  }

  // "According to": 'Selon X, …', '…, selon X.', 'По словам Пескова, …', 'Scholz zufolge …'.
  for (const [re, position] of [
    [c.accordingBefore, 'before'],
    [c.accordingAfter, 'after'],
  ] as const) {
    if (!re) continue;
    re.lastIndex = 0;
    for (let m = re.exec(lowered); m && m.index < end; m = re.exec(lowered)) {
      const marker = { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length };
      const speaker = position === 'before' ? phraseAfter(masked, marker.end, end, c, true) : phraseBefore(masked, marker.start, c);
      if (!speaker) continue;
      const comma = /^\s*,/.exec(masked.slice(speaker.end));
      const frame =
        position === 'before'
          ? { start: marker.start, end: comma ? speaker.end + comma[0].length : speaker.end }
          : { start: speaker.start, end: marker.end };
      // The frame opens or closes the clause: the content is the rest of the sentence.
      const lead = trim(sentence, { start: 0, end: frame.start });
      const tail = trim(sentence, { start: frame.end, end });
      const content = lead.end > lead.start && tail.end > tail.start ? whole : lead.end > lead.start ? lead : tail;
      if (words(sentence.slice(content.start, content.end)).length < 3) continue;
      const omit = content === whole ? [frame] : [];
      return toFrame({ content, omit, speaker, cue: marker, gender: null, oblique: position === 'before' });
    }
  }
  return toFrame({ content: whole, omit: [], speaker: null, cue: null, gender: null, oblique: false });
}

interface Cue {
  start: number;
  end: number;
  clitic: Span | null;
  afterQuoteOnly: boolean;
}

/**
 * Reporting verbs by word lookup (a pattern of hundreds of alternatives is slow to run): a verb phrase
 * ("déclare", "fait valoir"), an auxiliary and a participle up to three words apart ("a déclaré", "hat am
 * Montag gesagt"), either with an attached pronoun ("explique-t-il", "a-t-elle ajouté").
 */
function findVerbs(lowered: string, end: number, c: Compiled): Cue[] {
  const toks: { text: string; start: number; end: number }[] = [];
  const re = /[\p{L}’'-]+/gu;
  for (let m = re.exec(lowered); m && m.index < end; m = re.exec(lowered))
    toks.push({ text: m[0].replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  const cues: Cue[] = [];
  // "explique-t-il" → "explique" and the pronoun "il".
  const split = (t: { text: string; start: number }) => {
    const m = /^(.+?)(?:-t)?-(\p{L}+)$/u.exec(t.text);
    if (m && c.pronounSet.has(m[2]))
      return { base: m[1], clitic: { start: t.start + t.text.length - m[2].length, end: t.start + t.text.length } };
    return { base: t.text, clitic: null };
  };
  /** The longest phrase of `set` starting at token i: its last token's index, or -1. */
  const phraseAt = (i: number, set: Set<string>, first: string) => {
    for (let n = Math.min(c.longestVerb, toks.length - i); n >= 1; n--) {
      const words = [first, ...toks.slice(i + 1, i + n).map((t) => t.text)].join(' ');
      if (set.has(words)) return i + n - 1;
    }
    return -1;
  };
  for (let i = 0; i < toks.length; i++) {
    const { base, clitic } = split(toks[i]);
    if (c.auxiliarySet.has(base)) {
      let found = -1;
      for (let j = i + 1; j <= i + 4 && j < toks.length && found < 0; j++) found = phraseAt(j, c.participleSet, toks[j].text);
      if (found >= 0) {
        cues.push({ start: toks[i].start, end: toks[found].end, clitic, afterQuoteOnly: false });
        i = found;
        continue;
      }
    }
    const last = phraseAt(i, c.verbSet, base);
    if (last < 0) continue;
    const tail = last > i ? split(toks[last]) : { clitic };
    cues.push({ start: toks[i].start, end: toks[last].end, clitic: tail.clitic, afterQuoteOnly: false });
    i = last;
  }
  return cues;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

function quotedShare(quotes: Quote[], content: Span): number {
  const inside = quotes.reduce((sum, q) => sum + Math.max(0, Math.min(q.end, content.end) - Math.max(q.start, content.start)), 0);
  return inside / Math.max(1, content.end - content.start);
}

/** The speaker phrase right after a cue: up to the next punctuation, a quote or "que"/"dass"/"что". */
function phraseAfter(masked: string, from: number, end: number, c: Compiled, allowLower = false): Span | null {
  let start = from;
  const lead = /^\s+/.exec(masked.slice(start))?.[0].length ?? 0;
  start += lead;
  // Skip weekdays and adverbs between the verb and its subject ("a déclaré mardi la ministre").
  for (;;) {
    const w = /^([\p{L}’'-]+)\s+/u.exec(masked.slice(start, end));
    if (!w || c.complementizer.test(masked.slice(start, end))) break;
    const lw = low(w[1]);
    if (!c.lower.functionWords.has(lw) || c.lower.determiners.has(lw) || isPronoun(lw, c) || c.lower.honorifics.has(lw)) break;
    if (allowLower) break;
    start += w[0].length;
  }
  const tail = masked.slice(start, end);
  if (c.complementizer.test(tail)) return null;
  const limit = Math.min(delimiterIn(tail), headEnd(tail, c));
  const ws = tail.slice(0, limit);
  const compAt = c.complementizerInside.exec(ws);
  const stop = start + (compAt ? compAt.index : limit);
  // "M. Dupont" keeps its period.
  const span = trimWords({ start, end: stop }, masked);
  if (span.end <= span.start || masked.slice(span.start, span.end).includes('_')) return null;
  // "sagte er der Deutschen Presse-Agentur": a pronoun subject, then the verb's object.
  const first = /^[\p{L}]+/u.exec(masked.slice(span.start, span.end))?.[0] ?? '';
  if (isPronoun(low(first), c)) return { start: span.start, end: span.start + first.length };
  const phrase = masked.slice(span.start, span.end);
  if (!isSpeakerPhrase(phrase, c)) return null;
  // A role followed by the name in apposition: "la ministre de la Santé, Agnès Buzyn".
  const appos = /^,\s*(\p{Lu}[\p{L}’'-]*(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|da|di|von|van|del|dos|das))*)\s*(?=[,.;!?]|$)/u.exec(
    masked.slice(span.end, end),
  );
  if (appos) return { start: span.start, end: span.end + appos[0].trimEnd().length };
  return span;
}

/** The first punctuation that ends a phrase; the period of "M.", "Sra." or an initial does not. */
function delimiterIn(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (!DELIMITER.test(text[i])) continue;
    if (text[i] === '.' && /(?:^|[\s(])\p{Lu}\p{L}{0,3}$/u.test(text.slice(0, i)) && /^\.\s+\p{Lu}/u.test(text.slice(i))) continue;
    return i;
  }
  return text.length;
}

/**
 * Where a speaker phrase ends before an adverbial ("le chef de l'État | devant la presse", "Tite | em
 * entrevista", "ein Sprecher | am Abend", "министр | журналистам"): at the first function word after
 * the phrase has its head, unless it is a particle or article of a complement ("de la", "des").
 * German, with no commas around "laut X", ends the phrase at its first verb-like lower-case word.
 */
function headEnd(text: string, c: Compiled): number {
  const re = /[\p{L}’'.-]+/gu;
  let head = false;
  let named = false;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = low(m[0]).replace(/\.$/, '');
    const particle = c.lower.particles.has(w) || c.lower.determiners.has(w) || /^(?:d|l|dell|all)'$/.test(w);
    // "l'assessora alla Mobilità Arianna Censi": a bare role goes on into its complement.
    const complementAhead = !named && /^\p{Lu}/u.test(nextWord(text, m.index + m[0].length));
    if (head && c.lower.functionWords.has(w) && !particle && !c.lower.honorifics.has(w) && !complementAhead) return m.index;
    const adjective = /(?:e|en|er|es|em)$/.test(w) && /^\p{Lu}/u.test(nextWord(text, m.index + m[0].length));
    if (head && c.profile.capitalisedNouns && /^\p{Ll}/u.test(m[0]) && !particle && !adjective) return m.index;
    if (/^\p{Lu}/u.test(m[0]) || c.lower.roles.some((r) => w === r || w.endsWith(r)) || isPronoun(w, c)) head = true;
    if (/^\p{Lu}/u.test(m[0])) named = true;
  }
  return text.length;
}

function nextWord(text: string, from: number): string {
  return /^\s*([\p{L}’'-]*)/u.exec(text.slice(from))?.[1] ?? '';
}

function trimWords(span: Span, text: string): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  // A trailing period belongs to an honorific or initial ("M.") only.
  if (text[end - 1] === '.' && !/(?:^|\s)\p{Lu}\p{L}{0,3}\.$/u.test(text.slice(start, end))) end--;
  return { start, end };
}

function isPronoun(w: string, c: Compiled): boolean {
  return c.lower.masculinePronouns.has(w) || c.lower.femininePronouns.has(w) || c.lower.pluralPronouns.has(w);
}

/** The speaker phrase before a verb: the last chunk after punctuation or a quote, without a conjunction. */
function phraseBefore(masked: string, at: number, c: Compiled): Span | null {
  const prefix = masked.slice(0, at);
  let cut = -1;
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (DELIMITER.test(prefix[i]) && !(prefix[i] === '.' && /(?:^|\s)\p{Lu}\p{L}{0,3}$/u.test(prefix.slice(0, i)))) {
      cut = i;
      break;
    }
  }
  let span = trimWords({ start: cut + 1, end: at }, masked);
  const first = /^([\p{L}’'-]+)\s+/u.exec(masked.slice(span.start, span.end));
  if (first && CONJUNCTIONS.has(low(first[1]))) span = { start: span.start + first[0].length, end: span.end };
  // "Он также", "Ela também": a pronoun and adverbs; the pronoun is the speaker.
  const pronounFirst = /^([\p{L}]+)((?:\s+[\p{L}]+){1,2})$/u.exec(masked.slice(span.start, span.end));
  if (pronounFirst && isPronoun(low(pronounFirst[1]), c) && words(pronounFirst[2]).every((w) => /^\p{Ll}/u.test(w)))
    return { start: span.start, end: span.start + pronounFirst[1].length };
  const phrase = masked.slice(span.start, span.end);
  // A clause with a complementizer or relative pronoun is content, not a speaker.
  const clause = words(phrase).some((w) => /^(?:que|qui|dass|что|который|которая|che|quien|cual)$/i.test(w));
  if (span.end > span.start && !phrase.includes('_') && !clause && isSpeakerPhrase(phrase, c)) return span;
  // "Agnès Buzyn, la ministre de la Santé, a déclaré…", "Песков, который…, заявил": the sentence's
  // first chunk, before an apposition or relative clause, when the verb follows a comma.
  const opening = /^[\s—–-]*([^,_]{2,80}?),(?:\s*(\p{Lu}[^,_]{1,60}?),)?/u.exec(masked);
  if (opening && /,\s*$/.test(prefix) && words(opening[1]).length <= 10 && isSpeakerPhrase(opening[1], c)) {
    const start = opening[0].indexOf(opening[1]);
    // "La ministre de la Santé, Agnès Buzyn, a annoncé": the role and the name in apposition.
    const appositionEnd =
      opening[2] && opening[0].length === prefix.trimEnd().length ? opening[0].length - 1 : start + opening[1].trimEnd().length;
    return { start, end: appositionEnd };
  }
  return null;
}

/** Past the rest of a speaker phrase's tail ("…, a déclaré X mardi à Paris,") to the next delimiter. */
function extendToDelimiter(masked: string, from: number, end: number): number {
  const cut = masked.slice(from, end).search(/[,;:«„“"‹—–]/);
  return cut < 0 ? end : from + cut;
}

/** A quotation that goes on after a mid-sentence frame ("« … », a-t-il ajouté, « … »"). */
function continuation(masked: string, quotes: Quote[], from: number, end: number): Span | null {
  const next = quotes.find((q) => q.start >= from && q.start < end);
  if (!next || masked.slice(from, next.start).replace(/[\s,;:—–-]/g, '')) return null;
  return { start: next.start, end: Math.max(...quotes.filter((q) => q.start >= next.start).map((q) => q.end)) };
}

/** The reported content after a verb: after "que"/"dass"/"что" a few words on, or after ":" or ",". */
function contentAfter(sentence: string, masked: string, from: number, end: number, c: Compiled): Span | null {
  const rest = masked.slice(from, end);
  const m = c.complementizerAnywhere.exec(rest);
  if (m && words(rest.slice(0, m.index)).length <= 8 && !/[.;]/.test(rest.slice(0, m.index))) {
    return trim(sentence, { start: from + m.index + m[0].length, end });
  }
  const colon = /^[^.;]{0,80}?[:,]\s*/.exec(rest);
  if (colon && words(rest.slice(0, colon[0].length)).length <= 8) return trim(sentence, { start: from + colon[0].length, end });
  return trim(sentence, { start: from, end });
}
