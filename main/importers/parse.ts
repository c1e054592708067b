// File bytes -> ParsedFile, in the current thread. The worker runs this; everything else goes
// through the worker (pool.ts) so a hostile file cannot stall or exhaust the app.
import { createHash } from 'node:crypto';
import { extname, basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { decodeText } from './decode';
import {
  DEFAULT_LIMITS,
  SUPPORTED_EXTENSIONS,
  type ParseLimits,
  type ParseProgress,
  type ParsedArticle,
  type ParsedContent,
  type ParsedFile,
} from './types';
import { judgeArticleText } from './quality';
import { parseTextArticle } from './formats/text';
import { parseHtmlArticle } from './formats/html';
import { parsePdfArticle } from './formats/pdf';
import { parseDocxArticle } from './formats/docx';
import { parseMhtmlArticle } from './formats/mhtml';
import { parseClaimTable } from './formats/csv';
import { parseClaimJson } from './formats/claimreview';

const MAX_TEXT_CHARS = 5_000_000;

export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

export function isSupported(path: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extensionOf(path));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Size and type checks that need no parsing; also run before a file is handed to a worker. */
export function checkBeforeParse(name: string, size: number, limits: Pick<ParseLimits, 'maxBytes'>): void {
  if (!isSupported(name)) {
    const ext = extensionOf(name);
    throw new AppError(
      'UNSUPPORTED_FORMAT',
      ext ? `Unsupported file type .${ext}` : `Unsupported file type (no extension): ${basename(name)}`,
    );
  }
  if (size === 0) throw new AppError('PARSE_FAILED', `Empty file: ${basename(name)}`);
  if (size > limits.maxBytes) throw new AppError('TOO_LARGE', `File is ${mb(size)} (limit ${mb(limits.maxBytes)}): ${basename(name)}`);
}

type OnProgress = (p: ParseProgress) => void;

async function parseContent(
  ext: string,
  bytes: Uint8Array,
  name: string,
  limits: ParseLimits,
  onProgress?: OnProgress,
): Promise<ParsedContent> {
  const article = (a: ParsedArticle): ParsedContent => ({ kind: 'article', article: a });
  const text = (hint: 'html' | 'xml' | 'text') => decodeText(bytes, hint, basename(name)).text;
  switch (ext) {
    case 'pdf':
      return article(await parsePdfArticle(bytes, onProgress, limits.maxOcrPages));
    case 'docx':
      return article(await parseDocxArticle(bytes, limits.maxUnzippedBytes));
    case 'mhtml':
    case 'mht':
      return article(parseMhtmlArticle(bytes));
    case 'html':
    case 'htm':
      return article(parseHtmlArticle(text('html')));
    case 'xhtml':
      return article(parseHtmlArticle(text('xml')));
    case 'md':
    case 'markdown':
      return article(parseTextArticle(text('text'), { markdown: true }));
    case 'txt':
      return article(parseTextArticle(text('text'), { markdown: false }));
    case 'csv':
    case 'tsv':
      return { kind: 'claims', claims: parseClaimTable(text('text'), { tsv: ext === 'tsv' }) };
    case 'json':
    case 'jsonld':
      return { kind: 'claims', claims: parseClaimJson(text('text')) };
    default:
      throw new AppError('UNSUPPORTED_FORMAT', `Unsupported file type .${ext}`);
  }
}

/**
 * Keeps fields within what the archive accepts; an article without text is refused. Text that the
 * quality gate finds unreadable is kept, with a warning (PDFs judge theirs after OCR).
 */
function finishArticle(a: ParsedArticle, name: string): ParsedArticle {
  if (!a.text.trim()) throw new AppError('PARSE_FAILED', `No article text found in ${basename(name)}`);
  if (a.text.length > MAX_TEXT_CHARS)
    throw new AppError('TOO_LARGE', `Article text is ${a.text.length} characters (limit ${MAX_TEXT_CHARS})`);
  const cut = (s: string | null, n: number) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return {
    ...(a.textQuality ? {} : judgeArticleText(a.text)),
    ...a,
    title: cut(a.title.trim(), 500) || basename(name),
    outlet: cut(a.outlet, 300),
    author: cut(a.author, 1000),
    url: a.url && a.url.length <= 4000 ? a.url : null,
    language: a.language && a.language.length <= 35 ? a.language : null,
    wireAgency: cut(a.wireAgency, 300),
  };
}

export async function parseBytes(
  name: string,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_LIMITS,
  onProgress?: OnProgress,
): Promise<ParsedFile> {
  checkBeforeParse(name, bytes.length, limits);
  const ext = extensionOf(name);
  const source = { sha256: sha256Hex(bytes), name: basename(name), type: ext, size: bytes.length };
  const content = await parseContent(ext, bytes, name, limits, onProgress);
  if (content.kind === 'claims') return { ...content, source };
  return { kind: 'article', article: finishArticle(content.article, name), source };
}
