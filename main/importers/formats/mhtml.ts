// MHTML (a saved web page: MIME multipart/related). The first text/html part is decoded
// (quoted-printable or base64, its declared charset) and parsed as HTML; the page URL comes from the
// part's Content-Location when the page itself does not name one.
import type { ParsedArticle } from '../types';
import { AppError } from '../../../shared/errors';
import { charsetFromContentType } from '../charset-prescan';
import { decodeAs, decodeText } from '../decode';
import { parseHtmlArticle } from './html';

interface Part {
  headers: Map<string, string>;
  body: string; // binary string (one char per byte)
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function splitHead(raw: string): Part {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, m.index)), body: raw.slice(m.index + m[0].length) };
}

function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]) : null;
}

function parts(raw: string, boundary: string): Part[] {
  return raw
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitHead(chunk.replace(/^\r?\n/, '')));
}

function bodyBytes(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return new Uint8Array(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'));
  const text =
    encoding === 'quoted-printable'
      ? part.body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      : part.body;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** The saved page's HTML (its first text/html part, decoded) and where it was saved from. */
export function mhtmlPage(bytes: Uint8Array): { html: string; location: string | null } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const top = splitHead(raw);
  const boundary = boundaryOf(top.headers.get('content-type'));
  const candidates = boundary ? parts(top.body, boundary) : [top];
  const html = candidates.find((p) => /^text\/html\b/i.test(p.headers.get('content-type') ?? ''));
  if (!html) throw new AppError('PARSE_FAILED', 'MHTML has no text/html part');
  const data = bodyBytes(html);
  const charset = charsetFromContentType(html.headers.get('content-type') ?? '');
  let text: string;
  try {
    text = charset ? decodeAs(data, charset) : decodeText(data, 'html').text;
  } catch {
    text = decodeText(data, 'html').text;
  }
  return { html: text, location: html.headers.get('content-location') ?? top.headers.get('snapshot-content-location') ?? null };
}

export function parseMhtmlArticle(bytes: Uint8Array): ParsedArticle {
  const { html, location } = mhtmlPage(bytes);
  const article = parseHtmlArticle(html);
  const url = article.url ?? (location && /^https?:\/\//i.test(location) ? location : null);
  return { ...article, url };
}
