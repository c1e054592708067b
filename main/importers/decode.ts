// Bytes -> text. Order: byte-order mark, strict UTF-8, the charset the document declares, then a
// statistical guess. Binary data with a text extension is refused rather than turned into mojibake.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';
import { prescanHtmlCharset, xmlDeclaredCharset } from './charset-prescan';
import { refineCyrillic } from './sniff-cyrillic';

export type DecodeHint = 'html' | 'xml' | 'text';
export interface Decoded {
  text: string;
  encoding: string;
  how: 'bom' | 'utf-8' | 'declared' | 'sniffed';
}

const BOMS: [number[], string][] = [
  [[0xff, 0xfe, 0x00, 0x00], 'utf-32le'],
  [[0x00, 0x00, 0xfe, 0xff], 'utf-32be'],
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  }
  return null;
}

/** Decodes with the WHATWG decoder when Node knows the label (ISO-2022-JP...), else iconv-lite (UTF-32...). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    if (iconv.encodingExists(encoding)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
    throw new AppError('UNSUPPORTED_FORMAT', `Unknown text encoding "${encoding}"`);
  }
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return iconv.encodingExists(label);
  }
}

/** UTF-16/32 without a BOM: ASCII-heavy text leaves NULs in fixed byte lanes. */
export function sniffWideUnicode(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 8192) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]++;
  const units = n / 4;
  const lane = (i: number) => zeros[i] / units;
  if (lane(1) > 0.9 && lane(2) > 0.9 && lane(3) > 0.9 && lane(0) < 0.5) return 'utf-32le';
  if (lane(0) > 0.9 && lane(1) > 0.9 && lane(2) > 0.9 && lane(3) < 0.5) return 'utf-32be';
  const even = (zeros[0] + zeros[2]) / (n / 2);
  const odd = (zeros[1] + zeros[3]) / (n / 2);
  if (odd > 0.3 && even < 0.05) return 'utf-16le';
  if (even > 0.3 && odd < 0.05) return 'utf-16be';
  return null;
}

/** NULs or many C0 control bytes mean this is not text in any 8-bit or multibyte encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / Math.max(n, 1) > 0.02;
}

/** 7-bit ISO-2022-JP passes as UTF-8; its escape sequences (ESC $ B, ESC $ @, ESC ( J) give it away. */
function sniffIso2022(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 65_536);
  for (let i = 0; i < n - 2; i++) {
    if (bytes[i] >= 0x80) return null;
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return 'iso-2022-jp';
  }
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function declaredCharset(bytes: Uint8Array, hint: DecodeHint): string | null {
  const declared = hint === 'text' ? null : (xmlDeclaredCharset(bytes) ?? (hint === 'html' ? prescanHtmlCharset(bytes) : null));
  return declared && isKnownEncoding(declared) ? declared : null;
}

// chardet speaks ICU names; browsers read Latin-1 labels as windows-1252, a superset.
const SNIFF_ALIASES: Record<string, string> = { 'iso-8859-1': 'windows-1252' };

function sniffedCharset(bytes: Uint8Array): string {
  const guess = chardet.detect(bytes.subarray(0, 262_144))?.toLowerCase() ?? 'windows-1252';
  const name = SNIFF_ALIASES[guess] ?? guess;
  return refineCyrillic(bytes, isKnownEncoding(name) ? name : 'windows-1252', decodeAs);
}

export function decodeText(bytes: Uint8Array, hint: DecodeHint = 'text', name = 'file'): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, how: 'bom' };
  const wide = sniffWideUnicode(bytes);
  if (wide) return { text: decodeAs(bytes, wide), encoding: wide, how: 'sniffed' };
  if (looksBinary(bytes)) throw new AppError('UNSUPPORTED_FORMAT', `File looks binary, not text: ${name}`);
  const iso2022 = sniffIso2022(bytes);
  if (iso2022) return { text: decodeAs(bytes, iso2022), encoding: iso2022, how: 'sniffed' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', how: 'utf-8' };
  const declared = declaredCharset(bytes, hint);
  if (declared && !/^utf-?8$/i.test(declared)) return { text: decodeAs(bytes, declared), encoding: declared, how: 'declared' };
  // UTF-8 with a few stray Latin-1 bytes (a pasted word, a template in another encoding): read the UTF-8 as
  // UTF-8 and only the stray bytes as windows-1252, instead of turning every "ä" of the page into "Ã¤".
  const mixed = mostlyUtf8(bytes);
  if (mixed !== null) return { text: mixed, encoding: 'utf-8', how: 'utf-8' };
  const sniffed = sniffedCharset(bytes);
  return { text: decodeAs(bytes, sniffed), encoding: sniffed, how: 'sniffed' };
}

/** Length of the valid UTF-8 multi-byte sequence at i, or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (!n || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  if (b === 0xe0 && bytes[i + 1] < 0xa0) return 0;
  if (b === 0xed && bytes[i + 1] > 0x9f) return 0;
  if (b === 0xf0 && bytes[i + 1] < 0x90) return 0;
  if (b === 0xf4 && bytes[i + 1] > 0x8f) return 0;
  return n;
}

/**
 * Text that is UTF-8 except for a few stray bytes: at least ten valid multi-byte sequences and at most one
 * stray byte for every ten of them. The stray bytes are read as windows-1252. Null when it is not that.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  let valid = 0;
  const stray: number[] = [];
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n) {
      valid++;
      i += n;
    } else {
      stray.push(i);
      i++;
    }
  }
  if (valid < 10 || stray.length * 10 > valid) return null;
  const utf8 = new TextDecoder('utf-8');
  let out = '';
  let from = 0;
  for (const at of stray) {
    out += utf8.decode(bytes.subarray(from, at)) + decodeAs(bytes.subarray(at, at + 1), 'windows-1252');
    from = at + 1;
  }
  return out + utf8.decode(bytes.subarray(from));
}
