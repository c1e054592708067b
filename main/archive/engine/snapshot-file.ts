// The snapshot file archive.db and its checksum archive.db.sha256. The checksum lets an open
// trust the file after hashing it (fast) instead of running PRAGMA quick_check (seconds on a large
// archive); quick_check remains the fallback when the checksum is missing or stale.
import fs from 'node:fs/promises';
import { createReadStream, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import { Database } from './database';
import { writeFileDurably } from './files';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const checksumPath = (snapshot: string) => `${snapshot}.sha256`;

const HASH_CHUNK = 8 * 1024 * 1024;

/**
 * Hashes in slices, yielding between them: snapshots happen while people work, and WebCrypto
 * would copy the whole (possibly 1 GB) buffer first.
 */
export async function sha256Async(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    hash.update(bytes.subarray(at, at + HASH_CHUNK));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}

/** sha256 of a file, streamed (never the whole file in memory). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: HASH_CHUNK })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function writeSnapshotFile(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileDurably(file, bytes);
  // Written after the snapshot: a crash in between leaves a stale checksum, which only costs the
  // next open a quick_check.
  await writeFileDurably(checksumPath(file), Buffer.from(`${await sha256Async(bytes)}\n`));
}

/** Opens snapshot bytes and returns the database, or a description of what is wrong with them. */
export function checkSnapshot(SQL: SqlJsStatic, bytes: Uint8Array, trusted = false): Database | string {
  if (bytes.length < 100 || !Buffer.from(bytes.buffer, bytes.byteOffset, 16).equals(SQLITE_HEADER)) return 'not an SQLite database';
  let db: Database | null = null;
  try {
    db = new Database(new SQL.Database(bytes));
    const check = trusted ? String(db.pragma('schema_version') !== null ? 'ok' : 'no schema') : String(db.pragma('quick_check'));
    if (check !== 'ok') throw new Error(check);
    return db;
  } catch (err) {
    db?.close();
    return `integrity check failed: ${(err as Error).message}`;
  }
}

export interface LoadedFile {
  db: Database;
  bytes: Uint8Array;
  /** How the file was verified. */
  verifiedBy: 'checksum' | 'quick_check';
}

/** Reads and verifies the snapshot: checksum match, else quick_check. Returns a problem text on failure. */
export async function loadSnapshotFile(SQL: SqlJsStatic, file: string): Promise<LoadedFile | string> {
  const bytes = await fs.readFile(file);
  const expected = existsSync(checksumPath(file)) ? (await fs.readFile(checksumPath(file), 'utf8')).trim() : null;
  const trusted = expected !== null && createHash('sha256').update(bytes).digest('hex') === expected;
  const db = checkSnapshot(SQL, bytes, trusted);
  if (typeof db === 'string') return db;
  return { db, bytes, verifiedBy: trusted ? 'checksum' : 'quick_check' };
}
