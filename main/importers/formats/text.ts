// Plain text and Markdown articles. Metadata may sit in YAML front matter (.md) or in leading lines
// such as "date 2024-10-25", "Title: ...", "source AFP" — sometimes on the same line as the body
// ("date 2024-10-25 North Korea said Friday ..."), so a date key only takes the date itself.
import type { ParsedArticle } from '../types';
import { detectWireAgency, agencyNamed } from '../meta/agencies';
import { normaliseDate } from '../meta/dates';
import { deriveTitle } from '../meta/title';
import { detectLanguage, normaliseLanguage } from '../meta/language';

type MetaKey = 'title' | 'author' | 'published' | 'outlet' | 'url' | 'language' | 'wireAgency';
type Meta = Partial<Record<MetaKey, string>>;

const KEYS: Record<string, MetaKey> = {
  title: 'title',
  headline: 'title',
  author: 'author',
  authors: 'author',
  by: 'author',
  byline: 'author',
  date: 'published',
  published: 'published',
  pubdate: 'published',
  published_at: 'published',
  publishedat: 'published',
  dateline: 'published',
  source: 'outlet',
  outlet: 'outlet',
  publisher: 'outlet',
  site: 'outlet',
  publication: 'outlet',
  newspaper: 'outlet',
  url: 'url',
  link: 'url',
  canonical: 'url',
  language: 'language',
  lang: 'language',
  agency: 'wireAgency',
  wire: 'wireAgency',
};

const DATE_TOKEN =
  /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2} \p{L}+\.? \d{4}|\p{L}+\.? \d{1,2},? \d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}\/\d{1,2}\/\d{1,2})(?=\s|$)/u;

function unquote(v: string): string {
  const t = v.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** YAML front matter: only flat "key: value" pairs are read; anything else is ignored. */
function frontMatter(text: string): { meta: Meta; rest: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, rest: text };
  const meta: Meta = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z_]+)\s*:\s*(.+)$/.exec(line);
    const key = kv && KEYS[kv[1].toLowerCase()];
    if (key && !meta[key]) meta[key] = unquote(kv[2]);
  }
  return { meta, rest: text.slice(m[0].length) };
}

/** One leading "key value" line; returns the metadata and whatever body text follows it on the line. */
function metaLine(line: string): { key: MetaKey; value: string; rest: string } | null {
  const m = /^\s*([A-Za-z_]+)(\s*:\s*|\s+)(.+)$/.exec(line);
  if (!m) return null;
  const key = KEYS[m[1].toLowerCase()];
  const keyed = m[2].includes(':') || m[1] === m[1].toLowerCase();
  if (!key || !keyed) return null;
  if (key === 'published') {
    const d = DATE_TOKEN.exec(m[3]);
    if (!d || !normaliseDate(d[1])) return null;
    return { key, value: d[1], rest: m[3].slice(d[0].length).trim() };
  }
  if (key === 'author' && !/^(\p{Lu}[\p{L}.'-]*\s*,?\s*(and\s+)?){1,8}$/u.test(m[3].trim())) return null;
  return { key, value: m[3].trim(), rest: '' };
}

function leadingMeta(text: string, meta: Meta): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  for (; i < lines.length; i++) {
    const parsed = metaLine(lines[i]);
    if (!parsed || meta[parsed.key]) break;
    meta[parsed.key] = parsed.value;
    if (parsed.rest) {
      lines[i] = parsed.rest;
      return lines.slice(i).join('\n');
    }
  }
  return lines.slice(i).join('\n');
}

/** Markdown to readable text: headings, emphasis, links and images lose their markup. */
function stripMarkdown(md: string): string {
  return md
    .replace(/^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*/g, '$1$2')
    .replace(/^ {0,3}>\s?/gm, '')
    .replace(/^ {0,3}([-*_])(\s*\1){2,}\s*$/gm, '');
}

/** A short first line followed by a blank line is a headline. */
function headline(body: string): { title: string; rest: string } | null {
  const m = /^\s*([^\n]{3,200})\n\s*\n/.exec(body);
  if (!m || /[.!?:;,]["”’]?$/.test(m[1].trim()) || m[1].split(/\s+/).length > 30) return null;
  return { title: m[1].trim().replace(/^#+\s*/, ''), rest: body.slice(m[0].length) };
}

function byline(body: string, meta: Meta): string {
  const m = /^\s*By\s+((?:\p{Lu}[\p{L}.'-]*\s*(?:,|and)?\s*){1,6})\n/u.exec(body);
  if (!m || meta.author) return body;
  meta.author = m[1].trim().replace(/,$/, '');
  return body.slice(m[0].length);
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function parseTextArticle(raw: string, opts: { markdown: boolean }): ParsedArticle {
  const normalised = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { meta, rest } = opts.markdown ? frontMatter(normalised) : { meta: {} as Meta, rest: normalised };
  const afterMeta = leadingMeta(rest, meta);
  // A leading "# Heading" is the title (or repeats the front matter's title): it leaves the body.
  const h1 = opts.markdown ? /^\s*#\s+(.+)$/m.exec(afterMeta) : null;
  const mdTitle = h1 && afterMeta.slice(0, h1.index).trim() === '' ? h1 : null;
  if (mdTitle && !meta.title) meta.title = mdTitle[1].trim();
  let body = opts.markdown ? stripMarkdown(mdTitle ? afterMeta.replace(mdTitle[0], '') : afterMeta) : afterMeta;
  const head = meta.title ? null : headline(body);
  if (head) [meta.title, body] = [head.title, head.rest];
  body = tidy(byline(body, meta));
  return {
    title: meta.title ?? deriveTitle(body),
    outlet: meta.outlet ?? null,
    author: meta.author ?? null,
    published: normaliseDate(meta.published) ?? normaliseDate(/^[^\n]{0,200}/.exec(body)?.[0].match(DATE_IN_DATELINE)?.[0]),
    url: meta.url ?? null,
    language: normaliseLanguage(meta.language) ?? detectLanguage(body),
    wireAgency: agencyNamed(meta.wireAgency ?? null) ?? meta.wireAgency ?? detectWireAgency(body) ?? agencyNamed(meta.outlet ?? null),
    text: body,
  };
}

const DATE_IN_DATELINE = /\b(?:\d{4}-\d{2}-\d{2}|\p{L}{3,9}\.? \d{1,2}, \d{4}|\d{1,2} \p{L}{3,9}\.? \d{4})\b/u;
