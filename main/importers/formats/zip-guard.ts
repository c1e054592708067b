// Checks a zip before any library unpacks it. The central directory says what each entry expands
// to; then every entry is inflated as a stream and counted, so a header that lies about its size
// (the classic zip bomb) is caught too. Nothing is kept except the small entries asked for.
import { Inflate } from 'fflate';
import { AppError } from '../../../shared/errors';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;
const CHUNK = 65_536;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);

function notZip(why: string): AppError {
  return new AppError('PARSE_FAILED', `DOCX is not a valid zip (${why})`);
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 65_535);
  for (let p = view.byteLength - 22; p >= min; p--) if (view.getUint32(p, true) === EOCD) return p;
  return -1;
}

/** Entries as the central directory declares them. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw notZip('it is an encrypted or legacy Word file in an OLE container');
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip('no zip signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw notZip('no central directory; the file may be truncated');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw new AppError('TOO_LARGE', `DOCX has ${count} zip entries (limit ${MAX_ENTRIES})`);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw notZip('damaged central directory');
    const nameLen = view.getUint16(p + 28, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

function entryData(bytes: Uint8Array, view: DataView, e: ZipEntry): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) throw notZip(`damaged entry ${e.name}`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + e.compressedSize > bytes.length) throw notZip(`entry ${e.name} runs past the end of the file`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** Inflates one entry as a stream, counting bytes; stops as soon as it exceeds `budget`. */
function inflateCounted(data: Uint8Array, e: ZipEntry, budget: number, keep: number): { size: number; content?: Uint8Array } {
  if (e.method === 0) return { size: data.length, content: keep > 0 ? data.subarray(0, keep) : undefined };
  if (e.method !== 8) throw notZip(`entry ${e.name} uses unsupported compression method ${e.method}`);
  let size = 0;
  let kept = 0;
  const parts: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw new AppError('TOO_LARGE', `DOCX entry ${e.name} expands past its declared size or the limit (a zip bomb?)`);
    if (kept < keep) {
      parts.push(chunk.subarray(0, keep - kept));
      kept += Math.min(chunk.length, keep - kept);
    }
  });
  try {
    for (let off = 0; off < data.length; off += CHUNK) inflate.push(data.subarray(off, off + CHUNK), off + CHUNK >= data.length);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notZip(`entry ${e.name} is corrupt`);
  }
  return { size, content: keep > 0 ? concat(parts, kept) : undefined };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Refuses zips that declare or actually expand past `limit` bytes, and returns the first bytes of
 * the entries named in `keep` (entry name -> how many bytes to keep).
 */
export function checkZip(
  bytes: Uint8Array,
  limit: number,
  keep: Record<string, number> = {},
): { entries: ZipEntry[]; kept: Map<string, Uint8Array> } {
  const entries = readCentralDirectory(bytes);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  const tooBig = (n: number) => new AppError('TOO_LARGE', `DOCX expands to ${mb(n)} MB (limit ${mb(limit)} MB)`);
  if (declared > limit || entries.some((e) => e.size === 0xffffffff)) throw tooBig(declared);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const { size, content } = inflateCounted(entryData(bytes, view, e), e, Math.min(limit - total, e.size + 1024), keep[e.name] ?? 0);
    total += size;
    if (total > limit) throw tooBig(total);
    if (content) kept.set(e.name, content);
  }
  return { entries, kept };
}
