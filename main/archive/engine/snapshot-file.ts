// The snapshot file archive.db and its checksum archive.db.sha256. The checksum lets an open trust
// the file after hashing it (fast) instead of running PRAGMA quick_check (seconds on a large archive).
// A file that does not match its checksum changed after it was written (a bad disk, a bit flip): it
// is never opened writable. Only a missing checksum (an older version's archive, a copied file)
// falls back to quick_check.
import fs from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { SqlJsStatic } from 'sql.js';
import { Database } from './database';
import { fsyncDir, writeAll, writeFileDurably, writeFileDurablyNow } from './files';
import { emptyDatabaseBytes, openOwning, readWithHeadroom, type RoomyBytes } from './own-bytes';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const checksumPath = (snapshot: string) => `${snapshot}.sha256`;
/** The checksum of a snapshot being written, until it has replaced the old one. */
export const nextChecksumPath = (snapshot: string) => `${snapshot}.next.sha256`;

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

/** Read size of sha256File: one buffer, reused (a stream's fresh 8 MiB chunks pile up until a GC). */
const FILE_HASH_CHUNK = 1024 * 1024;

/** sha256 of a file, read through one reused buffer (never the whole file in memory). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(FILE_HASH_CHUNK);
  const handle = await fs.open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/**
 * Checksum first, then the file: archive.db.next.sha256 ← new hash, archive.db ← bytes (atomic
 * rename), then the next checksum is renamed over archive.db.sha256. Whenever a crash strikes,
 * archive.db matches one of the two checksum files.
 */
export async function writeSnapshotFile(file: string, bytes: Uint8Array): Promise<void> {
  const next = nextChecksumPath(file);
  await writeSmallFile(next, Buffer.from(`${await sha256Async(bytes)}\n`));
  await writeFileDurably(file, bytes);
  await fs.rename(next, checksumPath(file));
  await fsyncDir(path.dirname(file));
}

/**
 * writeSnapshotFile for the live database file (Database.fileAfter), which the next write changes:
 * handed to the OS before this returns (no copy in memory). Its checksum is read back from the
 * written file in slices, so the services keep answering while a large archive is hashed (hashing
 * the live bytes in one step held them ~0.5 s at 100k claims). The checksum file, fsyncs and renames
 * follow in the same order and with the same crash guarantees.
 */
export function writeSnapshotFileNow(file: string, bytes: Uint8Array): Promise<void> {
  const next = nextChecksumPath(file);
  // The new checksum is on disk before the new file takes the name (see writeSnapshotFile).
  const written = writeFileDurablyNow(file, bytes, async (temp) => writeSmallFile(next, Buffer.from(`${await sha256File(temp)}\n`)));
  return (async () => {
    await written;
    await fs.rename(next, checksumPath(file));
    await fsyncDir(path.dirname(file));
  })();
}

/** In place (a torn write only makes a hash nobody matches), so no temp file is left by a crash. */
async function writeSmallFile(file: string, bytes: Buffer): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(path.dirname(file));
}

/**
 * Opens snapshot bytes and returns the database, or a description of what is wrong with them.
 * Given bytes with headroom (own-bytes.ts), the database takes them over instead of copying them.
 */
export function checkSnapshot(SQL: SqlJsStatic, given: Uint8Array | RoomyBytes, trusted = false): Database | string {
  const bytes = given instanceof Uint8Array ? given : given.bytes;
  if (bytes.length < 100 || !Buffer.from(bytes.buffer, bytes.byteOffset, 16).equals(SQLITE_HEADER)) return 'not an SQLite database';
  let db: Database | null = null;
  try {
    db = given instanceof Uint8Array ? new Database(new SQL.Database(bytes)) : new Database(openOwning(SQL, given), given.storage);
    const check = trusted ? String(db.pragma('schema_version') !== null ? 'ok' : 'no schema') : String(db.pragma('quick_check'));
    if (check !== 'ok') throw new Error(check);
    return db;
  } catch (err) {
    db?.close();
    return `integrity check failed: ${(err as Error).message}`;
  }
}

/** A new, empty database whose file grows in place in a buffer of its own (own-bytes.ts), never copied to grow. */
export function newDatabase(SQL: SqlJsStatic): Database {
  const empty = emptyDatabaseBytes(SQL);
  return new Database(openOwning(SQL, empty), empty.storage);
}

export interface LoadedFile {
  db: Database;
  /** The file as read; it is the database's own storage, so valid only until the first write. */
  bytes: Uint8Array;
  /** How the file was verified; 'mismatch': it passed quick_check but does not match its checksum. */
  verifiedBy: 'checksum' | 'quick_check' | 'mismatch';
}

/** Reads and verifies the snapshot: checksum match, else quick_check. Returns a problem text on failure. */
export async function loadSnapshotFile(SQL: SqlJsStatic, file: string): Promise<LoadedFile | string> {
  const roomy = await readWithHeadroom(file);
  const { bytes } = roomy;
  const listed = await Promise.all([checksumPath(file), nextChecksumPath(file)].map(readChecksum));
  const trusted = listed.includes(createHash('sha256').update(bytes).digest('hex'));
  const db = checkSnapshot(SQL, roomy, trusted);
  if (typeof db === 'string') return db;
  return { db, bytes, verifiedBy: trusted ? 'checksum' : listed[0] === null ? 'quick_check' : 'mismatch' };
}

async function readChecksum(file: string): Promise<string | null> {
  return existsSync(file) ? (await fs.readFile(file, 'utf8')).trim() : null;
}
