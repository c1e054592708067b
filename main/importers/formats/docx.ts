// Word documents. The zip is checked first (declared and real expanded size), then mammoth reads
// the text. Document properties (docProps/core.xml) give title, author and date; they are read
// with regular expressions, so no XML entity is ever expanded.
import mammoth from 'mammoth';
import type { ParsedArticle } from '../types';
import { AppError } from '../../../shared/errors';
import { agencyNamed, detectWireAgency } from '../meta/agencies';
import { cleanByline } from '../meta/byline';
import { normaliseDate } from '../meta/dates';
import { deriveTitle } from '../meta/title';
import { detectLanguage, normaliseLanguage } from '../meta/language';
import { unzipSync } from 'fflate';
import { checkZip } from './zip-guard';
import { docxBodyText } from './docx-fast-text';

const CORE = 'docProps/core.xml';
const BODY = 'word/document.xml';
/** Bodies larger than this are read without mammoth (see docx-fast-text.ts). */
const LARGE_BODY_BYTES = 4 * 1024 * 1024;

function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  if (!m) return null;
  const text = m[1]
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&')
    .trim();
  return text || null;
}

function coreProperties(bytes: Uint8Array | undefined) {
  const xml = bytes ? new TextDecoder().decode(bytes) : '';
  return {
    title: xmlText(xml, 'dc:title'),
    author: xmlText(xml, 'dc:creator'),
    created: xmlText(xml, 'dcterms:created'),
    language: xmlText(xml, 'dc:language'),
  };
}

async function rawText(bytes: Uint8Array): Promise<string> {
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError('PARSE_FAILED', `DOCX is damaged: ${message.split('\n')[0].slice(0, 200)}`);
  }
}

function largeBodyText(bytes: Uint8Array): string {
  // Sizes were verified by checkZip, so unpacking just this entry is safe.
  const files = unzipSync(bytes, { filter: (f) => f.name === BODY });
  return docxBodyText(new TextDecoder().decode(files[BODY]));
}

export async function parseDocxArticle(bytes: Uint8Array, maxUnzippedBytes: number): Promise<ParsedArticle> {
  const { entries, kept } = checkZip(bytes, maxUnzippedBytes, { [CORE]: 1_000_000, [BODY]: 4096 });
  const body = entries.find((e) => e.name === BODY);
  if (!body) {
    throw new AppError('PARSE_FAILED', 'DOCX has no word/document.xml: it is a zip, but not a Word document');
  }
  // Word never writes a DTD; one in the body can only be an entity trick (XXE or billion laughs).
  if (/<!DOCTYPE|<!ENTITY/i.test(new TextDecoder().decode(kept.get(BODY)))) {
    throw new AppError('PARSE_FAILED', 'DOCX declares XML entities in word/document.xml; refused (entities are never resolved)');
  }
  const raw = body.size > LARGE_BODY_BYTES ? largeBodyText(bytes) : await rawText(bytes);
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!/\p{L}|\p{N}/u.test(text)) throw new AppError('PARSE_FAILED', 'DOCX contains no text');
  const core = coreProperties(kept.get(CORE));
  // Word fills dc:creator with the account that made the file ("adam", "vdk18"): no author.
  const author = cleanByline(core.author, { rejectAccounts: true });
  return {
    title: core.title ?? deriveTitle(text),
    outlet: null,
    author,
    published: normaliseDate(core.created),
    url: null,
    language: normaliseLanguage(core.language) ?? detectLanguage(text),
    wireAgency: agencyNamed(author) ?? detectWireAgency(text),
    text,
  };
}
