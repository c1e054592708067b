// Metadata a page declares about itself: <meta> (name, property, itemprop), Open Graph, Dublin Core,
// JSON-LD (NewsArticle and friends, also inside @graph), <link rel=canonical>, <time datetime>.

export interface PageMeta {
  title: string | null;
  author: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  agency: string | null;
}

type Json = Record<string, unknown>;
interface MiniElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
interface MiniDocument {
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
  querySelector(selector: string): MiniElement | null;
  documentElement: MiniElement | null;
  title?: string;
}

const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech|AskPublic)?Article$|^(?:BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/;

function metaMap(doc: MiniDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv'))
      ?.trim()
      .toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function pick(map: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) if (map.get(k)) return map.get(k)!;
  return null;
}

function flattenJsonLd(value: unknown, out: Json[], depth = 0): void {
  if (depth > 5 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => flattenJsonLd(v, out, depth + 1));
  const obj = value as Json;
  out.push(obj);
  if (obj['@graph']) flattenJsonLd(obj['@graph'], out, depth + 1);
}

export function jsonLdObjects(doc: MiniDocument): Json[] {
  const out: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      flattenJsonLd(JSON.parse((scripts[i].textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')), out);
    } catch {
      // A broken JSON-LD block is common on real pages; the other metadata still counts.
    }
  }
  return out;
}

function types(obj: Json): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A person/organisation value as text: "Name", { name }, or a list of either. */
export function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Json).name);
  return null;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') return str((value as Json)['@id'] ?? (value as Json).url);
  return null;
}

function fromJsonLd(doc: MiniDocument): Partial<PageMeta> {
  const article = jsonLdObjects(doc).find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  if (!article) return {};
  return {
    title: str(article.headline) ?? str(article.name),
    author: nameOf(article.author) ?? nameOf(article.creator),
    published: str(article.datePublished) ?? str(article.dateCreated),
    outlet: nameOf(article.publisher),
    url: str(article.url) ?? str(article.mainEntityOfPage),
    language: str(article.inLanguage),
    agency: nameOf(article.sourceOrganization),
  };
}

function notUrl(v: string | null): string | null {
  return v && !/^https?:\/\//i.test(v) ? v : null;
}

export function readPageMeta(doc: MiniDocument): PageMeta {
  const m = metaMap(doc);
  const ld = fromJsonLd(doc);
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    title:
      ld.title ?? pick(m, ['og:title', 'twitter:title', 'dc.title', 'title']) ?? (doc.querySelector('title')?.textContent?.trim() || null),
    author: ld.author ?? notUrl(pick(m, ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'])),
    published:
      ld.published ??
      pick(m, [
        'article:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'sailthru.date',
        'parsely-pub-date',
        'og:published_time',
      ]) ??
      time,
    outlet: pick(m, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']) ?? ld.outlet ?? null,
    url: canonical ?? pick(m, ['og:url', 'twitter:url']) ?? ld.url ?? null,
    language:
      doc.documentElement?.getAttribute('lang') ??
      doc.documentElement?.getAttribute('xml:lang') ??
      ld.language ??
      pick(m, ['og:locale', 'content-language', 'language', 'dc.language']),
    agency: ld.agency ?? null,
  };
}
