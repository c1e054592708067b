// The one algorithm for every language profile in this folder: sentences and quotations (segment.ts),
// the attribution frame of each sentence (frames.ts), names (entities.ts), speakers resolved to names
// (resolve.ts), and a statement in the source's own words that passes ../faithful.ts.
import { claimEntities } from '../claimants';
import { shippedScorer } from '../checkworthy/model';
import { claimDates } from '../dates';
import { faithfulness } from '../faithful';
import type { ExtractInput, ExtractResult, ProposedClaim } from '../index';
import { compile, low, type Compiled } from './compile';
import { findNames, type SpeakerHint } from './entities';
import { analyse, type Frame, type Span } from './frames';
import type { LanguageProfile } from './profile';
import { SpeakerResolver, type Resolved } from './resolve';
import { segmentIn } from './segment';

/** A proposal, with how its claimant was found when it is not named in the sentence. */
export interface LanguageClaim extends ProposedClaim {
  /** The claimant stands for a pronoun or role as written ("elle", "la ministre"): shown as resolved, not read. */
  resolution: { written: string; via: 'pronoun' | 'role' | 'quote' } | null;
}

const ATTRIBUTION_WEIGHT = 0.5;
const QUOTE_MARKS = /["“”«»„‹›‚]/g;

function score(sentences: string[]): number[] {
  const scorer = shippedScorer();
  return sentences.map((s) => scorer.score(s));
}

function datelineAgency(text: string): string | null {
  return (
    /^\s*[\p{Lu}][\p{L}\d .,'’-]{1,60}?\((AFP|AP|Reuters|dpa|Xinhua|Yonhap|UPI|EFE|ANSA|Bloomberg|Lusa|Belga|APA|ТАСС|РИА Новости|Интерфакс)\)\s*[-–—]/u.exec(
      text,
    )?.[1] ?? null
  );
}

export function extractInLanguage(input: ExtractInput, profile: LanguageProfile, threshold: number): ExtractResult {
  const c = compile(profile);
  const { text } = input;
  const segments = segmentIn(text, c);
  const frames = segments.map((seg) => (seg.isCaption ? null : analyse(text, seg, c)));
  const hints: SpeakerHint[] = frames.flatMap((f) => (f?.speaker ? [{ ...f.speaker, gender: f.gender, oblique: f.oblique }] : []));
  const { mentions, entities } = findNames(text, segments, c, hints);
  const sentenceTexts = segments.map((s) => text.slice(s.start, s.end));
  const scores = score(sentenceTexts);
  const agency = input.wireAgency?.trim() || datelineAgency(text);
  const resolver = new SpeakerResolver(
    text,
    mentions,
    entities,
    c,
    segments.flatMap((s) => s.quotes),
  );
  const claims: LanguageClaim[] = [];
  let lastQuote: { claimant: Resolved; paragraph: number } | null = null;
  segments.forEach((seg, i) => {
    const frame = frames[i];
    if (!frame) return;
    let claimant = frame.speaker ? resolver.resolve(frame.speaker, frame.gender) : frame.implicit ? resolver.implicit() : null;
    if (frame.implicit && claimant) frame.kind = 'direct';
    let kind = claimant ? frame.kind : 'reported';
    let resolution: LanguageClaim['resolution'] =
      claimant && claimant.via !== 'name' && claimant.via !== 'phrase' ? { written: claimant.written, via: claimant.via } : null;
    // A quotation with no speaker right after a quoted speaker's goes on with the same speaker.
    const quoted = seg.quotes.length > 0 && seg.quotes[0].start <= seg.start + 1;
    if (!claimant && quoted && lastQuote && seg.paragraph - lastQuote.paragraph <= 1) {
      claimant = lastQuote.claimant;
      kind = 'direct';
      resolution = { written: '', via: 'quote' };
    }
    if (claimant && kind === 'direct') lastQuote = { claimant, paragraph: seg.paragraph };
    const isPerson = claimant?.entity != null && entities[claimant.entity].type === 'person';
    const statement = statementFor(text, frame, claimant, isPerson, c);
    if (!statement) return;
    const sentenceScore = scores[i];
    const substantial = statement.split(/\s+/).length >= 5 && !/\?$/.test(statement);
    const claimScore =
      claimant && substantial ? 1 - (1 - Math.max(sentenceScore, score([statement])[0])) * (1 - ATTRIBUTION_WEIGHT) : sentenceScore;
    if (claimScore < threshold) return;
    const content = text.slice(frame.content.start, frame.content.end);
    const frameText = text.slice(frame.span.start, frame.content.start) + ' ' + text.slice(frame.content.end, frame.span.end);
    const { date, resolveBy } = claimDates(content, frameText, input.published);
    claims.push({
      quote: text.slice(frame.span.start, frame.span.end),
      start: frame.span.start,
      end: frame.span.end,
      statement,
      claimant: claimant?.name.slice(0, 300) ?? null,
      attribution: chain(claimant, input, agency, resolution, frame.cue && text.slice(frame.cue.start, frame.cue.end)),
      kind,
      score: claimScore,
      entities: claimEntities(mentions, entities, frame, claimant),
      date,
      resolveBy,
      resolution,
    });
  });
  return {
    claims,
    entities: entities.map(({ name, type, aliases }) => ({ name, type, aliases })),
    sentences: segments.map((s, i) => ({ start: s.start, end: s.end, score: scores[i], isCaption: s.isCaption })),
  };
}

/**
 * Speaker → agency → outlet. The speaker hop carries the cue as written ("a déclaré", "selon") and, when
 * the claimant was resolved, the phrase as written ("elle", "la ministre"); a speaker taken from the
 * verb's missing subject ('"…", completou') is marked unsure until the researcher confirms it.
 */
function chain(
  claimant: Resolved | null,
  input: ExtractInput,
  agency: string | null,
  resolution: LanguageClaim['resolution'],
  cue: string | null,
): ProposedClaim['attribution'] {
  const hops: ProposedClaim['attribution'] = [];
  if (claimant) {
    const speaker: ProposedClaim['attribution'][number] = { name: claimant.name.slice(0, 300), role: 'speaker' };
    if (cue) speaker.cue = cue.slice(0, 300);
    if (resolution?.written && resolution.written !== claimant.name) speaker.as = resolution.written.slice(0, 300);
    if (resolution?.via === 'pronoun' && !resolution.written) speaker.unsure = true;
    hops.push(speaker);
  }
  if (agency && !hops.some((h) => h.name === agency)) hops.push({ name: agency, role: 'agency' });
  if (input.outlet && input.outlet !== agency) hops.push({ name: input.outlet.slice(0, 300), role: 'outlet' });
  return hops;
}

function without(text: string, span: Span, omit: Span[]): string {
  let out = '';
  let cursor = span.start;
  for (const o of [...omit].sort((a, b) => a.start - b.start)) {
    if (o.end <= cursor || o.start >= span.end) continue;
    out += text.slice(cursor, Math.max(cursor, o.start));
    cursor = Math.max(cursor, o.end);
  }
  return out + text.slice(cursor, span.end);
}

/** The content as a sentence of its own: quote marks and dialogue dashes out, a leading pronoun of reported speech as "[Name]". */
function build(text: string, span: Span, omit: Span[], c: Compiled, pronounFor: string | null): string {
  let s = without(text, span, omit)
    .replace(QUOTE_MARKS, ' ')
    .replace(/(^|\s)[—–]+(?=\S)/g, '$1')
    .replace(/(\S)[—–]+(?=[\s,.;:]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,;:—–-]\s*/, '');
  if (pronounFor) {
    const first = /^(\p{L}+)(?=\s)/u.exec(s);
    if (first && (c.lower.masculinePronouns.has(low(first[1])) || c.lower.femininePronouns.has(low(first[1]))))
      s = `[${pronounFor}]` + s.slice(first[1].length);
  }
  s = s.replace(/[\s,;:—–-]+$/, '');
  if (!s) return '';
  if (!/[.!?…]['’‘"”»“)]*$/.test(s)) s += '.';
  return s[0].toUpperCase() + s.slice(1);
}

/** The first faithful wording: the content (with "[Name]" for its subject pronoun), the content as written, the sentence. */
function statementFor(text: string, frame: Frame, claimant: Resolved | null, isPerson: boolean, c: Compiled): string {
  const quote = text.slice(frame.span.start, frame.span.end);
  const reported = frame.kind === 'indirect' && frame.speaker !== null && frame.speaker.end <= frame.content.start;
  const pronounFor = claimant && isPerson && reported ? claimant.name : null;
  const candidates = [
    build(text, frame.content, frame.omit, c, pronounFor),
    build(text, frame.content, [], c, null),
    build(text, frame.span, [], c, null),
  ];
  return candidates.find((s) => s && faithfulness(quote, s).faithful) ?? '';
}
