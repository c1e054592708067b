// Reading claims from SQL rows, and the checks shared by every claim write.
import { AppError } from '../../../shared/errors';
import type { Claim, ClaimRow } from '../../../shared/domain';
import { findScale, findVerdict } from '../../../shared/verdicts';
import type { RepoBase } from './context';
import { CLAIM, decodeRow, jsonFields, selectList } from '../schema';
import { getArticle } from './articles';

/** The claim record's columns (schema/claims.ts), named by field: `c.article_id AS "articleId", …`. */
export const CLAIM_COLUMNS = selectList(CLAIM, 'c');

/** A claim marked conflict by team sync: the other device's version is kept in sync_doc until a researcher picks. */
export const IN_CONFLICT = "c.id IN (SELECT local_id FROM sync_doc WHERE kind = 'claim' AND conflict IS NOT NULL)";

export const CLAIM_ROW_COLUMNS = `${CLAIM_COLUMNS}, a.title AS articleTitle, a.outlet, a.published,
  EXISTS (SELECT 1 FROM sync_doc s WHERE s.kind = 'claim' AND s.local_id = c.id AND s.conflict IS NOT NULL) AS conflict`;

type Raw<T> = Omit<T, 'attribution' | 'tags'> & { attribution: string; tags: string };
const CLAIM_JSON = jsonFields(CLAIM);

/** A claim (or claim row) read with CLAIM_COLUMNS, its JSON columns (attribution, tags) decoded. */
export function toClaim<T extends Claim | ClaimRow>(row: Raw<T>): T {
  const claim = decodeRow<T>(CLAIM, row, CLAIM_JSON);
  // A row read with CLAIM_ROW_COLUMNS says whether the claim is in conflict (SQLite's 0/1).
  if ('conflict' in claim) (claim as ClaimRow).conflict = (claim as { conflict: unknown }).conflict === 1;
  return claim;
}

/** A claim that exists and is not deleted. */
export function getClaim(ctx: RepoBase, id: number): Claim {
  const row = ctx.sql.get<Raw<Claim> & { deletedAt: string | null }>(
    `SELECT ${CLAIM_COLUMNS}, c.deleted_at AS deletedAt FROM claim c WHERE c.id = ?`,
    [id],
  );
  if (!row) throw new AppError('NOT_FOUND', `Claim ${id} does not exist.`);
  if (row.deletedAt) throw new AppError('NOT_FOUND', `Claim ${id} is deleted (restore it to see it).`);
  const { deletedAt: _deleted, ...claim } = row;
  return toClaim<Claim>(claim);
}

export function assertVerdict(scale: string, verdict: string | null): void {
  const def = findScale(scale);
  if (!def) throw new AppError('INVALID_ARGUMENT', `Unknown verdict scale "${scale}".`);
  if (verdict !== null && !findVerdict(scale, verdict)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `"${verdict}" is not a verdict on the ${def.label} scale (use one of: ${def.verdicts.map((v) => v.key).join(', ')}).`,
    );
  }
}

/** Tags trimmed, without case-insensitive duplicates, first spelling kept. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export interface Span {
  articleId: number | null;
  quote: string;
  start: number | null;
  end: number | null;
}

/**
 * A quote is a verbatim span of its article: offsets must lie within the text and, when a quote is
 * given too, select exactly it. Returns the quote (filled in from the text when left empty).
 */
export function checkSpan(ctx: RepoBase, span: Span): string {
  if (span.start === null && span.end === null) return span.quote;
  if (span.start === null || span.end === null) throw new AppError('INVALID_ARGUMENT', 'A quote span needs both start and end offsets.');
  if (span.articleId === null) throw new AppError('INVALID_ARGUMENT', 'Quote offsets need an article to point into.');
  if (span.end < span.start) throw new AppError('INVALID_ARGUMENT', `The quote span ends (${span.end}) before it starts (${span.start}).`);
  const text = getArticle(ctx, span.articleId, true).text;
  if (span.end > text.length)
    throw new AppError(
      'INVALID_ARGUMENT',
      `The quote span ${span.start}–${span.end} lies beyond the article text (${text.length} characters).`,
    );
  const slice = text.slice(span.start, span.end);
  if (span.quote && span.quote !== slice) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `The quote does not match the article text at ${span.start}–${span.end} (the text there reads "${slice.slice(0, 80)}").`,
    );
  }
  return slice;
}
