// Journal record framing: [magic u32][payload length u32][crc32(payload) u32][payload: UTF-8 JSON].
// Little-endian. Every record is checked on its own: a scan finds the valid records around damage.
// A record whose checksum matches but whose content is not a valid change (journal-payload.ts) is
// damage too, reported with what is wrong with it.
import { crc32 } from './crc32';
import { parsePayload, payloadJson, type RecordContent } from './journal-payload';

export const RECORD_MAGIC = 0x4a4d4c43; // "CLMJ" read as little-endian bytes
export const HEADER_BYTES = 12;
const MAX_PAYLOAD_BYTES = 1_500_000_000;

export type JournalRecord = RecordContent;

export interface DecodedRecord extends JournalRecord {
  offset: number;
  /** Offset just past this record. */
  end: number;
}

export function encodeRecord(record: JournalRecord): Buffer {
  const payload = Buffer.from(payloadJson(record), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(RECORD_MAGIC, 0);
  header.writeUInt32LE(payload.length, 4);
  header.writeUInt32LE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

/** A complete record whose checksum matches but whose content is not a valid change. */
export interface InvalidRecord {
  offset: number;
  end: number;
  /** What is wrong with it, for the researcher. */
  problem: string;
  /** The change number it claims, when that much is readable. */
  seq: number | null;
}

/**
 * The record starting at `offset`: null if the bytes there are not a complete record with a matching
 * checksum, an InvalidRecord if they are but its content is not a valid change.
 */
export function decodeRecordAt(bytes: Buffer, offset: number): DecodedRecord | InvalidRecord | null {
  const end = frameEnd(bytes, offset);
  if (end === null) return null;
  const parsed = parsePayload(bytes.toString('utf8', offset + HEADER_BYTES, end));
  if (!parsed.ok) return { offset, end, problem: parsed.problem, seq: parsed.seq };
  return { ...parsed.record, offset, end };
}

/** Where the record framed at `offset` ends, if its header and checksum are intact. */
function frameEnd(bytes: Buffer, offset: number): number | null {
  if (offset + HEADER_BYTES > bytes.length) return null;
  if (bytes.readUInt32LE(offset) !== RECORD_MAGIC) return null;
  const length = bytes.readUInt32LE(offset + 4);
  const start = offset + HEADER_BYTES;
  const end = start + length;
  if (length > MAX_PAYLOAD_BYTES || end > bytes.length) return null;
  if (crc32(bytes, start, end) !== bytes.readUInt32LE(offset + 8)) return null;
  return end;
}

/** Bytes that are not part of any valid record: damage, or an append interrupted by a crash. */
export interface BadRange {
  offset: number;
  end: number;
  /** Set when the range is one intact record with invalid content. */
  invalid?: InvalidRecord;
}

export interface SegmentScan {
  /** Every valid record, in file order (records are checked independently, so damage is skipped). */
  records: DecodedRecord[];
  bad: BadRange[];
}

export function scanSegment(bytes: Buffer): SegmentScan {
  const records: DecodedRecord[] = [];
  const bad: BadRange[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const record = decodeRecordAt(bytes, offset);
    if (record && 'problem' in record) bad.push({ offset, end: record.end, invalid: record });
    else if (record) records.push(record);
    if (record) {
      offset = record.end;
      continue;
    }
    const next = nextRecordAfter(bytes, offset);
    bad.push({ offset, end: next });
    offset = next;
  }
  return { records, bad };
}

/** Where the next intact record after `from` starts (the end of the bytes if none does). */
function nextRecordAfter(bytes: Buffer, from: number): number {
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(RECORD_MAGIC, 0);
  for (let at = bytes.indexOf(magic, from + 1); at !== -1; at = bytes.indexOf(magic, at + 1)) {
    if (frameEnd(bytes, at) !== null) return at;
  }
  return bytes.length;
}

/**
 * True if the damaged bytes are exactly one record: its length field spans them, or its checksum
 * matches them (then only the length field was hit). One flipped byte anywhere leaves one of both.
 */
export function isOneRecord(bytes: Buffer, range: BadRange): boolean {
  if (range.end - range.offset < HEADER_BYTES) return false;
  const length = bytes.readUInt32LE(range.offset + 4);
  return (
    range.offset + HEADER_BYTES + length === range.end ||
    crc32(bytes, range.offset + HEADER_BYTES, range.end) === bytes.readUInt32LE(range.offset + 8)
  );
}

const PAGE_BYTES = 4096;

/**
 * True if the bytes from `offset` to the end look like an append cut short by a crash: the start of
 * a record (a prefix of the magic, or a header whose record runs past what was written). A power cut
 * may also leave the unwritten rest of the last pages as zeros, from a page boundary on. A complete
 * record with a bad checksum, or garbage, is damage to written data instead.
 */
export function isInterruptedAppend(bytes: Buffer, offset: number): boolean {
  let dataEnd = bytes.length;
  while (dataEnd > offset && bytes[dataEnd - 1] === 0) dataEnd--;
  if (dataEnd === offset) return true; // nothing but zeros
  const written = Math.min(bytes.length, Math.ceil(dataEnd / PAGE_BYTES) * PAGE_BYTES);
  const magic = Buffer.alloc(4);
  magic.writeUInt32LE(RECORD_MAGIC, 0);
  const head = bytes.subarray(offset, Math.min(written, offset + 4));
  if (!head.equals(magic.subarray(0, head.length))) return false;
  if (written - offset < HEADER_BYTES) return true;
  const length = bytes.readUInt32LE(offset + 4);
  const checksumFits = crc32(bytes, offset + HEADER_BYTES, bytes.length) === bytes.readUInt32LE(offset + 8); // a hit length field
  return length <= MAX_PAYLOAD_BYTES && offset + HEADER_BYTES + length > written && !checksumFits;
}
