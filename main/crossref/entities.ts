// Entity pages: claims a person, organisation or place made, claims about them, articles that
// name them without any claim linking them, and the entities they appear with most.
import type { Claim, ClaimRow, Entity, EntityClaimRef, EntityProfile } from '../../shared/domain';
import { allClaims, articleCache, claimDate, type CrossrefArchive } from './archive-port';

/** Caps that keep a page for a very common entity (e.g. "United States") quick. */
const MAX_CLAIMS = 5_000;
const MAX_MENTIONS = 50;
const SNIPPET_RADIUS = 90;

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

function ref(c: Claim, date: string | null): EntityClaimRef {
  return { claimId: c.id, statement: c.statement, claimant: c.claimant, date, articleId: c.articleId, verdict: c.verdict };
}

/** Claims linked to the entity, split by role, plus claims whose claimant text names it. */
function linkedClaims(archive: CrossrefArchive, entity: Entity) {
  const by = new Map<number, ClaimRow>();
  const about = new Map<number, ClaimRow>();
  const coCounts = new Map<number, { entity: Entity; count: number }>();
  for (const c of take(allClaims(archive, { entityId: entity.id }), MAX_CLAIMS)) {
    const links = archive.claims.entities(c.id);
    const roles = links.filter((e) => e.id === entity.id).map((e) => e.role);
    if (roles.includes('claimant')) by.set(c.id, c);
    if (roles.some((r) => r !== 'claimant')) about.set(c.id, c);
    for (const other of new Map(links.filter((e) => e.id !== entity.id).map((e) => [e.id, e])).values()) {
      const entry = coCounts.get(other.id) ?? { entity: other, count: 0 };
      entry.count++;
      coCounts.set(other.id, entry);
    }
  }
  const names = new Set([entity.name, ...entity.aliases].map(norm));
  for (const name of names) {
    for (const c of take(allClaims(archive, { claimant: name }), MAX_CLAIMS)) {
      if (c.claimant && names.has(norm(c.claimant))) by.set(c.id, c);
    }
  }
  return { by, about, coCounts };
}

function* take<T>(items: Iterable<T>, max: number): Generator<T> {
  let n = 0;
  for (const item of items) {
    if (n++ >= max) return;
    yield item;
  }
}

/** A window of text around the first occurrence of any of the names. */
export function snippetAround(text: string, names: string[]): string | null {
  const lower = text.toLowerCase();
  let at = -1;
  let length = 0;
  for (const name of names) {
    const i = lower.indexOf(name.toLowerCase());
    if (i >= 0 && (at < 0 || i < at)) [at, length] = [i, name.length];
  }
  if (at < 0) return null;
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

function mentions(archive: CrossrefArchive, entity: Entity, claimArticles: Set<number>): EntityProfile['mentions'] {
  const names = [entity.name, ...entity.aliases].filter((n) => n.trim());
  const getArticle = articleCache(archive);
  const out: EntityProfile['mentions'] = [];
  const seen = new Set<number>();
  for (const name of names) {
    const phrase = `"${name.replace(/"/g, ' ')}"`;
    for (const summary of archive.articles.list({ search: phrase, limit: MAX_MENTIONS * 2 }).items) {
      if (out.length >= MAX_MENTIONS) return out;
      if (seen.has(summary.id) || claimArticles.has(summary.id)) continue;
      seen.add(summary.id);
      const article = getArticle(summary.id);
      const snippet = article && snippetAround(article.text, names);
      // Full-text matching folds stems and accents; keep only articles that really spell the name.
      if (snippet === null || snippet === undefined) continue;
      out.push({ articleId: summary.id, title: summary.title, outlet: summary.outlet, published: summary.published, snippet });
    }
  }
  return out;
}

export function entityProfile(archive: CrossrefArchive, entityId: number): EntityProfile {
  const entity = archive.entities.get(entityId);
  const { by, about, coCounts } = linkedClaims(archive, entity);
  const refs = (claims: Map<number, ClaimRow>) =>
    [...claims.values()]
      .map((c) => ref(c, claimDate(c, c)))
      .sort((a, b) => (a.date ?? '~').localeCompare(b.date ?? '~') || a.claimId - b.claimId);
  const claimArticles = new Set([...by.values(), ...about.values()].map((c) => c.articleId).filter((id): id is number => id !== null));
  return {
    entity,
    claimsBy: refs(by),
    claimsAbout: refs(about),
    mentions: mentions(archive, entity, claimArticles),
    coOccurring: [...coCounts.values()]
      .sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name))
      .map(({ entity: e, count }) => ({ entityId: e.id, name: e.name, type: e.type, count })),
  };
}
