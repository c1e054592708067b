// One search box over claims and articles: the archive's full-text search finds the words,
// the similarity index adds claims worded differently (numbers, negation, stems).
import { AppError } from '../../shared/errors';
import type { CrossrefSearchResult } from '../../shared/domain';
import type { CrossrefArchive } from './archive-port';
import { claimText } from './archive-port';
import type { ClaimIndex } from './claim-index';

const MAX_LIMIT = 200;

export function searchArchive(archive: CrossrefArchive, index: ClaimIndex, query: string, limit: number): CrossrefSearchResult {
  if (typeof query !== 'string' || !query.trim()) throw new AppError('INVALID_ARGUMENT', 'Search needs some words to look for.');
  if (query.length > 500) throw new AppError('INVALID_ARGUMENT', 'Search text is too long (at most 500 characters).');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new AppError('INVALID_ARGUMENT', `limit must be a whole number from 1 to ${MAX_LIMIT}.`);
  const similar = index.similar({ text: query }, limit);
  const scoreOf = new Map(similar.map((s) => [s.claimId, s.score]));
  const claims: CrossrefSearchResult['claims'] = archive.claims
    .list({ search: query, sort: 'relevance', limit })
    .items.map((c) => ({ claimId: c.id, text: claimText(c), score: scoreOf.get(c.id) ?? 0, via: 'text' as const }));
  const found = new Set(claims.map((c) => c.claimId));
  for (const s of similar) {
    if (claims.length >= limit) break;
    if (!found.has(s.claimId)) claims.push({ claimId: s.claimId, text: s.text, score: s.score, via: 'similar' });
  }
  const articles = archive.articles.list({ search: query, limit }).items.map((a) => ({
    articleId: a.id,
    title: a.title,
    outlet: a.outlet,
    published: a.published,
  }));
  return { claims, articles };
}
