// Reviewing extraction suggestions: accept (creating the claim with its entities), reject, accept
// everything above a score, undo/redo of those decisions, and a claim draft for a selected span.
import type { z } from 'zod';
import type { Archive, ArchiveTx } from '../archive';
import { extractClaims, type ProposedClaim } from '../extraction';
import { toNewClaim } from '../extraction/suggest';
import { AppError } from '../../shared/errors';
import { NewClaim, type Claim, type ClaimDraft, type Suggestion, type SuggestionDecision, type SuggestionEdits } from '../../shared/domain';

type ClaimInput = z.output<typeof NewClaim>;

function findSuggestion(archive: Archive, articleId: number, id: number): Suggestion {
  archive.articles.get(articleId);
  const found = archive.suggestions.list(articleId).find((s) => s.id === id);
  if (!found) throw new AppError('NOT_FOUND', `Suggestion ${id} does not exist for article ${articleId}.`);
  return found;
}

function assertPending(s: Suggestion): void {
  if (s.state !== 'pending') throw new AppError('CONFLICT', `Suggestion ${s.id} was already ${s.state}.`);
}

/** Inside a transaction: the claim made from a suggestion, and the suggestion marked accepted. */
function acceptIn(tx: ArchiveTx, s: Suggestion, edits?: SuggestionEdits): number {
  const claim = tx.claims.insert(toClaimInput({ ...s.payload, ...edits, articleId: s.articleId }));
  tx.suggestions.setState(s.id, 'accepted', claim.id);
  return claim.id;
}

export async function acceptSuggestion(
  archive: Archive,
  articleId: number,
  id: number,
  edits?: SuggestionEdits,
): Promise<{ suggestion: Suggestion; claim: Claim }> {
  const s = findSuggestion(archive, articleId, id);
  assertPending(s);
  const claimId = await archive.transaction((tx) => acceptIn(tx, s, edits));
  return { suggestion: findSuggestion(archive, articleId, id), claim: archive.claims.get(claimId) };
}

export async function rejectSuggestion(archive: Archive, articleId: number, id: number): Promise<Suggestion> {
  assertPending(findSuggestion(archive, articleId, id));
  return archive.suggestions.setState(id, 'rejected');
}

export async function acceptAbove(
  archive: Archive,
  articleId: number,
  threshold: number,
): Promise<{ accepted: { suggestionId: number; claimId: number }[] }> {
  archive.articles.get(articleId);
  const chosen = archive.suggestions.list(articleId, 'pending').filter((s) => (s.payload.score ?? 0) >= threshold);
  const accepted = await archive.transaction((tx) => chosen.map((s) => ({ suggestionId: s.id, claimId: acceptIn(tx, s) })));
  return { accepted };
}

/** Puts decisions back (undo) or replays them (redo) without creating duplicate claims. */
export async function revertDecisions(archive: Archive, articleId: number, decisions: SuggestionDecision[]): Promise<Suggestion[]> {
  const current = decisions.map((d) => ({ d, s: findSuggestion(archive, articleId, d.id) }));
  await archive.transaction((tx) => {
    for (const { d, s } of current) {
      if (s.state === 'accepted' && s.claimId !== null && s.claimId !== d.claimId) tx.claims.delete(s.claimId);
      if (d.state === 'accepted') {
        if (!d.claimId) throw new AppError('INVALID_ARGUMENT', `Accepting suggestion ${d.id} again needs the claim it created.`);
        if (s.claimId !== d.claimId) tx.claims.restore(d.claimId);
      }
      tx.suggestions.setState(d.id, d.state, d.state === 'accepted' ? d.claimId! : undefined);
    }
  });
  return decisions.map((d) => findSuggestion(archive, articleId, d.id));
}

// --- A draft claim for a selected span ---

const CONTEXT_BEFORE = 20_000;
const CONTEXT_AFTER = 2_000;

interface Span {
  start: number;
  end: number;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function bestOverlap<T extends Span>(candidates: T[], span: Span): T | null {
  let best: T | null = null;
  for (const c of candidates) if (overlap(c, span) > 0 && (!best || overlap(c, span) > overlap(best, span))) best = c;
  return best;
}

/** The selection without surrounding white space; an empty one is refused. */
function trimSpan(text: string, start: number, end: number): Span {
  if (start >= end || end > text.length)
    throw new AppError('INVALID_ARGUMENT', `The selection ${start}–${end} is not inside the article (${text.length} characters).`);
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (start === end) throw new AppError('INVALID_ARGUMENT', 'The selection holds only white space: select the words of the claim.');
  return { start, end };
}

/** The selected words as a statement: without the quotation marks around them. */
function plainStatement(quote: string): string {
  return (quote.replace(/^["“”'‘’«»\s]+|["“”'‘’«»\s]+$/g, '') || quote).slice(0, 20_000);
}

/** The whole prefilled statement when the selection covers most of it, else the selected words. */
function statementFor(selection: Span, source: Span & { statement: string }, quote: string): string {
  const covers = overlap(selection, source) >= 0.8 * (source.end - source.start);
  return covers && source.statement ? source.statement : plainStatement(quote);
}

/** Validates a claim assembled here; a failure is the caller's input, reported as such. */
function toClaimInput(value: unknown): ClaimInput {
  const parsed = NewClaim.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_ARGUMENT', `Invalid claim (${issue.path.join('.') || 'claim'}): ${issue.message}`);
  }
  return parsed.data;
}

/** Runs extraction on the text around the selection (enough before it to resolve "he said"). */
function extractAround(archive: Archive, articleId: number, span: Span): ProposedClaim | null {
  const a = archive.articles.get(articleId);
  const from = Math.max(0, span.start - CONTEXT_BEFORE);
  const to = Math.min(a.text.length, span.end + CONTEXT_AFTER);
  const dated = a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published : null;
  const { claims } = extractClaims(
    { text: a.text.slice(from, to), published: dated, wireAgency: a.wireAgency, outlet: a.outlet, language: a.language },
    { threshold: 0 },
  );
  const shifted = claims.map((c) => ({ ...c, start: c.start + from, end: c.end + from }));
  return bestOverlap(shifted, span);
}

/** Extraction is a convenience here: when it fails, the plain selection still makes a claim. */
function tryExtractAround(archive: Archive, articleId: number, span: Span): ProposedClaim | null {
  try {
    return extractAround(archive, articleId, span);
  } catch {
    return null;
  }
}

export function draftFromSpan(archive: Archive, articleId: number, rawStart: number, rawEnd: number): ClaimDraft {
  const { text } = archive.articles.get(articleId);
  const span = trimSpan(text, rawStart, rawEnd);
  const quote = text.slice(span.start, span.end);
  const base = { articleId, quote, start: span.start, end: span.end };

  const stored = archive.suggestions.list(articleId).filter((s) => s.payload.start != null && s.payload.end != null);
  const suggestion = bestOverlap(
    stored.map((s) => ({ s, start: s.payload.start!, end: s.payload.end! })),
    span,
  );
  if (suggestion) {
    const statement = statementFor(span, { ...suggestion, statement: suggestion.s.payload.statement }, quote);
    return { claim: toClaimInput({ ...suggestion.s.payload, ...base, statement }), source: 'suggestion', suggestionId: suggestion.s.id };
  }

  const proposed = tryExtractAround(archive, articleId, span);
  if (proposed) {
    const statement = statementFor(span, proposed, quote);
    const claim = NewClaim.safeParse({ ...toNewClaim(proposed), ...base, statement });
    if (claim.success) return { claim: claim.data, source: 'extraction', suggestionId: null };
  }
  return { claim: toClaimInput({ ...base, statement: plainStatement(quote) }), source: 'selection', suggestionId: null };
}
