// Reading the journal at open. Records are checksummed one by one and numbered, so damage is placed
// by the valid records around it: damage only to changes the snapshot already holds is harmless;
// damage that makes changes after the snapshot unreadable opens the archive read-only; bad bytes at
// the very end that look like an append cut short by a crash are cut off (and kept beside the file).
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freeName, timestampLabel, writeFileDurably } from './files';
import { isInterruptedAppend, isOneRecord, scanSegment, type BadRange, type JournalRecord } from './journal-format';

const SEGMENT_NAME = /^(\d{8})\.journal$/;

export interface JournalSegment {
  number: number;
  path: string;
  /** Highest sequence number written to it (null while empty). */
  lastSeq: number | null;
}

export interface JournalReadResult {
  segments: JournalSegment[];
  /** Records newer than the snapshot, in order and without a gap, ready to replay. */
  records: JournalRecord[];
  damage: string | null;
}

interface Valid extends JournalRecord {
  segment: JournalSegment;
  offset: number;
}

interface Damaged {
  segment: JournalSegment;
  bytes: Buffer;
  range: BadRange;
  /** Sequence numbers of the nearest valid records before and after (null: none). */
  prev: number | null;
  next: number | null;
}

export function segmentPath(dir: string, number: number): string {
  return path.join(dir, `${String(number).padStart(8, '0')}.journal`);
}

async function listSegments(dir: string): Promise<JournalSegment[]> {
  if (!existsSync(dir)) return [];
  const names = await fs.readdir(dir);
  return names
    .map((name) => SEGMENT_NAME.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ number: Number(m[1]), path: path.join(dir, m[0]), lastSeq: null }))
    .sort((a, b) => a.number - b.number);
}

/**
 * Reads every segment and finds the records after `snapshotSeq`. With `repair` (a writable open),
 * and no damage found, a torn last append is cut off and damaged segments the snapshot covers are
 * copied aside; otherwise no file is changed.
 */
export async function readJournal(dir: string, snapshotSeq: number, log: (msg: string) => void, repair = true): Promise<JournalReadResult> {
  const segments = await listSegments(dir);
  const contents = await Promise.all(segments.map((s) => fs.readFile(s.path)));
  const { valid, damaged } = scanAll(segments, contents);
  const { records, stop } = chainAfter(valid, snapshotSeq);
  const uncovered = damaged.filter((d) => newestSeqIn(d) > snapshotSeq);
  const torn = uncovered.length === 1 && isTornTail(uncovered[0], segments, contents) ? uncovered[0] : null;
  let damage: string | null = null;
  if (stop) damage = gapMessage(stop, records.at(-1)?.seq ?? snapshotSeq, uncovered);
  else if (uncovered.length > 0 && !torn) damage = tailMessage(uncovered[0], records.at(-1)?.seq ?? snapshotSeq);
  if (!damage && repair) {
    if (torn) await cutTornTail(torn, log);
    await keepCoveredDamage(
      damaged.filter((d) => !uncovered.includes(d)),
      snapshotSeq,
      log,
    );
  }
  return { segments, records, damage };
}

export interface IntactRecords {
  /** Every valid record newer than the base, in order, across damage and gaps. */
  records: JournalRecord[];
  /** Intact records with invalid content that may be newer than the base: never applied, reported. */
  invalid: string[];
}

/** What a recovery replays after `afterSeq`, and the invalid records it skips. */
export async function readIntactRecords(dir: string, afterSeq: number): Promise<IntactRecords> {
  const segments = await listSegments(dir);
  const contents = await Promise.all(segments.map((s) => fs.readFile(s.path)));
  const { valid, damaged } = scanAll(segments, contents);
  const bySeq = new Map<number, JournalRecord>();
  for (const r of valid) {
    if (r.seq > afterSeq && !bySeq.has(r.seq)) bySeq.set(r.seq, { seq: r.seq, version: r.version, statements: r.statements });
  }
  const invalid = damaged.filter((d) => d.range.invalid && newestSeqIn(d) > afterSeq).map(invalidRecordNote);
  return { records: [...bySeq.values()].sort((a, b) => a.seq - b.seq), invalid };
}

function scanAll(segments: JournalSegment[], contents: Buffer[]): { valid: Valid[]; damaged: Damaged[] } {
  const valid: Valid[] = [];
  const damaged: Damaged[] = [];
  const waiting: Damaged[] = []; // damage whose next valid record is not found yet
  segments.forEach((segment, i) => {
    const scan = scanSegment(contents[i]);
    const events = [...scan.records.map((r) => ({ at: r.offset, r })), ...scan.bad.map((b) => ({ at: b.offset, b }))].sort(
      (x, y) => x.at - y.at,
    );
    for (const event of events) {
      if ('r' in event) {
        for (const d of waiting.splice(0)) d.next = event.r.seq;
        valid.push({ seq: event.r.seq, version: event.r.version, statements: event.r.statements, segment, offset: event.r.offset });
        segment.lastSeq = event.r.seq;
      } else {
        const d: Damaged = { segment, bytes: contents[i], range: event.b, prev: valid.at(-1)?.seq ?? null, next: null };
        damaged.push(d);
        waiting.push(d);
      }
    }
  });
  return { valid, damaged };
}

/** The valid records continuing `snapshotSeq` without a gap, and the first record that does not. */
function chainAfter(valid: Valid[], snapshotSeq: number): { records: JournalRecord[]; stop: Valid | null } {
  const records: JournalRecord[] = [];
  for (const record of valid) {
    if (record.seq <= snapshotSeq) continue; // already in the snapshot
    if (record.seq !== snapshotSeq + records.length + 1) return { records, stop: record };
    records.push({ seq: record.seq, version: record.version, statements: record.statements });
  }
  return { records, stop: null };
}

/** The newest change the damaged bytes can have held (-Infinity: none; Infinity: unknown). */
function newestSeqIn(d: Damaged): number {
  const claimed = d.range.invalid?.seq ?? null; // an intact record with invalid content, if it says and its neighbours agree
  if (claimed !== null && (d.prev === null || claimed === d.prev + 1) && (d.next === null || claimed === d.next - 1)) return claimed;
  if (d.next !== null) return d.prev !== null && d.next <= d.prev + 1 ? -Infinity : d.next - 1;
  if (d.prev !== null && isOneRecord(d.bytes, d.range)) return d.prev + 1;
  return Infinity;
}

/** The damage is the last bytes of the journal and looks like an append a crash interrupted. */
function isTornTail(d: Damaged, segments: JournalSegment[], contents: Buffer[]): boolean {
  const index = segments.indexOf(d.segment);
  const laterBytes = contents.slice(index + 1).some((b) => b.length > 0);
  return d.next === null && !laterBytes && d.range.end === d.bytes.length && isInterruptedAppend(d.bytes, d.range.offset);
}

const UNTOUCHED = 'The files were left untouched; restoring a backup replays every change before the damage.';

function gapMessage(stop: Valid, lastGood: number, uncovered: Damaged[]): string {
  const name = path.basename(stop.segment.path);
  const cause = uncovered.find((d) => d.next === stop.seq);
  if (cause?.range.invalid) return `${invalidRecordNote(cause)} The archive shows the changes up to ${lastGood}. ${UNTOUCHED}`;
  if (cause) {
    return `Journal ${path.basename(cause.segment.path)} is damaged at byte ${cause.range.offset} (checksum mismatch followed by valid records): changes ${lastGood + 1} to ${stop.seq - 1} are unreadable. ${UNTOUCHED}`;
  }
  return `Journal ${name} jumps from change ${lastGood} to ${stop.seq} at byte ${stop.offset}: changes are missing. ${UNTOUCHED}`;
}

function tailMessage(d: Damaged, lastGood: number): string {
  if (d.range.invalid) return `${invalidRecordNote(d)} The archive shows the changes up to ${lastGood}. ${UNTOUCHED}`;
  const what = isOneRecord(d.bytes, d.range) ? 'a complete record that fails its checksum' : 'not a valid record';
  const after = d.prev === null ? '' : ` after change ${d.prev}`;
  return `Journal ${path.basename(d.segment.path)} is damaged at byte ${d.range.offset}: the last ${d.range.end - d.range.offset} bytes${after} are ${what}, not an interrupted write, so a saved change is unreadable. ${UNTOUCHED}`;
}

/** "Journal 00000001.journal holds an invalid record at byte 120 (change 7): <what is wrong>; it was not applied." */
function invalidRecordNote(d: Damaged): string {
  const seq = d.range.invalid?.seq;
  const which = seq != null ? `change ${seq}` : d.prev !== null ? `the record after change ${d.prev}` : 'its first record';
  return `Journal ${path.basename(d.segment.path)} holds an invalid record at byte ${d.range.offset} (${which}): ${d.range.invalid?.problem}; it was not applied.`;
}

/** Cuts a torn last append off; the cut bytes are kept beside the segment. */
async function cutTornTail(d: Damaged, log: (msg: string) => void): Promise<void> {
  const kept = freeName(d.segment.path, `cut-${timestampLabel()}`);
  await writeFileDurably(kept, d.bytes.subarray(d.range.offset));
  const handle = await fs.open(d.segment.path, 'r+');
  try {
    await handle.truncate(d.range.offset);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const size = d.range.end - d.range.offset;
  log(
    `Cut off an incomplete last journal record in ${path.basename(d.segment.path)}: ${size} bytes at offset ${d.range.offset} (an append a crash interrupted, never acknowledged; the bytes were kept in ${path.basename(kept)}).`,
  );
}

/** Damage only to changes the snapshot holds does not stop writing; a copy of the segment is kept. */
async function keepCoveredDamage(covered: Damaged[], snapshotSeq: number, log: (msg: string) => void): Promise<void> {
  for (const d of covered) {
    const copy = `${d.segment.path}.damaged`;
    if (!existsSync(copy)) await writeFileDurably(copy, d.bytes);
    const what = d.range.invalid
      ? `holds an invalid record at byte ${d.range.offset} (${d.range.invalid.problem})`
      : `is damaged at byte ${d.range.offset}`;
    log(
      `Journal ${path.basename(d.segment.path)} ${what}, in changes the snapshot already holds (up to ${snapshotSeq}): nothing is lost. A copy was kept as ${path.basename(copy)}.`,
    );
  }
}
