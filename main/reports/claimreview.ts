// schema.org ClaimReview JSON-LD for every claim with a verdict: what fact-checking tools and
// search engines read. The verdict → rating mapping is the scale's (shared/verdicts.ts).
import { claimDateOf } from './arrange';
import type { ReportClaim, ReportModel, ReportArticle } from './model';

type JsonLd = Record<string, unknown>;

function party(name: string, type: 'person' | 'organisation' | string | null): JsonLd {
  return { '@type': type === 'organisation' ? 'Organization' : 'Person', name };
}

function creativeWork(source: ReportArticle): JsonLd {
  return omitEmpty({
    '@type': 'CreativeWork',
    url: source.url,
    headline: source.title || null,
    datePublished: source.published,
    author: source.author ? party(source.author, 'person') : null,
    publisher: source.outlet ? party(source.outlet, 'organisation') : null,
  });
}

function omitEmpty(obj: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/** The reviewing author: the organisation when the report names one, else the researcher. */
function reviewer(model: ReportModel): JsonLd | null {
  if (model.organisation) return party(model.organisation, 'organisation');
  return model.author ? party(model.author, 'person') : null;
}

/** ClaimReview for one claim; null when the claim has no verdict yet. */
export function claimReviewOf(claim: ReportClaim, model: ReportModel, sources: Map<number, ReportArticle>): JsonLd | null {
  if (!claim.verdict) return null;
  const appearances = claim.appearances.map((id) => sources.get(id)).filter((s): s is ReportArticle => !!s);
  const first = [...appearances].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999'))[0];
  const itemReviewed = omitEmpty({
    '@type': 'Claim',
    author: claim.claimant ? party(claim.claimant, claim.claimantType) : null,
    datePublished: claimDateOf(claim, sources),
    appearance: appearances.length > 0 ? appearances.map(creativeWork) : null,
    firstAppearance: first ? creativeWork(first) : null,
  });
  const rating = omitEmpty({
    '@type': 'Rating',
    ratingValue: claim.verdict.rating,
    bestRating: 5,
    worstRating: 1,
    alternateName: claim.verdict.label,
  });
  return omitEmpty({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.statement,
    itemReviewed,
    reviewRating: rating,
    author: reviewer(model),
    datePublished: model.date,
    reviewBody: claim.verdictNote,
    keywords: claim.tags.length > 0 ? claim.tags.join(', ') : null,
  });
}

/** Every rated claim of the report, in the model's order. */
export function claimReviews(model: ReportModel): JsonLd[] {
  const sources = new Map(model.sources.map((s) => [s.articleId, s]));
  return model.claims.map((c) => claimReviewOf(c, model, sources)).filter((r): r is JsonLd => r !== null);
}

/** The ClaimReview export: a JSON array of ClaimReview objects. */
export function renderClaimReviewJson(model: ReportModel): string {
  return `${JSON.stringify(claimReviews(model), null, 2)}\n`;
}
