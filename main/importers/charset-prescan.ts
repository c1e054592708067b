// Finds a declared charset without decoding: the HTML "prescan a byte stream" algorithm (WHATWG
// HTML 13.2.3.2) over the first bytes, and the XML prolog's encoding="...".

const SCAN_BYTES = 16_384; // the spec says 1024; real pages often put <meta charset> later
const WS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b);

function startsWithAt(bytes: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (lower(bytes[at + i] ?? -1) !== ascii.charCodeAt(i)) return false;
  return true;
}

interface Attr {
  name: string;
  value: string;
  next: number;
}

/** The spec's "get an attribute": reads one attribute starting at `pos`, or null at '>' / end. */
function getAttribute(bytes: Uint8Array, pos: number, end: number): Attr | null {
  let p = pos;
  while (p < end && (WS.has(bytes[p]) || bytes[p] === 0x2f)) p++;
  if (p >= end || bytes[p] === 0x3e) return null;
  let name = '';
  while (p < end && !WS.has(bytes[p]) && bytes[p] !== 0x2f && bytes[p] !== 0x3e && !(bytes[p] === 0x3d && name)) {
    name += String.fromCharCode(lower(bytes[p++]));
  }
  while (p < end && WS.has(bytes[p])) p++;
  if (bytes[p] !== 0x3d) return { name, value: '', next: p };
  p++;
  while (p < end && WS.has(bytes[p])) p++;
  let value = '';
  const quote = bytes[p];
  if (quote === 0x22 || quote === 0x27) {
    p++;
    while (p < end && bytes[p] !== quote) value += String.fromCharCode(lower(bytes[p++]));
    return { name, value, next: p + 1 };
  }
  while (p < end && !WS.has(bytes[p]) && bytes[p] !== 0x3e) value += String.fromCharCode(lower(bytes[p++]));
  return { name, value, next: p };
}

/** charset=... inside a content-type value (http-equiv meta or MIME header). */
export function charsetFromContentType(content: string): string | null {
  const m = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(content);
  const value = m ? (m[1] ?? m[2] ?? m[3]) : null;
  return value ? value.trim().toLowerCase() : null;
}

function charsetFromMeta(bytes: Uint8Array, pos: number, end: number): { charset: string | null; next: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let p = pos;
  for (let attr = getAttribute(bytes, p, end); attr; attr = getAttribute(bytes, p, end)) {
    p = attr.next;
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv' && attr.value === 'content-type') gotPragma = true;
    else if (attr.name === 'content' && charset === null) {
      const found = charsetFromContentType(attr.value);
      if (found) [charset, needPragma] = [found, true];
    } else if (attr.name === 'charset') [charset, needPragma] = [attr.value, false];
  }
  if (needPragma === null || (needPragma && !gotPragma) || !charset) return { charset: null, next: p };
  return { charset, next: p };
}

function skipTagAttributes(bytes: Uint8Array, pos: number, end: number): number {
  let p = pos;
  while (p < end && !WS.has(bytes[p]) && bytes[p] !== 0x3e) p++;
  for (let attr = getAttribute(bytes, p, end); attr; attr = getAttribute(bytes, p, end)) p = attr.next;
  return p;
}

function indexOfSeq(bytes: Uint8Array, seq: number[], from: number, end: number): number {
  outer: for (let i = from; i <= end - seq.length; i++) {
    for (let j = 0; j < seq.length; j++) if (bytes[i + j] !== seq[j]) continue outer;
    return i;
  }
  return -1;
}

/** Charset named by <meta charset> or <meta http-equiv content>, normalised per the spec. */
export function prescanHtmlCharset(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, SCAN_BYTES);
  let p = 0;
  while (p < end) {
    if (startsWithAt(bytes, p, '<!--')) {
      const close = indexOfSeq(bytes, [0x2d, 0x2d, 0x3e], p + 2, end);
      if (close < 0) return null;
      p = close + 3;
    } else if (startsWithAt(bytes, p, '<meta') && (WS.has(bytes[p + 5]) || bytes[p + 5] === 0x2f)) {
      const { charset, next } = charsetFromMeta(bytes, p + 5, end);
      // An unknown label ("bogus", an unclosed quote) is skipped, as the spec says; a later meta may still count.
      if (charset && isEncodingLabel(charset)) return normaliseDeclared(charset);
      p = next + 1;
    } else if (bytes[p] === 0x3c && isTagStart(bytes, p)) {
      p = skipTagAttributes(bytes, p + 1, end) + 1;
    } else if (bytes[p] === 0x3c && (bytes[p + 1] === 0x21 || bytes[p + 1] === 0x2f || bytes[p + 1] === 0x3f)) {
      const close = bytes.indexOf(0x3e, p + 1);
      if (close < 0 || close >= end) return null;
      p = close + 1;
    } else p++;
  }
  return null;
}

function isTagStart(bytes: Uint8Array, p: number): boolean {
  const isAlpha = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  return isAlpha(bytes[p + 1]) || (bytes[p + 1] === 0x2f && isAlpha(bytes[p + 2]));
}

/** Whether the label names an encoding (the WHATWG Encoding labels, which TextDecoder knows). */
function isEncodingLabel(label: string): boolean {
  try {
    new TextDecoder(label.trim());
    return true;
  } catch {
    return false;
  }
}

/** The HTML spec's fix-ups: a meta cannot really declare UTF-16, and x-user-defined means windows-1252. */
function normaliseDeclared(label: string): string {
  const l = label.trim().toLowerCase();
  if (l.startsWith('utf-16')) return 'utf-8';
  if (l === 'x-user-defined') return 'windows-1252';
  return l;
}

/** encoding="..." from an XML prolog (<?xml version="1.0" encoding="KOI8-R"?>). */
export function xmlDeclaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 200)));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : null;
}
