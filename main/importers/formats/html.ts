// HTML/XHTML articles: metadata from what the page declares, main text from Readability (the
// Firefox reader view) over linkedom. Nothing is fetched and no script runs: linkedom is inert.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ParsedArticle } from '../types';
import { agencyNamed, creditedAgency } from '../meta/agencies';
import { cleanByline } from '../meta/byline';
import { normaliseDate } from '../meta/dates';
import { deriveTitle } from '../meta/title';
import { detectLanguage, normaliseLanguage } from '../meta/language';
import { personName, readPageMeta } from './html-meta';
import { domToText, stripFurniture } from './html-text';

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

function absoluteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** True when only whitespace, an XML declaration, a doctype and comments come before `<html>` (one linear pass). */
function startsAtHtml(html: string): boolean {
  let i = 0;
  for (;;) {
    while (i < html.length && /\s/.test(html[i])) i++;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (html.startsWith('<?', i) || /^<!doctype/i.test(html.slice(i, i + 9))) {
      const end = html.indexOf('>', i);
      if (end < 0) return false;
      i = end + 1;
    } else {
      return /^<html[\s>]/i.test(html.slice(i, i + 6));
    }
  }
}

/**
 * The page from its real root. A page that starts with stray output before `<html>`/`<head>` (a PHP
 * warning, a `<style>` block, a doctype followed straight by `<head>`) is otherwise read by linkedom as a
 * document whose root is that first element, with an empty body: no text, no byline, no date.
 */
export function fromRoot(html: string): string {
  if (startsAtHtml(html)) return html;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) return html;
  const before = html.slice(0, head.index);
  // The <html> tag before <head>, outside conditional comments ("<!--[if IE 7]><html class=ie7><![endif]-->").
  const tags = before.replace(/<!--[\s\S]*?-->/g, '').match(/<html[\s>][^>]*>?/gi);
  // Meta tags and JSON-LD a plugin printed before the page's doctype still describe the page (its author, its date).
  const rootAt = before.search(/<!doctype|<html[\s>]/i);
  const stray = rootAt > 0 ? before.slice(0, rootAt) : '';
  const kept = stray.match(/<meta\b[^>]*>|<script\b[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/gi) ?? [];
  return `<!DOCTYPE html>${tags ? tags[tags.length - 1] : '<html>'}${head[0]}${kept.join('')}${html.slice(head.index + head[0].length)}`;
}

function parsePage(html: string) {
  return parseHTML(fromRoot(html));
}

type ReadabilityResult = ReturnType<Readability<unknown>['parse']>;

function readable(html: string): { result: ReadabilityResult; text: string } {
  const { document } = parsePage(html);
  stripFurniture(document);
  const reader = new Readability<unknown>(document as unknown as Document, { serializer: (node) => node });
  const result = reader.parse();
  return { result, text: result?.content ? domToText(result.content) : '' };
}

function fallbackText(html: string): string {
  const { document } = parsePage(html);
  stripFurniture(document);
  return domToText(document.body ?? document);
}

/** Picture agencies and words that mark a credit as a picture's. */
const PICTURE_CREDIT =
  /\b(?:fotos?|bild(?:er)?|photos?|images?|pixabay|unsplash|pexels|shutterstock|getty|istock(?:photo)?|adobe ?stock|fotolia|imago|picture[- ]alliance|wikimedia|commons)\b/iu;

/** A story signed at its end: one of its last paragraphs is only the author's name ("Stefan Wasmer"). */
function signature(text: string): string | null {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .slice(-3);
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const name = personName(paragraphs[i]);
    if (name) return name;
  }
  // "Quelle: kathpress", "Quelle: MDR THÜRINGEN/ls": the source a story credits at its very end, unless a picture's.
  const credit = /^(?:Quelle|Source)\s*:\s*([^\n]{2,60})$/u.exec(paragraphs[paragraphs.length - 1]?.trim() ?? '');
  if (credit && !PICTURE_CREDIT.test(credit[1])) return cleanByline(credit[0]);
  return null;
}

export function parseHtmlArticle(html: string): ParsedArticle {
  const { result, text: mainText } = readable(html);
  const { document } = parsePage(html);
  const page = readPageMeta(document as never, { byline: result?.byline });
  const text = mainText.length >= 200 ? mainText : fallbackText(html) || mainText;
  const author = clean(page.author) ?? signature(text);
  const outlet = clean(page.outlet) ?? clean(result?.siteName);
  const authorAgency =
    author
      ?.split('; ')
      .map(agencyNamed)
      .find((a) => a) ?? null;
  const ownCredit = agencyNamed(page.agency) ?? creditedAgency(text);
  return {
    title: clean(page.title) ?? clean(result?.title) ?? deriveTitle(text),
    outlet,
    // A wire story without a personal byline is by the agency its own dateline or sign-off credits.
    author: author ?? ownCredit,
    published: normaliseDate(clean(page.published)) ?? normaliseDate(clean(result?.publishedTime)),
    url: absoluteUrl(page.url),
    language: normaliseLanguage(clean(result?.lang) ?? page.language) ?? detectLanguage(text),
    // Only the article's own credit names the wire agency: never a caption or a photo credit.
    wireAgency: agencyNamed(page.agency) ?? authorAgency ?? ownCredit ?? agencyNamed(outlet),
    text,
  };
}
