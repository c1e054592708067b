// Extraction as the rest of the app uses it: an article in, claim suggestions (NewClaim) out.
import type { NewClaim } from '../../shared/domain';
import { extractClaims, type ExtractInput, type ProposedClaim } from './index';

/** One proposed claim as a claim input (what the archive stores as a suggestion or a claim). */
export function toNewClaim(p: ProposedClaim, articleId: number | null = null): NewClaim {
  const { quote, start, end, statement, claimant, attribution, kind, score, entities, date, resolveBy } = p;
  return {
    articleId,
    quote,
    start,
    end,
    statement,
    claimant,
    attribution,
    kind,
    score,
    claimDate: date,
    resolveBy,
    entities: entities.map(({ name, type, role }) => ({ name, type, role })),
  };
}

/** The claims extraction proposes for an article, ready to store as suggestions. */
export function suggestClaims(article: ExtractInput): NewClaim[] {
  const published = article.published && /^\d{4}-\d{2}-\d{2}/.test(article.published) ? article.published.slice(0, 10) : null;
  return extractClaims({ ...article, published }).claims.map((c) => toNewClaim(c));
}
