// What cross-referencing reads from the archive: only its public, read-only API, so the archive
// stays the single owner of SQL. Helpers here page through claims and cache article look-ups.
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import type { Article, Claim, ClaimRow } from '../../shared/domain';

export interface CrossrefArchive {
  info: Archive['info'];
  claims: Pick<Archive['claims'], 'get' | 'list' | 'entities' | 'history'>;
  links: Pick<Archive['links'], 'forClaim'>;
  evidence: Pick<Archive['evidence'], 'forClaim'>;
  articles: Pick<Archive['articles'], 'get' | 'list'>;
  entities: Pick<Archive['entities'], 'get'>;
  /** Change notifications: the similarity index follows every committed write through them. */
  onChange: Archive['onChange'];
}

const PAGE = 5_000;

/** Every live claim, oldest first, one page at a time (the archive caps a page at 5,000). */
export function* allClaims(
  archive: CrossrefArchive,
  filter: { entityId?: number; search?: string; claimant?: string } = {},
): Generator<ClaimRow> {
  for (let offset = 0; ; offset += PAGE) {
    const page = archive.claims.list({ ...filter, sort: 'createdAt', order: 'asc', limit: PAGE, offset });
    yield* page.items;
    if (page.items.length < PAGE || offset + PAGE >= page.total) return;
  }
}

/** The text a claim is compared by: its statement, plus the verbatim quote when it says more. */
export function claimText(c: Pick<Claim, 'statement' | 'quote'>): string {
  const quote = c.quote?.trim() ?? '';
  return quote && quote !== c.statement.trim() ? `${c.statement}\n${quote}` : c.statement;
}

/** A claim, or null when it does not exist or is deleted (other errors propagate). */
export function claimOrNull(archive: CrossrefArchive, id: number): Claim | null {
  try {
    return archive.claims.get(id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

export function requireClaim(archive: CrossrefArchive, id: number): Claim {
  const claim = claimOrNull(archive, id);
  if (!claim) throw new AppError('NOT_FOUND', `Claim ${id} does not exist or is deleted.`);
  return claim;
}

/** Memoised article look-ups for one computation; a missing or deleted article reads as null. */
export function articleCache(archive: CrossrefArchive): (id: number | null) => Article | null {
  const cache = new Map<number, Article | null>();
  return (id) => {
    if (id === null) return null;
    if (!cache.has(id)) {
      try {
        cache.set(id, archive.articles.get(id));
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
        cache.set(id, null);
      }
    }
    return cache.get(id)!;
  };
}

/** When a claim was made: its own date, else its article's publication date. */
export function claimDate(claim: Pick<Claim, 'claimDate'>, article: Pick<Article, 'published'> | null): string | null {
  return claim.claimDate ?? article?.published ?? null;
}

/** Sorts ISO dates ascending with undated items last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
