// Wire-copy independence: ten outlets running one AFP dispatch are one source, not ten. Support
// for a claim (its own appearances, claims that support it, supporting evidence) is traced to
// underlying sources: a wire agency, else the outlet, else the original article.
import type { Article, ClaimLink, IndependenceReport, SourceGroup } from '../../shared/domain';
import { articleCache } from './archive-port';
import { clusterClaims } from './clusters';
import type { CrossrefArchive } from './archive-port';

/** Longest duplicateOf chain followed (guards against cycles in bad data). */
const MAX_CHAIN = 50;

/** The article a copy was taken from, following duplicateOf to its end. */
export function originalOf(article: Article, getArticle: (id: number | null) => Article | null): Article[] {
  const chain = [article];
  const seen = new Set([article.id]);
  let current = article;
  while (current.duplicateOf !== null && chain.length < MAX_CHAIN && !seen.has(current.duplicateOf)) {
    const next = getArticle(current.duplicateOf);
    if (!next) break;
    chain.push(next);
    seen.add(next.id);
    current = next;
  }
  return chain;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The underlying source of an article: its (or its original's) wire agency, else outlet. */
export function sourceOf(article: Article, getArticle: (id: number | null) => Article | null): { key: string; label: string } {
  const chain = originalOf(article, getArticle);
  const agency = chain.map((a) => a.wireAgency?.trim()).find((w) => w);
  if (agency) return { key: `agency:${norm(agency)}`, label: agency };
  const original = chain[chain.length - 1];
  const outlet = original.outlet?.trim();
  if (outlet) return { key: `outlet:${norm(outlet)}`, label: outlet };
  return { key: `article:${original.id}`, label: original.title || `article ${original.id}` };
}

interface Support {
  articleId: number;
  claimId: number;
}

function supportOf(archive: CrossrefArchive, claimId: number): { supports: Support[]; clusterIds: Set<number> } {
  const { claims } = clusterClaims(archive, claimId);
  const clusterIds = new Set(claims.map((c) => c.id));
  const supports: Support[] = [];
  for (const c of claims) {
    if (c.articleId !== null) supports.push({ articleId: c.articleId, claimId: c.id });
    for (const e of archive.evidence.forClaim(c.id)) {
      if (e.stance === 'supports') supports.push({ articleId: e.articleId, claimId: c.id });
    }
    for (const link of archive.links.forClaim(c.id)) {
      const supporter = supportingClaim(link, c.id, clusterIds);
      if (supporter === null) continue;
      try {
        const s = archive.claims.get(supporter);
        if (s.articleId !== null) supports.push({ articleId: s.articleId, claimId: s.id });
      } catch {
        // a deleted supporting claim supports nothing
      }
    }
  }
  return { supports, clusterIds };
}

/** "A supports B": A, when B is in the cluster and A is not. */
function supportingClaim(link: ClaimLink, claimId: number, cluster: Set<number>): number | null {
  if (link.type !== 'supports' || link.toClaimId !== claimId) return null;
  return cluster.has(link.fromClaimId) ? null : link.fromClaimId;
}

export function independence(archive: CrossrefArchive, claimId: number): IndependenceReport {
  const { supports } = supportOf(archive, claimId);
  const getArticle = articleCache(archive);
  const groups = new Map<string, SourceGroup>();
  const articles = new Set<number>();
  for (const s of supports) {
    const article = getArticle(s.articleId);
    if (!article) continue;
    articles.add(article.id);
    const { key, label } = sourceOf(article, getArticle);
    const group = groups.get(key) ?? { key, label, articleIds: [], claimIds: [] };
    if (!group.articleIds.includes(article.id)) group.articleIds.push(article.id);
    if (!group.claimIds.includes(s.claimId)) group.claimIds.push(s.claimId);
    groups.set(key, group);
  }
  const sources = [...groups.values()].sort((a, b) => b.articleIds.length - a.articleIds.length || a.label.localeCompare(b.label));
  const one = sources.length === 1;
  return {
    claimId,
    sources,
    independentSources: sources.length,
    articleCount: articles.size,
    restsOnOneSource: one,
    flag: one ? `rests on one source: ${sources[0].label}` : null,
  };
}
