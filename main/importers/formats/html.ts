// HTML/XHTML articles: metadata from what the page declares, main text from Readability (the
// Firefox reader view) over linkedom. Nothing is fetched and no script runs: linkedom is inert.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { ParsedArticle } from '../types';
import { agencyNamed, detectWireAgency } from '../meta/agencies';
import { normaliseDate } from '../meta/dates';
import { deriveTitle } from '../meta/title';
import { detectLanguage, normaliseLanguage } from '../meta/language';
import { readPageMeta } from './html-meta';
import { domToText, stripFurniture } from './html-text';

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** "By Jane Doe" -> "Jane Doe"; bylines that are only a date or a URL are not authors. */
function cleanAuthor(byline: string | null | undefined): string | null {
  const t = clean(byline)?.replace(/^(?:by|von|par|por|di)\s+/i, '') ?? null;
  if (!t || /^https?:\/\//i.test(t) || (normaliseDate(t) && t.length < 40)) return null;
  return t.length > 300 ? t.slice(0, 300) : t;
}

function absoluteUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

type ReadabilityResult = ReturnType<Readability<unknown>['parse']>;

function readable(html: string): { result: ReadabilityResult; text: string } {
  const { document } = parseHTML(html);
  stripFurniture(document);
  const reader = new Readability<unknown>(document as unknown as Document, { serializer: (node) => node });
  const result = reader.parse();
  return { result, text: result?.content ? domToText(result.content) : '' };
}

function fallbackText(html: string): string {
  const { document } = parseHTML(html);
  stripFurniture(document);
  return domToText(document.body ?? document);
}

export function parseHtmlArticle(html: string): ParsedArticle {
  const { document } = parseHTML(html);
  const page = readPageMeta(document as never);
  const { result, text: mainText } = readable(html);
  const text = mainText.length >= 200 ? mainText : fallbackText(html) || mainText;
  const author = cleanAuthor(result?.byline) ?? cleanAuthor(page.author);
  const outlet = clean(result?.siteName) ?? clean(page.outlet);
  return {
    title: clean(result?.title) ?? clean(page.title) ?? deriveTitle(text),
    outlet,
    author,
    published: normaliseDate(clean(result?.publishedTime)) ?? normaliseDate(clean(page.published)),
    url: absoluteUrl(page.url),
    language: normaliseLanguage(clean(result?.lang) ?? page.language) ?? detectLanguage(text),
    wireAgency: agencyNamed(page.agency) ?? agencyNamed(author) ?? detectWireAgency(text) ?? agencyNamed(outlet),
    text,
  };
}
