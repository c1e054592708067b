// Citations of articles for reference managers (Zotero, JabRef, EndNote…): CSL-JSON, BibTeX and RIS
// files with stable citation keys, and a formatted citation in one of the CSL styles citation-js
// bundles (APA, Harvard, Vancouver: offline, nothing is fetched). citation-js writes BibTeX and RIS
// and formats the styles; the CSL-JSON is the items themselves.
//
// Citation key: <first author's surname, else the outlet, else the wire agency, else "anon"><year,
// else "nd"><first title word but a/an/the…>, lower-case ASCII
// ("doe2024north"), computed over every live article of the archive in id order: the oldest article
// keeps the bare key and later ones with the same key get b, c, … — so the same archive always gives
// the same keys, and importing a new article never changes an existing key.
import type { CslItem, CslName } from '@citation-js/core';
import type { Archive } from '../archive';
import type { Article } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { CITATION_STYLES, type CitationFormat, type CitationStyle } from '../../shared/report-formats';

/** What a citation needs of an article (an ArticleSummary or an Article). */
export type CitedArticle = Pick<
  Article,
  'id' | 'title' | 'outlet' | 'author' | 'published' | 'url' | 'language' | 'importedAt' | 'wireAgency'
>;

const TITLE_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'in',
  'of',
  'for',
  'to',
  'and',
  'at',
  'by',
  'der',
  'die',
  'das',
  'le',
  'la',
  'les',
  'el',
  'los',
  'un',
  'une',
  'ein',
  'eine',
]);
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'ten',
  'ter',
  'bin',
  'ibn',
  'al',
  'el',
]);
const ORGANISATION =
  /\b(agency|staff|news|press|reuters|afp|ap|dpa|bbc|desk|team|editors?|redaktion|rédaction|service|associated|correspondents?)\b/i;

/** Lower-case ASCII letters and digits only ("Müller" → "muller"). */
export function asciiKeyPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A byline as CSL names: "Jo Doe and Ann Lee", "Doe, Jo; Lee, Ann", "AFP" (an organisation). */
export function bylineNames(byline: string | null): CslName[] {
  const text = (byline ?? '').replace(/^\s*by\s+/i, '').trim();
  if (!text) return [];
  // "Doe, Jo; Lee, Ann" is surname-first; otherwise commas separate names ("Jo Doe, Ann Lee").
  const surnameFirst = text.includes(';') || /^[^,\s]+(?:\s[^,\s]+)?,\s*[^,]+$/.test(text);
  const parts = text
    .split(surnameFirst ? /\s*;\s*|\s+(?:and|&|und|et|y)\s+/i : /\s*[,;]\s*|\s+(?:and|&|und|et|y)\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.map((p) => nameOf(p, surnameFirst));
}

function nameOf(name: string, surnameFirst: boolean): CslName {
  if (surnameFirst && name.includes(',')) {
    const [family, given] = name.split(/\s*,\s*/, 2);
    return given ? { family, given } : { literal: family };
  }
  const words = name.split(/\s+/);
  if (words.length === 1 || ORGANISATION.test(name)) return { literal: name };
  // The surname: the last word with any particles before it ("Ludwig van Beethoven").
  const last = words.length - 1;
  let i = last;
  while (i > 1 && PARTICLES.has(words[i - 1].toLowerCase())) i--;
  const particle = words.slice(i, last).join(' ');
  return { given: words.slice(0, i).join(' '), ...(particle ? { 'non-dropping-particle': particle } : {}), family: words[last] };
}

const dateParts = (iso: string | null | undefined) => {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso ?? '');
  if (!m) return undefined;
  return { 'date-parts': [[Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])]] };
};

/** The key before collisions are resolved. */
export function baseCitationKey(a: CitedArticle): string {
  const first = bylineNames(a.author)[0];
  const who = asciiKeyPart(first?.family ?? first?.literal ?? a.outlet ?? a.wireAgency ?? '') || 'anon';
  const year = /^\d{4}/.exec(a.published ?? '')?.[0] ?? 'nd';
  const word = (a.title ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => ({ w, ascii: asciiKeyPart(w) }))
    .find(({ w, ascii }) => /[a-z]/.test(ascii) && !TITLE_STOPWORDS.has(w.toLowerCase()))?.ascii;
  const key = `${who}${year}${word ?? ''}`;
  return /^[a-z]/.test(key) ? key : `anon${key}`;
}

/** Suffix for the n-th article (0-based) sharing a key: "", "b", "c", … "z", "ba", … */
function suffix(n: number): string {
  if (n === 0) return '';
  let out = '';
  for (let k = n; k > 0; k = Math.floor(k / 26)) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}

/** Citation keys of the given articles, unique and stable: see the header. */
export function citationKeys(articles: CitedArticle[]): Map<number, string> {
  const keys = new Map<number, string>();
  const used = new Map<string, number>();
  for (const a of [...articles].sort((x, y) => x.id - y.id)) {
    const base = baseCitationKey(a);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    keys.set(a.id, base + suffix(n));
  }
  return keys;
}

const isBlog = (a: CitedArticle) => /blog/i.test(a.outlet ?? '') || /(^|[./])blog[s]?[.-]|\/blogs?\//i.test(a.url ?? '');

/** One article as a CSL-JSON item. */
export function cslItem(a: CitedArticle, key: string): CslItem {
  const authors = bylineNames(a.author);
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: isBlog(a) ? 'post-weblog' : a.outlet ? 'article-newspaper' : 'webpage',
    title: a.title,
  };
  if (authors.length > 0) item.author = authors;
  if (a.outlet) item['container-title'] = a.outlet;
  // A wire story: the agency that distributed it (APA and Harvard print it as the publisher).
  if (a.wireAgency && a.wireAgency !== a.outlet) item.publisher = a.wireAgency;
  const issued = dateParts(a.published);
  if (issued) item.issued = issued;
  const accessed = dateParts(a.importedAt);
  if (accessed) item.accessed = accessed;
  if (a.url) item.URL = a.url;
  if (a.language) item.language = a.language;
  return item;
}

/** Every live article of the archive (keys are computed over all of them). */
export function allArticles(archive: Pick<Archive, 'articles'>): CitedArticle[] {
  const out: CitedArticle[] = [];
  for (let offset = 0; ; offset += 1_000) {
    const page = archive.articles.list({ offset, limit: 1_000, sort: 'importedAt', order: 'asc' });
    out.push(...page.items);
    if (page.items.length < 1_000 || out.length >= page.total) return out;
  }
}

/** CSL items of `ids` (in that order), keyed over the whole archive. */
export function cslItemsOf(archive: Pick<Archive, 'articles'>, ids: number[]): CslItem[] {
  const all = allArticles(archive);
  const keys = citationKeys(all);
  const byId = new Map(all.map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    return a ? [cslItem(a, keys.get(id)!)] : [];
  });
}

type CiteModule = typeof import('@citation-js/core');
let citeModule: Promise<CiteModule> | null = null;

/** citation-js with the CSL, BibTeX and RIS plugins, loaded once on first use. */
export function loadCitationJs(): Promise<CiteModule> {
  citeModule ??= (async () => {
    const core = await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-ris');
    // UTF-8 BibTeX (biber, JabRef, Zotero read it): the ASCII-only default drops every letter it
    // cannot spell with a TeX accent, so Cyrillic, Greek or Korean names came out empty. TeX's
    // special characters are escaped below instead.
    const bibtex = core.plugins.config.get('@bibtex');
    if (bibtex?.format) bibtex.format.asciiOnly = false;
    return core;
  })();
  return citeModule;
}

const TEX_SPECIAL = /[\\{}$&#%_~^]/g;
const texEscape = (s: string) =>
  s.replace(TEX_SPECIAL, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '~' ? '\\textasciitilde{}' : ch === '^' ? '\\textasciicircum{}' : `\\${ch}`,
  );

function escapeForTex(item: CslItem): CslItem {
  const out: CslItem = { ...item };
  for (const field of ['title', 'container-title'] as const)
    if (typeof out[field] === 'string') out[field] = texEscape(out[field] as string);
  if (Array.isArray(out.author))
    out.author = (out.author as CslName[]).map((n) =>
      Object.fromEntries(Object.entries(n).map(([k, v]) => [k, typeof v === 'string' ? texEscape(v) : v])),
    );
  return out;
}

const risDate = (d: unknown) => {
  const parts = (d as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0];
  if (!parts) return null;
  const [y, m, day] = parts;
  return `${y}/${m ? String(m).padStart(2, '0') : ''}/${day ? String(day).padStart(2, '0') : ''}/`;
};

/**
 * RIS of one item. citation-js follows the RIS spec's newspaper record (TY NEWS), where authors are
 * "reporters" it does not write and the date is a year: the authors (AU) and the full date (DA) are
 * added, as Zotero, EndNote and Mendeley read them.
 */
function risRecord(Cite: CiteModule['Cite'], item: CslItem): string {
  // citation-js breaks every value after 70 characters; readers that do not join such lines would
  // cut a title or a URL in two, so each value goes back on one line.
  // citation-js writes "Family, Given" without the particle ("van"): keep it in the surname.
  const withParticles = Array.isArray(item.author)
    ? (item.author as CslName[]).map(({ 'non-dropping-particle': particle, ...n }) =>
        particle ? { ...n, family: `${particle} ${n.family}` } : n,
      )
    : undefined;
  if (withParticles) item = { ...item, author: withParticles };
  let ris = new Cite([item])
    .format('ris', { type: 'text' })
    .trim()
    .replace(/\n(?![A-Z][A-Z0-9] {2}-(?: |$))/g, '');
  if (item.type === 'article-newspaper') {
    const extra = [
      ...((item.author as CslName[] | undefined) ?? []).map((n) => `AU  - ${n.literal ?? [n.family, n.given].filter(Boolean).join(', ')}`),
      ...(risDate(item.issued) ? [`DA  - ${risDate(item.issued)}`] : []),
    ];
    if (extra.length) ris = ris.replace(/^(TY {2}- NEWS)$/m, `$1\n${extra.join('\n')}`);
  }
  return ris;
}

/** The items as a CSL-JSON, BibTeX or RIS file. */
export async function renderCitations(items: CslItem[], format: CitationFormat): Promise<string> {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  const { Cite } = await loadCitationJs();
  if (format === 'bibtex') return items.length ? `${new Cite(items.map(escapeForTex)).format('bibtex', { format: 'text' }).trim()}\n` : '';
  return items.length ? `${items.map((i) => risRecord(Cite, i)).join('\n\n')}\n` : '';
}

export function parseCitationStyle(style: string): CitationStyle {
  const known = CITATION_STYLES.find((s) => s.key === style);
  if (!known)
    throw new AppError(
      'INVALID_ARGUMENT',
      `Unknown citation style "${style}": use one of ${CITATION_STYLES.map((s) => s.key).join(', ')}.`,
    );
  return known.key;
}

/** One article as a formatted reference in a bundled CSL style (plain text). */
export async function formatCitation(item: CslItem, style: CitationStyle): Promise<string> {
  const { Cite } = await loadCitationJs();
  return new Cite([item]).format('bibliography', { template: style, format: 'text', lang: 'en-US' }).trim();
}
