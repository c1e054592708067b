// Claim extraction: after import, Claimdesk proposes the article's check-worthy claims with exact
// offsets, claimant, attribution chain, entities and dates; the researcher accepts, edits or rejects.
import { AppError } from '../../shared/errors';
import type { AttributionHop, ClaimKind, EntityRole, EntityType } from '../../shared/domain';
import { analyseSentence, type ClaimShape } from './attribution';
import { ClaimantResolver, claimEntities, type Resolved } from './claimants';
import { shippedScorer } from './checkworthy/model';
import { claimDates } from './dates';
import { findEntities, type ArticleEntity } from './entities';
import { segment, type Segment } from './segment';
import { isFirstPersonNarrative } from './not-claim';
import { faithfulStatement } from './statement';
import { extractInLanguage, languageProfile } from './languages';

export interface ExtractInput {
  text: string;
  published?: string | null;
  language?: string | null;
  wireAgency?: string | null;
  outlet?: string | null;
}

export interface ProposedClaim {
  quote: string;
  start: number;
  end: number;
  statement: string;
  claimant: string | null;
  attribution: AttributionHop[];
  kind: ClaimKind;
  score: number;
  entities: { name: string; type: EntityType; role: EntityRole; aliases?: string[] }[];
  date: string | null;
  resolveBy: string | null;
}

export interface ExtractResult {
  claims: ProposedClaim[];
  entities: ArticleEntity[];
  sentences: { start: number; end: number; score: number; isCaption: boolean }[];
}

export const DEFAULT_THRESHOLD = 0.5;
/**
 * A statement attributed to a named claimant is on the record and checkable ("did they say it, is it
 * true?"), evidence the sentence model cannot see: its score becomes 1 - (1 - p)(1 - weight).
 */
export const ATTRIBUTION_WEIGHT = 0.5;
const MAX_TEXT = 5_000_000;

/** Check-worthiness in [0,1] per sentence (also the `claimdesk checkworthy` command). */
export function scoreSentences(sentences: string[]): number[] {
  const scorer = shippedScorer();
  return sentences.map((s) => scorer.score(String(s)));
}

export function splitSentences(text: string): { start: number; end: number }[] {
  return segment(checkText(text)).map(({ start, end }) => ({ start, end }));
}

function checkText(text: unknown): string {
  if (typeof text !== 'string') throw new AppError('INVALID_ARGUMENT', 'Claim extraction needs the article text as a string');
  if (text.length > MAX_TEXT)
    throw new AppError('TOO_LARGE', `The article text is ${text.length} characters; claim extraction handles up to ${MAX_TEXT}`);
  return text;
}

function checkInput(input: ExtractInput, threshold: number): void {
  if (typeof input !== 'object' || input === null) throw new AppError('INVALID_ARGUMENT', 'Claim extraction needs { text, published? }');
  checkText(input.text);
  if (input.published != null && (typeof input.published !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(input.published))) {
    throw new AppError('INVALID_ARGUMENT', `Publication date "${input.published}" is not an ISO date (YYYY-MM-DD)`);
  }
  if (!(threshold >= 0 && threshold <= 1)) throw new AppError('INVALID_ARGUMENT', `Threshold ${threshold} is outside [0, 1]`);
}

/** A wire credit in a dateline ("SEOUL, Oct 25 (AFP) -") when the metadata names none. */
function datelineAgency(text: string): string | null {
  return /^\s*[A-Z][A-Za-z\d .,'’-]{1,60}?\((AFP|AP|Reuters|dpa|Xinhua|Yonhap|UPI|EFE|ANSA|Bloomberg)\)\s*[-–—]/.exec(text)?.[1] ?? null;
}

/** The speaker hop shows its cue ("said") and, when resolved, the phrase as written ("he") and any doubt. */
function speakerHop(claimant: Resolved, cue: string | null): AttributionHop {
  return {
    name: claimant.name,
    role: 'speaker',
    ...(cue ? { cue: cue.slice(0, 300) } : {}),
    ...(claimant.phrase && claimant.phrase !== claimant.name ? { as: claimant.phrase.slice(0, 300) } : {}),
    ...(claimant.unsure ? { unsure: true } : {}),
  };
}

function chain(
  claimant: Resolved | null,
  medium: Resolved | null,
  input: ExtractInput,
  agency: string | null,
  cue: string | null = null,
): AttributionHop[] {
  const hops: AttributionHop[] = [];
  if (claimant) hops.push(speakerHop(claimant, cue));
  if (medium && medium.name !== claimant?.name) hops.push({ name: medium.name, role: 'medium' });
  if (agency && !hops.some((h) => h.name === agency)) hops.push({ name: agency, role: 'agency' });
  if (input.outlet && input.outlet !== agency) hops.push({ name: input.outlet, role: 'outlet' });
  return hops.map((h) => ({ ...h, name: h.name.slice(0, 300) }));
}

/**
 * How check-worthy the article's own narrative is: the median score of its sentences that quote no one
 * (no quotation marks, not captions). A named person's on-the-record statement should rank with it.
 */
function backgroundLevel(sentences: string[], scores: number[], captions: boolean[]): number {
  const narrative = scores.filter((_, i) => !captions[i] && !/["“”]/.test(sentences[i])).sort((a, b) => a - b);
  if (narrative.length === 0) return ATTRIBUTION_WEIGHT;
  const mid = narrative.length >> 1;
  return narrative.length % 2 ? narrative[mid] : (narrative[mid - 1] + narrative[mid]) / 2;
}

/**
 * An attributed claim is scored on what is claimed, not on "he said" (which the model likes): a short
 * or questioning statement keeps the statement's own score; a substantial one gets the attribution prior,
 * which for a named person is at least the article's background level (the sentence model, trained on
 * debate transcripts, reads an official's quoted "I think it will be…" as chatter, but in the news it is
 * the record the researcher is tracking).
 */
function claimScore(spanScore: number, statement: string, attributed: boolean, namedPerson: boolean, background: number): number {
  if (!attributed) return spanScore;
  const statementScore = scoreSentences([statement])[0];
  const substantial = statement.split(/\s+/).length >= 5 && !/\?$/.test(statement);
  const prior = namedPerson ? Math.max(ATTRIBUTION_WEIGHT, background) : ATTRIBUTION_WEIGHT;
  return substantial ? 1 - (1 - Math.max(spanScore, statementScore)) * (1 - prior) : statementScore;
}

/** Whether a quotation is still open at the end of the sentence (its closing mark comes in a later one). */
function quoteLeftOpen(sentence: string, openBefore: boolean): boolean {
  const marks = sentence.replace(/''|``/g, '"').match(/["“”]/g)?.length ?? 0;
  return marks % 2 === 1 ? !openBefore : openBefore;
}

export function extractClaims(input: ExtractInput, opts: { threshold?: number } = {}): ExtractResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  checkInput(input, threshold);
  // French, Spanish, Portuguese, German, Russian, Italian…: their quote marks, verbs and word order.
  const profile = languageProfile(input.language);
  if (profile) return extractInLanguage(input, profile, threshold);
  const { text } = input;
  const segments = segment(text);
  const { mentions, entities } = findEntities(text, segments);
  const sentenceTexts = segments.map((s) => text.slice(s.start, s.end));
  const scores = scoreSentences(sentenceTexts);
  const background = backgroundLevel(
    sentenceTexts,
    scores,
    segments.map((s) => s.isCaption),
  );
  const agency = input.wireAgency?.trim() || datelineAgency(text);
  const resolver = new ClaimantResolver(text, mentions, entities);
  const claims: ProposedClaim[] = [];
  // The speaker of the last direct quote: an unattributed quote right after it continues it.
  let lastQuote: { claimant: Resolved; paragraph: number; open: boolean } | null = null;
  segments.forEach((seg, i) => {
    if (seg.isCaption) return;
    for (const shape of analyseSentence(text.slice(seg.start, seg.end))) {
      const claim = toClaim(seg, shape, scores[i]);
      if (claim && claim.score >= threshold) claims.push(claim);
    }
  });
  return {
    claims,
    entities,
    sentences: segments.map((s, i) => ({ start: s.start, end: s.end, score: scores[i], isCaption: s.isCaption })),
  };

  function toClaim(seg: Segment, shape: ClaimShape, sentenceScore: number): ProposedClaim | null {
    const abs = (s: { start: number; end: number } | null) => s && { start: seg.start + s.start, end: seg.start + s.end };
    const sentence = text.slice(seg.start, seg.end);
    const span = abs(shape.span)!;
    // A quote that goes on from the sentence before ('said: "A. B."'), or a new quote paragraph right after one.
    const continued =
      !shape.speaker && lastQuote && (/^\s*(?:["“]|'')/.test(sentence) || lastQuote.open) && seg.paragraph - lastQuote.paragraph <= 1;
    const cue = continued ? null : shape.cue && sentence.slice(shape.cue.start, shape.cue.end);
    const claimant = continued ? lastQuote!.claimant : resolver.resolve(abs(shape.speaker));
    const kind: ClaimKind = continued ? 'direct' : claimant ? shape.kind : 'reported';
    if (claimant && (kind === 'direct' || /["“”]|''/.test(sentence)))
      lastQuote = { claimant, paragraph: seg.paragraph, open: quoteLeftOpen(sentence, lastQuote?.open ?? false) };
    else if (lastQuote)
      lastQuote = seg.paragraph === lastQuote.paragraph ? { ...lastQuote, open: quoteLeftOpen(sentence, lastQuote.open) } : null;
    const medium = resolver.resolve(abs(shape.medium), false);
    const personClaimant = claimant?.entity != null && entities[claimant.entity].type === 'person';
    const statement = faithfulStatement(sentence, shape, claimant?.name ?? null, personClaimant);
    if (!statement || (!claimant && isFirstPersonNarrative(sentence.slice(shape.content.start, shape.content.end)))) return null;
    const isWholeSentence = span.start === seg.start && span.end >= seg.end - 1;
    const content = sentence.slice(shape.content.start, shape.content.end);
    const score = claimScore(
      isWholeSentence ? sentenceScore : scoreSentences([text.slice(span.start, span.end)])[0],
      statement,
      claimant !== null,
      personClaimant,
      background,
    );
    const attributionText = sentence.slice(shape.span.start, shape.content.start) + ' ' + sentence.slice(shape.content.end, shape.span.end);
    const { date, resolveBy } = claimDates(content, attributionText, input.published);
    return {
      quote: text.slice(span.start, span.end),
      ...span,
      statement,
      claimant: claimant?.name ?? null,
      attribution: chain(claimant, medium, input, agency, cue),
      kind,
      score,
      entities: claimEntities(mentions, entities, { span, content: abs(shape.content)!, speaker: abs(shape.speaker) }, claimant),
      date,
      resolveBy,
    };
  }
}
