// Journal record framing: [magic u32][payload length u32][crc32(payload) u32][payload: UTF-8 JSON].
// Little-endian. The magic lets a scan tell "garbage at the tail" from "valid records after damage".
import { crc32 } from './crc32';
import type { RecordedStatement } from './database';

export const RECORD_MAGIC = 0x4a4d4c43; // "CLMJ" read as little-endian bytes
export const HEADER_BYTES = 12;
const MAX_PAYLOAD_BYTES = 1_500_000_000;

export interface JournalRecord {
  seq: number;
  statements: RecordedStatement[];
}

export interface DecodedRecord extends JournalRecord {
  offset: number;
  /** Offset just past this record. */
  end: number;
}

export function encodeRecord(record: JournalRecord): Buffer {
  const payload = Buffer.from(JSON.stringify({ s: record.seq, q: record.statements }), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(RECORD_MAGIC, 0);
  header.writeUInt32LE(payload.length, 4);
  header.writeUInt32LE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

/** The record starting at `offset`, or null if the bytes there are not a complete, valid record. */
export function decodeRecordAt(bytes: Buffer, offset: number): DecodedRecord | null {
  if (offset + HEADER_BYTES > bytes.length) return null;
  if (bytes.readUInt32LE(offset) !== RECORD_MAGIC) return null;
  const length = bytes.readUInt32LE(offset + 4);
  const start = offset + HEADER_BYTES;
  const end = start + length;
  if (length > MAX_PAYLOAD_BYTES || end > bytes.length) return null;
  if (crc32(bytes, start, end) !== bytes.readUInt32LE(offset + 8)) return null;
  try {
    const parsed = JSON.parse(bytes.toString('utf8', start, end)) as { s: unknown; q: unknown };
    if (typeof parsed.s !== 'number' || !Array.isArray(parsed.q)) return null;
    return { seq: parsed.s, statements: parsed.q as RecordedStatement[], offset, end };
  } catch {
    return null;
  }
}

export interface SegmentScan {
  records: DecodedRecord[];
  /** Offset of the first byte that is not part of a valid record (null: the whole file is valid). */
  badOffset: number | null;
}

export function scanSegment(bytes: Buffer): SegmentScan {
  const records: DecodedRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = decodeRecordAt(bytes, offset);
    if (!record) return { records, badOffset: offset };
    records.push(record);
    offset = record.end;
  }
  return { records, badOffset: null };
}

/** True if any valid record starts after `from`: then the bad bytes are damage, not a torn tail. */
export function hasValidRecordAfter(bytes: Buffer, from: number): boolean {
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(RECORD_MAGIC, 0);
  for (let at = bytes.indexOf(magic, from + 1); at !== -1; at = bytes.indexOf(magic, at + 1)) {
    if (decodeRecordAt(bytes, at)) return true;
  }
  return false;
}
