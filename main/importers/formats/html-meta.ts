// Metadata a page declares about itself and what a reader sees on it, reconciled: JSON-LD (NewsArticle
// and friends, also inside @graph), <meta> (Open Graph, article:*, Dublin Core, itemprop), microdata,
// <time>, visible bylines and datelines, the URL (dates, host) and <title> without the site's name.
import { isFirstName } from '../meta/first-names';
import { agencyNamed } from '../meta/agencies';
import { cleanByline, isOrganisation } from '../meta/byline';
import { dayFirstFor, dayOf, normaliseDate } from '../meta/dates';
import { outletForHost } from '../meta/outlets';
import { pickTitle } from '../meta/title';

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
interface MiniNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MiniNode>;
  parentNode?: MiniNode | null;
  getAttribute?(name: string): string | null;
  querySelector?(selector: string): MiniNode | null;
}
interface MiniElement extends MiniNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): MiniElement | null;
  closest?(selector: string): MiniElement | null;
  normalize?(): void;
}
interface MiniDocument {
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
  querySelector(selector: string): MiniElement | null;
  documentElement: MiniElement | null;
  body?: MiniElement | null;
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
    const raw = (scripts[i].textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      flattenJsonLd(JSON.parse(raw), out);
    } catch {
      // Raw line breaks or tabs inside a string (a pasted articleBody) break JSON.parse; as spaces they
      // change nothing else. A stray closing brace after the object, or two objects in one block: each
      // balanced top-level value on its own. A block still broken after that is skipped.
      for (const part of topLevelValues(raw.replace(/\p{Cc}+/gu, ' '))) {
        try {
          flattenJsonLd(JSON.parse(part), out);
        } catch {
          // skipped
        }
      }
    }
  }
  return out;
}

/** The balanced top-level `{…}` / `[…]` spans of a text, skipping what is inside JSON strings. */
function topLevelValues(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = depth > 0;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if ((c === '}' || c === ']') && depth > 0 && --depth === 0) {
      parts.push(raw.slice(start, i + 1));
      if (parts.length >= 20) break;
    }
  }
  return parts;
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

interface LdArticle {
  title: string | null;
  /** Person authors; organisations only when no person is named. */
  author: string | null;
  authorOrg: string | null;
  published: string | null;
  outlet: string | null;
  url: string | null;
  language: string | null;
  agency: string | null;
}

function isPerson(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (v && typeof v === 'object' && !Array.isArray(v))
    return !types(v as Json).some((t) => /Organi[sz]ation|NewsMediaOrganization|Corporation/.test(t));
  return false;
}

function authorsOf(value: unknown, persons: boolean): string | null {
  const list = (Array.isArray(value) ? value : [value]).filter((v) => v && isPerson(v) === persons);
  const names = list.map(nameOf).filter((n): n is string => !!n && !/^https?:\/\//i.test(n));
  return names.length ? [...new Set(names)].join('; ') : null;
}

function fromJsonLd(doc: MiniDocument): Partial<LdArticle> {
  const objects = jsonLdObjects(doc);
  const article =
    objects.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t))) ??
    // Not a photo's or video's own record ("ImageObject" with its photographer and date).
    objects.find(
      (o) => o.datePublished && (o.headline || o.author) && !types(o).some((t) => /^(?:Image|Video|Audio|Media)Object$|^Person$/.test(t)),
    ) ??
    objects.find((o) => types(o).some((t) => t === 'WebPage') && (o.datePublished || o.author));
  const org = objects.find((o) => types(o).some((t) => /^(?:NewsMedia)?Organization$/.test(t)));
  const site = objects.find((o) => types(o).includes('WebSite'));
  if (!article) return { outlet: nameOf(org?.name) ?? nameOf(site?.name) };
  // Authors referenced by @id in a @graph ("author": {"@id": "#person"}).
  const resolve = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(resolve)
      : v && typeof v === 'object' && !(v as Json).name && (v as Json)['@id']
        ? (objects.find((o) => o['@id'] === (v as Json)['@id'] && o !== v && o.name) ?? v)
        : v;
  const author = resolve(article.author ?? article.creator);
  return {
    title: str(article.headline) ?? str(article.name),
    author: authorsOf(author, true),
    authorOrg: authorsOf(author, false),
    published: str(article.datePublished) ?? str(article.dateCreated),
    outlet: nameOf(resolve(article.publisher)) ?? nameOf(org?.name) ?? nameOf(site?.name),
    url: str(article.url) ?? str(article.mainEntityOfPage),
    language: str(article.inLanguage),
    agency: nameOf(article.sourceOrganization),
  };
}

function notUrl(v: string | null): string | null {
  return v && !/^https?:\/\//i.test(v) ? v : null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
}

/** The date in an article URL: /2024/10/25/, /2024-10-25-, /20241025/. */
export function urlDate(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-])/.exec(path);
  return m ? normaliseDate(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`) : null;
}

/**
 * A bare "date" names no event: content systems fill it with the last change as often as with the
 * publication (TYPO3 does the former), so the date a reader sees beside the headline comes first.
 */
const PLAIN_DATE_KEYS = ['date', 'dc.date', 'dcterms.date'];

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'og:published_time',
  'datepublished',
  'datecreated',
  'published_time',
  'publish_date',
  'publish-date',
  'publishdate',
  'publication_date',
  'publication-date',
  'pubdate',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.created',
  'dcterms.issued',
  'citation_publication_date',
  'citation_date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'article_date_original',
  'originalpublicationdate',
  'displaydate',
  'rnews:datepublished',
  'cxenseparse:recs:publishtime',
  'date_published',
  'created',
  'pdate',
];

/** A site's own publication-date meta name ("sw-pubdate", "bt:pubDate", "article-publish-date"), never a modified one. */
function otherPubDate(m: Map<string, string>): string | null {
  for (const [k, v] of m) {
    if (/pub(?:lish(?:ed|ing)?)?[-_:.]?date|date[-_:.]?pub(?:lish(?:ed)?)?/i.test(k) && !UPDATED.test(k)) {
      const d = plausible(normaliseDate(v));
      if (d) return d;
    }
  }
  return null;
}

const AUTHOR_KEYS = [
  'author',
  'article:author',
  'og:article:author',
  'dc.creator',
  'dcterms.creator',
  'byl',
  'sailthru.author',
  'parsely-author',
  'citation_author',
  'authors',
  'article.author',
  'cxenseparse:author',
  'twitter:data1',
];

/** Nodes whose text is no part of the article's own header: comments, navigation, related items. */
const FOREIGN =
  /comment|respond|reply|related|sidebar|widget|teaser|recommend|popular|newsletter|nav\b|menu|breadcrumb|share|social|promo|instagram|twitter-tweet|tiktok-embed|listing|^liste(?:$|[-_])|^aside(?:$|[-_]content$)|^secondary$/i;

/** Class tokens that name the page's layout, not a block ("zen-one-sidebar-second", "no-sidebars", "layoutTwoColumnsRightSidebar"). */
const LAYOUT_TOKEN = /^(?:no|with|has|without|not)[-_]|(?:^|[-_])(?:one|two|three)[-_]sidebars?(?:$|[-_])|^layout|columns/i;

/** Class tokens naming the article's own header ("ArticleHeaderComment_publishDate" is an opinion piece's header, not a comment). */
const OWN_HEADER_TOKEN = /(?:article|entry|post|story)[-_]?header/i;

/**
 * A class token naming the article's meta line ("teaser_text_meta" above a story): the line itself, not
 * the block its prefix names. A comment's meta line ("comment-meta") stays a comment's.
 */
const META_LINE_TOKEN = /^(?!.*(?:comment|respond|reply)).*[-_](?:meta|byline|dateline)$/i;

function foreignBlock(classAndId: string): boolean {
  return classAndId
    .split(/\s+/)
    .some(
      (token) => token && !LAYOUT_TOKEN.test(token) && !OWN_HEADER_TOKEN.test(token) && !META_LINE_TOKEN.test(token) && FOREIGN.test(token),
    );
}

/** Class tokens of the element holding one post or article (Blogger/WordPress "post hentry", microformats). */
const ARTICLE_BLOCK =
  /(?:^|\s)(?:hentry|h-entry|post|entry|article|type-post|single-post|(?:post|entry|article)[-_](?:wrapper|body))(?:\s|$)/;

/** The article's own block: microformats and blog classes, or a Drupal content node that is not a teaser. */
function isArticleBlock(cls: string): boolean {
  return ARTICLE_BLOCK.test(cls) || (/(?:^|\s)node-type-/.test(cls) && !/teaser/i.test(cls));
}

function attr(el: MiniNode, name: string): string {
  return (el.getAttribute?.(name) ?? '').toString();
}

/**
 * Inside navigation, a sidebar, comments, an embedded post or another article's teaser. For dates, a
 * block that holds the headline counts as the main column whatever its class says ("sidebar_content",
 * "right-sidebar"); bylines keep the stricter reading (measured: it found more dates, and lost bylines).
 */
function isForeign(el: MiniNode | null | undefined, forDate = false): boolean {
  let footer = false;
  for (let n = el, depth = 0; n && depth < 30; n = n.parentNode, depth++) {
    if (n.nodeType !== 1) continue;
    const tag = n.nodeName.toLowerCase();
    // Embedded posts (an Instagram or Twitter blockquote) carry their own dates and names.
    if (tag === 'nav' || tag === 'blockquote') return true;
    // A caption is a photo's, unless the page set its headline in it (a hero image's <figcaption> holding the <h1>).
    if (tag === 'figcaption' && !n.querySelector?.('h1')) return true;
    // An <aside> is a sidebar, except the article's own meta line (<aside class="meta"> with date and byline).
    if (tag === 'aside' && !/(?:^|\s)(?:meta|byline|dateline|article-meta|post-meta|entry-meta)(?:\s|$)/i.test(attr(n, 'class')))
      return true;
    if (tag === 'footer') footer = true; // the page's footer; an article's own footer holds its byline
    // The site's masthead (a <header> with the site navigation and no headline but the logo, outside any
    // article) shows today's date, not the article's.
    if (forDate && tag === 'header' && isMasthead(n as MiniElement)) return true;
    const cls = attr(n, 'class');
    if (tag === 'article' || isArticleBlock(cls)) {
      // The article's own block — unless it is a related article's teaser ("node-article view-mode-related-teaser").
      return /related|teaser|recommend/i.test(cls);
    }
    if (foreignBlock(`${cls} ${attr(n, 'id')}`) && !(forDate && n.querySelector?.('h1'))) return true;
  }
  return footer;
}

function isMasthead(header: MiniElement): boolean {
  if (!header.querySelector('nav') || header.closest?.('article')) return false;
  const h1 = header.querySelector('h1');
  return !h1 || !!h1.querySelector('img, svg, a[href="/"], .logo, [class*="logo"]') || /logo|brand|site/i.test(attr(h1, 'class'));
}

const text = (el: MiniNode | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Words that label the date after them as the publication's: "Publié le 29 juin 2019", "Veröffentlicht am …". */
const PUBLISHED_LABEL =
  /^(?:published|posted|first published|publié(?:e)?|paru|veröffentlicht|erschienen|publicado|publicada|pubblicato|pubblicata|gepubliceerd|opublikowano|publikováno|publicerad|udgivet|julkaistu)(?!\p{L})/iu;

/**
 * A date an element states: its datetime/content/title attribute, else its text. A text that labels its
 * date as the publication's ("Publié le 29 juin 2019") is what the reader is told: it wins over a
 * machine time on another day, which the template filled with another event.
 */
function elementDate(el: MiniElement, dayFirst?: boolean): string | null {
  const shown = text(el);
  const labelled = shown.length <= 120 && PUBLISHED_LABEL.test(shown) ? normaliseDate(shown, dayFirst) : null;
  for (const a of ['datetime', 'content', 'title', 'data-date', 'data-datetime']) {
    const d = normaliseDate(el.getAttribute(a)?.trim());
    if (d) return labelled && dayOf(labelled) !== dayOf(d) ? labelled : d;
  }
  return shown.length <= 120 ? normaliseDate(shown, dayFirst) : null;
}

const UPDATED = /updat|modif|edited|aktualisiert|geändert|mis à jour|actualizad|aggiornat|обновлен/i;

function plausible(iso: string | null): string | null {
  if (!iso) return null;
  const y = +iso.slice(0, 4);
  return y >= 1995 && Date.parse(iso.slice(0, 10)) <= Date.now() + 2 * 86_400_000 ? iso : null;
}

/** The publication date a reader sees: microdata, <time>, date-classed elements, then the page's text. */
function visibleDate(doc: MiniDocument, dayFirst?: boolean): string | null {
  const first = (selector: string, ok: (el: MiniElement) => boolean = () => true): string | null => {
    const els = doc.querySelectorAll(selector);
    for (let i = 0; i < els.length && i < 200; i++) {
      const el = els[i];
      if (!ok(el) || isForeign(el, true)) continue;
      const d = plausible(elementDate(el, dayFirst));
      if (d) return d;
    }
    return null;
  };
  const notUpdated = (el: MiniElement) => !UPDATED.test(`${attr(el, 'class')} ${attr(el, 'id')} ${attr(el, 'itemprop')}`);
  return (
    first('[itemprop="datePublished"]') ??
    first('[itemprop="dateCreated"]') ??
    first('time[pubdate], .published[title], abbr.published, time.published, time.entry-date, .entry-date') ??
    first('time[datetime]', notUpdated) ??
    first(
      '[class*="date"], [class*="Date"], [id*="date"], [class*="time"], [class*="publish"], [class*="posted"], [class*="datum"], [class*="Datum"], [class*="fecha"], [class*="dateline"], [class*="byline"], [class*="meta"], [class*="info"], [class*="author"], time',
      (el) => notUpdated(el) && (el.textContent?.length ?? 0) < 300,
    )
  );
}

/**
 * The page's body. A script between </head> and <body> makes the parser open an empty <body> of its
 * own and put the page's real <body> after it: then the body with content is the page's.
 */
function pageBody(doc: MiniDocument): MiniElement | null {
  if (doc.body?.childNodes.length) return doc.body;
  const bodies = doc.querySelectorAll('body');
  for (let i = 0; i < bodies.length && i < 5; i++) if (bodies[i].childNodes.length) return bodies[i];
  return doc.body ?? null;
}

/** The first full date in the page's visible text, outside comments and navigation. */
function textDate(doc: MiniDocument, dayFirst?: boolean): string | null {
  const root = pageBody(doc);
  if (!root) return null;
  const stack: MiniNode[] = [root];
  let seen = 0;
  let shortYear: string | null = null;
  while (stack.length && seen < 4000) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const t = n.textContent ?? '';
      if (!shortYear && t.length < 50 && /\d\.\d{1,2}\.\d{2}(?![\d.])/.test(t) && !/\d{4}/.test(t)) {
        // "02.12.19" beside the headline, "von Klaus-Peter Schöppner, 8.5.12": a two-digit year only in the
        // article's header (next to its headline or byline), and only when the page states no full date.
        const d = plausible(normaliseDate(t.replace(/^[\s,·|–-]+/, '')));
        if (d && !isForeign(n.parentNode, true) && besideHeadlineOrByline(n.parentNode)) shortYear = d;
      }
      if (t.length >= 8 && t.length < 300 && /\d{4}/.test(t) && !UPDATED.test(t)) {
        const d = plausible(normaliseDate(t, dayFirst));
        if (d && !isForeign(n.parentNode, true)) return d;
      } else if (t.length >= 300) {
        // A paragraph that opens with its date: "27.1.2022 – Bei der Erinnerung an …", "(21. November 2022) Energieverbraucher …".
        const lead =
          /^\s*(\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})\s*[-–—:]\s/.exec(t) ??
          /^\s*\((\d{1,2}\.?\s?\p{L}{3,12}\.?\s\d{4}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4})\)\s/u.exec(t);
        const d = lead && plausible(normaliseDate(lead[1]));
        if (d && !isForeign(n.parentNode, true)) return d;
      }
      continue;
    }
    if (n.nodeType !== 1) continue;
    seen++;
    const tag = n.nodeName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'svg') continue;
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return shortYear;
}

/** An element that sits beside the page's headline (same parent) or holds the article's byline. */
function besideHeadlineOrByline(el: MiniNode | null | undefined): boolean {
  if (!el || el.nodeType !== 1) return false;
  const own = el as MiniElement;
  if (own.querySelector?.('[rel~="author"], [itemprop~="author"], [class*="author"]')) return true;
  const parent = el.parentNode as MiniElement | null;
  if (!parent?.childNodes) return false;
  for (let i = 0; i < parent.childNodes.length; i++) {
    const sib = parent.childNodes[i];
    if (sib !== el && sib.nodeType === 1 && /^h1$/i.test(sib.nodeName)) return true;
  }
  return false;
}

const BYLINE_SELECTOR =
  '[itemprop~="author"], [rel~="author"], [class*="byline"], [class*="Byline"], [class*="author"], [class*="Author"], [class*="autor"], [class*="auteur"], [id*="author"], [class*="writer"], .vcard .fn, address';

function inComments(el: MiniNode): boolean {
  for (let n: MiniNode | null | undefined = el, depth = 0; n && depth < 30; n = n.parentNode, depth++)
    if (n.nodeType === 1 && /comment|respond|reply/i.test(`${attr(n, 'class')} ${attr(n, 'id')}`)) return true;
  return false;
}

/** A photo's licence credit ("<span class=author-name><a class=license-author>…"), not the story's byline. */
function isLicenceCredit(el: MiniElement): boolean {
  return (
    /licen[cs]e|credit|copyright|caption/i.test(`${attr(el, 'class')} ${attr(el.parentNode as MiniNode, 'class')}`) ||
    !!el.querySelector('[class*="license"], [class*="licence"]')
  );
}

/** Readability's byline, unless it is the name on a comment or another foreign block. */
function readabilityByline(doc: MiniDocument, byline: string | null | undefined, outlets: (string | null | undefined)[]): string | null {
  const a = cleanByline(byline, { outlets });
  if (!a) return null;
  const els = doc.querySelectorAll(BYLINE_SELECTOR);
  for (let i = 0; i < els.length && i < 300; i++) {
    const el = els[i];
    if ((inComments(el) || isLicenceCredit(el)) && cleanByline(text(el), { outlets }) === a) return null;
  }
  return a;
}

/** The author's own itemprop="name", not one inside a nested item (a breadcrumb's, a publisher's). */
function ownName(el: MiniElement): MiniElement | null {
  const name = el.querySelector('[itemprop="name"]');
  for (let n = name?.parentNode, depth = 0; n && n !== el && depth < 20; n = n.parentNode, depth++)
    if (n.nodeType === 1 && (n as MiniElement).getAttribute('itemscope') !== null) return null;
  return name;
}

/** A byline a reader sees: author microdata, rel=author links and byline/author-classed elements. */
function visibleAuthor(doc: MiniDocument, outlets: (string | null | undefined)[]): string | null {
  const els = doc.querySelectorAll(BYLINE_SELECTOR);
  for (let i = 0; i < els.length && i < 300; i++) {
    const el = els[i];
    const cls = `${attr(el, 'class')} ${attr(el, 'id')}`;
    if (/avatar|image|img|photo|bio\b|description|about|box|comment/i.test(cls)) continue;
    if (isLicenceCredit(el)) continue;
    // The name's own element inside a larger author block ("von <a rel=author>…</a>" beside the breadcrumbs).
    const name = ownName(el) ?? el.querySelector('[rel~="author"], .fn') ?? el;
    const raw = name === el ? text(el) : text(name) || attr(name, 'content');
    const value = raw || attr(el, 'content');
    if (!value || value.length > 200 || isForeign(el)) continue;
    const a = cleanByline(value, { outlets });
    if (a) return a;
  }
  return null;
}

const BYLINE_LABEL =
  /^[\s|·•,–—-]*(?:(?:(?:blog[- ]?)?(?:beitrag|artikel|bericht|kommentar|reportage|post|article|story|report|billet|articolo)\s+(?:von|by|de|par|di|door)|by|von|par|por|di|door|av|af|от|text|texte|texto|autor(?:in|en)?|authors?|auteurs?|autore|verfasser(?:in)?|written by|posted by|geschrieben von|veröffentlicht von|publié par|escrito por)\b\s*:?|redaktion\s*:)/iu;

/** A person's name as bylines print it: two to five capitalised words (particles allowed). */
function nameShaped(s: string): boolean {
  return s.split('; ').every((n) => {
    const words = n.split(/\s+/);
    return (
      words.length <= 5 &&
      words.every(
        (w) => /^[\p{Lu}\d]/u.test(w) || /^(?:von|van|der|den|de|del|della|di|da|du|la|le|bin|al|el|y|e|zu|ter|ten|dos|das)$/.test(w),
      )
    );
  });
}

/** A "By Jane Doe" / "Von Anna Müller" / "Autor: ..." line among the page's short texts. */
function textByline(doc: MiniDocument, outlets: (string | null | undefined)[]): string | null {
  const root = pageBody(doc);
  if (!root) return null;
  const stack: MiniNode[] = [root];
  let seen = 0;
  let label = 0; // text nodes still to look at after a bare label ("Autor:", "By")
  while (stack.length && seen < 3000) {
    const n = stack.pop()!;
    if (n.nodeType === 1) {
      seen++;
      const tag = n.nodeName.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
      continue;
    }
    if (n.nodeType !== 3) continue;
    const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!t) continue;
    if (label > 0) {
      label--;
      const a = t.length <= 80 ? cleanByline(t, { outlets }) : null;
      if (a && nameShaped(a)) return a;
      if (!/^[\s|·•,:–—-]*$/.test(t)) label = 0;
      continue;
    }
    // "11.12.2019 - Amelie Loevenich" under the headline: a date, a dash, a person's name.
    const dated = t.length <= 60 ? /^(.{6,30}?)\s+[-–—|·]\s+(\p{Lu}.*)$/u.exec(t) : null;
    if (dated && normaliseDate(dated[1]) && !isForeign(n.parentNode)) {
      const a = personName(dated[2]);
      if (a) return a;
    }
    // "06.11.2023 13:30 von Olga": the date and time, then the byline.
    const afterDate = t.length <= 80 ? /^(\d.{5,30}?)\s+(?=(?:von|by|par|por|di|door)\s+\p{Lu})/u.exec(t) : null;
    const line = afterDate && normaliseDate(afterDate[1]) ? t.slice(afterDate[0].length) : t;
    if (line.length > 120 || !BYLINE_LABEL.test(line)) continue;
    const parent = n.parentNode;
    if (isForeign(parent)) continue;
    const rest = line.replace(BYLINE_LABEL, '').trim();
    if (!rest) {
      // "By <a>Jane Doe</a>", "<h5>Autor:</h5> Peter Maahn": the name is in the next texts.
      label = 2;
      continue;
    }
    // The name after the label ("Blog Beitrag von Margarita Koreneva"), else the line as a whole.
    for (const candidate of [rest, line]) {
      const a = cleanByline(candidate, { outlets });
      if (a && nameShaped(a)) return a;
    }
  }
  return null;
}

/** A link to the author's page ("/author/jane-doe/", "/autor/…", "/auteur/…") whose text is a person's name, outside comments and sidebars. */
function authorPageLink(doc: MiniDocument, outlets: (string | null | undefined)[]): string | null {
  const els = doc.querySelectorAll(
    'a[href*="/author/"], a[href*="/authors/"], a[href*="/autor/"], a[href*="/autoren/"], a[href*="/auteur/"], a[href*="/autore/"]',
  );
  for (let i = 0; i < els.length && i < 50; i++) {
    const el = els[i];
    const value = text(el);
    if (!value || value.length > 60 || isForeign(el) || inComments(el)) continue;
    const a = cleanByline(value, { outlets });
    if (a && a.includes(' ') && nameShaped(a) && !isOrganisation(a)) return a;
  }
  return null;
}

/** Markup of a headline that a reader does not read as part of it: kickers, screen-reader text. */
const NOT_HEADLINE =
  /kicker|dachzeile|spitzmarke|overline|topline|eyebrow|roofline|supertitle|rubric|visually-hidden|sr-only|screen-reader|colon|h1small|(?:^|\s)(?:label|badge)(?:\s|$|--)/i;
const INLINE = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 'sup', 'sub', 'small', 'mark', 'abbr', 'q', 'cite', 'font', 'wbr']);

/** A heading's text as read: no styles or scripts, no kicker, words of separate blocks kept apart. */
function headingText(el: MiniNode): string {
  let out = '';
  const walk = (n: MiniNode) => {
    if (n.nodeType === 3) {
      out += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = n.nodeName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template' || tag === 'svg') return;
    // A kicker set in <small> before the headline ("<small>Einheit der Woche</small><br>Lagen-Pyramide").
    if (n !== el && (NOT_HEADLINE.test(attr(n, 'class')) || tag === 'small')) return;
    const spaced = !INLINE.has(tag) && n !== el;
    if (spaced) out += ' ';
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (spaced) out += ' ';
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The site's own name set as a heading: a theme's "site-title"/"site-name"/logo heading, or one holding
 * the link home (<h1 id="site-title"><a href="/" rel="home">Site</a></h1>), not an article's headline.
 */
function isSiteTitle(el: MiniElement): boolean {
  if (
    /(?:^|[\s_-])(?:site|blog)[-_]?(?:title|name)(?:$|[\s_-])|(?:^|[\s_-])logo(?:$|[\s_-])/i.test(`${attr(el, 'id')} ${attr(el, 'class')}`)
  )
    return true;
  return !!el.querySelector?.('a[rel~="home"]');
}

function headings(doc: MiniDocument): string[] {
  const pick = (sel: string) => {
    const out: string[] = [];
    const els = doc.querySelectorAll(sel);
    for (let i = 0; i < els.length && i < 10; i++) {
      if (isSiteTitle(els[i])) continue;
      const t = headingText(els[i]);
      if (t) out.push(t);
    }
    return out;
  };
  const h1 = pick('h1');
  return h1.length ? h1 : pick('h2');
}

/** The part of a page title after its last strong separator: "Post title | Site" -> "Site". */
function titleSuffix(title: string | null): string | null {
  const parts = title?.split(/\s+[|–—»·:-]\s+/) ?? [];
  return parts.length >= 2 ? parts[parts.length - 1].trim() : null;
}

/** Site names in the page's feed links: "Dr. Alexander Klier » Feed". */
function feedTitles(doc: MiniDocument): string[] {
  const out: string[] = [];
  const els = doc.querySelectorAll('link[type="application/rss+xml"], link[type="application/atom+xml"]');
  for (let i = 0; i < els.length && i < 3; i++) {
    const m = /^(.+?)\s+[»|–—-]\s+\S+$/u.exec(attr(els[i], 'title').trim());
    if (m) out.push(m[1]);
  }
  return out;
}

/** An agency named alone in a credit-classed element of the header that holds the headline, never in a figure. */
function headerAgencyCredit(doc: MiniDocument): string | null {
  const els = doc.querySelectorAll('header [class*="credit"]');
  for (let i = 0; i < els.length && i < 20; i++) {
    const el = els[i];
    const value = text(el);
    if (value.length > 40 || !agencyNamed(value) || el.closest?.('figure, figcaption')) continue;
    if (el.closest?.('header')?.querySelector('h1')) return value;
  }
  return null;
}

/** Who a site's copyright line names ("(c) Jane Doe • Impressum", "© 2021 Jane Doe"): a blog's owner. */
function copyrightHolders(doc: MiniDocument): string[] {
  const out: string[] = [];
  const els = doc.querySelectorAll('footer, [class*="copyright"], [id*="copyright"]');
  for (let i = 0; i < els.length && i < 10; i++) {
    const m =
      /(?:\(c\)|©|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(\p{Lu}[\p{L}.'’ -]{2,40}?)\s*(?:[•|·,]|\d|$|\s(?:all|alle|tous|todos)\s)/iu.exec(
        text(els[i]).slice(0, 2000),
      );
    if (m) out.push(m[1].trim());
  }
  return out;
}

/**
 * A site named after a person (a blog): the owner is the author when nothing else names one. Only a
 * name a reader would take for a person's: two or three capitalised words, an optional academic title,
 * and a first word that is a known first name.
 */
function ownerOfSite(names: (string | null | undefined)[]): string | null {
  for (const raw of names) {
    const name = personName(raw);
    if (name) return name;
  }
  return null;
}

/**
 * The text when it is just a person's name as a reader would take it: two or three capitalised words
 * after an optional academic title, the first a first name compromise knows; else null.
 */
export function personName(raw: string | null | undefined): string | null {
  const name = raw
    ?.replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:Dr|Prof|Mag|Dipl\.-Ing)\.\s*(?:(?:Dr|med|phil|rer\. nat)\.\s*)*/u, '');
  if (!name || name.length > 60 || isOrganisation(name)) return null;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}[\p{Ll}'’-]+\.?$/u.test(w) || /^\p{Lu}\.$/u.test(w))) return null;
  return isFirstName(words[0]) ? name : null;
}

/** "L-MAG – Das Magazin für Lesben" cleaned to "L-MAG": a one-word name from a byline that describes an organisation is no person. */
function notOutletDescription(raw: string | null | undefined, cleaned: string | null): string | null {
  return cleaned && raw && !cleaned.includes(' ') && isOrganisation(raw) ? null : cleaned;
}

const DOMAIN = /\.(?:com|org|net|info|de|at|ch|fr|it|es|nl|uk|eu|io|co|ru|pl|se|dk|no|be)$/i;

/** The same name once case, accents and punctuation are set aside. */
function sameName(a: string, b: string): boolean {
  const k = (s: string) =>
    s
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return k(a) === k(b);
}

export interface PageMetaOptions {
  /** Readability's byline, a further candidate for the author. */
  byline?: string | null;
}

export function readPageMeta(doc: MiniDocument, opts: PageMetaOptions = {}): PageMeta {
  // One text per run of text: the HTML parser splits text at every entity ("11. November&nbsp;2021",
  // "Von&nbsp;Anna Müller"), and dates and bylines are read a text at a time.
  doc.documentElement?.normalize?.();
  const m = metaMap(doc);
  const ld = fromJsonLd(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const absolute = (u: string | null | undefined) => (u && /^https?:\/\//i.test(u) ? u : null);
  const url = absolute(canonical) ?? absolute(pick(m, ['og:url', 'twitter:url'])) ?? absolute(ld.url) ?? canonical ?? null;
  const host = hostOf(url);
  const siteName = pick(m, ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'publisher', 'dc.publisher', 'twitter:site']);
  const outlet = notUrl(siteName)?.replace(/^@/, '') ?? ld.outlet ?? outletForHost(host) ?? null;
  const outlets = [outlet, ld.outlet, siteName, host, host?.split('.').slice(-2, -1)[0] ?? null];
  const docTitle = doc.querySelector('title')?.textContent ?? null;

  const title = pickTitle({
    stated: [ld.title, pick(m, ['og:title']), pick(m, ['twitter:title']), pick(m, ['dc.title', 'headline', 'title'])],
    documentTitle: docTitle,
    headings: headings(doc),
    siteNames: [...outlets, host],
  });

  const metaAuthor = AUTHOR_KEYS.map((k) => notUrl(m.get(k) ?? null)).find((v) => v && cleanByline(v, { outlets }));
  // The first byline naming a person; one naming an organisation only when no source names a person.
  const sources = [
    () => cleanByline(ld.author, { outlets }),
    // "L-MAG – Das Magazin für Lesben": a meta author that describes itself as a magazine is the outlet.
    () => notOutletDescription(metaAuthor, cleanByline(metaAuthor, { outlets })),
    () => visibleAuthor(doc, outlets),
    () => notOutletDescription(opts.byline, readabilityByline(doc, opts.byline, outlets)),
    () => textByline(doc, outlets),
    () => authorPageLink(doc, outlets),
  ];
  let orgAuthor: string | null = null;
  let author: string | null = null;
  for (const [i, source] of sources.entries()) {
    const a = source();
    if (!a) continue;
    if (!isOrganisation(a)) {
      author = a;
      // Two sources the reader can check (the meta author and the visible byline) naming the same other
      // person outvote JSON-LD, which templates sometimes fill with the page's editor.
      if (i === 0) {
        const [meta, seen] = [sources[1](), sources[2]()];
        if (meta && seen && sameName(meta, seen) && !sameName(meta, a) && !isOrganisation(seen)) author = seen;
      }
      break;
    }
    orgAuthor ??= a;
  }
  author ??= orgAuthor ?? cleanByline(ld.authorOrg, { outlets: [] });
  // A personal site names its owner: "Zeitphilosophie – Dr. Alexander Klier", og:site_name "Wolfgang Michal".
  // A wire credit in the article's header, beside the headline ("<header><h1>…</h1><p class="credit">JIJI</p>").
  author ??= headerAgencyCredit(doc);
  author ??= ownerOfSite([siteName, titleSuffix(docTitle), ...feedTitles(doc), ...copyrightHolders(doc)]);
  // The outlet itself as a group author, when the page's own metadata states it as the author
  // ("author": {"@type": "Organization", "name": "Wikimedia Foundation"}, <meta name="author" content="Miami Today">).
  author ??=
    [
      cleanByline(ld.author ?? ld.authorOrg, { outlets: [], desk: true }),
      ...AUTHOR_KEYS.map((k) => cleanByline(notUrl(m.get(k) ?? null), { outlets: [], desk: true })),
    ].find((v) => v && !DOMAIN.test(v)) ?? null;
  // …or when the article's own byline names the outlet ("par Attac France" on attac.org): the byline, as printed.
  if (!author) {
    const own = visibleAuthor(doc, []);
    author = own && outlets.some((o) => o && sameName(o, own)) ? own : null;
  }

  const language =
    doc.documentElement?.getAttribute('lang') ??
    doc.documentElement?.getAttribute('xml:lang') ??
    ld.language ??
    pick(m, ['og:locale', 'content-language', 'language', 'dc.language']);
  const dayFirst = dayFirstFor(language);
  // The date the page shows, read once: it is a candidate for the date and the local day of a UTC time.
  let shownDate: string | null | undefined;
  const shown = () => (shownDate === undefined ? (shownDate = visibleDate(doc, dayFirst)) : shownDate);
  const stated =
    plausible(normaliseDate(ld.published)) ??
    PUBLISHED_KEYS.map((k) => plausible(normaliseDate(m.get(k)))).find((d) => d) ??
    otherPubDate(m) ??
    urlDate(url) ??
    shown() ??
    PLAIN_DATE_KEYS.map((k) => plausible(normaliseDate(m.get(k)))).find((d) => d) ??
    textDate(doc, dayFirst);
  const published = localMidnight(localDayOfUtc(stated, urlDate(url) ?? shown()), language);

  return {
    title,
    author,
    published,
    outlet,
    url,
    language,
    agency: ld.agency ?? null,
  };
}

/**
 * A publication time stored in UTC crosses midnight for the site's readers: "2020-02-18T02:18:11Z" is the
 * evening of 17 February in Florida, and the article's address says /2020/02/17/ (or the page shows
 * "17/2/2020 21:18"). The local calendar day the page itself states wins when it is the UTC day's neighbour on the side the hour allows (a day
 * earlier for a morning UTC time, a day later for an evening one).
 */
export function localDayOfUtc(published: string | null, localDay: string | null): string | null {
  const m = published && /^(\d{4}-\d{2}-\d{2})T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$/.exec(published);
  if (!m || !localDay) return published;
  const shift = (Date.parse(localDay) - Date.parse(m[1])) / 86_400_000;
  return (shift === -1 && +m[2] < 12) || (shift === 1 && +m[2] >= 12) ? localDay : published;
}

/** Languages read mostly in Central European Time (UTC+1, summer UTC+2). */
const CET_LANGUAGES = /^(?:de|fr|it|es|nl|pl|cs|sk|hu|da|sv|nb|nn|no|sl|hr|sr|bs|lb|ca)\b/i;

/**
 * A page that stores its date as local midnight in UTC ("2022-11-06T23:00:00.000Z" for 7 November in
 * Berlin): the local calendar day, when the page's language is read in Central European Time and the
 * timestamp is exactly midnight there.
 */
export function localMidnight(published: string | null, language: string | null | undefined): string | null {
  if (!published || !language || !CET_LANGUAGES.test(language)) return published;
  if (!/T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$/.test(published)) return published;
  const t = new Date(published);
  if (Number.isNaN(t.getTime())) return published;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  return parts.hour === '00' && parts.minute === '00' ? `${parts.year}-${parts.month}-${parts.day}` : published;
}
