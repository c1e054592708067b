// Opening an archive folder: load the last snapshot, check it, replay the journal over it, upgrade
// the schema. Anything suspicious yields a read-only archive with a reason; nothing is repaired
// silently. A writable open changes no file except cutting a torn last journal record (kept aside).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { Database } from './database';
import { writeBackup } from './backups';
import { loadSnapshotFile, newDatabase } from './snapshot-file';
import { moveAside, timestampLabel } from './files';
import { readJournal, type JournalSegment } from './journal';
import { newerRecord, upgradeFor } from './journal-replay';
import { LATEST_VERSION, migrate, schemaVersion } from '../migrations';

export interface ArchivePaths {
  dir: string;
  snapshot: string;
  journal: string;
  backups: string;
  originals: string;
}

export function archivePaths(dir: string): ArchivePaths {
  return {
    dir,
    snapshot: path.join(dir, 'archive.db'),
    journal: path.join(dir, 'journal'),
    backups: path.join(dir, 'backups'),
    originals: path.join(dir, 'originals'),
  };
}

export interface Recovered {
  db: Database;
  /** Sequence number of the last journal record applied (snapshot + replay). */
  lastSeq: number;
  segments: JournalSegment[];
  readOnlyReason: string | null;
  /** How much of what the archive holds the db shows (ArchiveInfo['contents']). */
  contents: ArchiveContents;
  /** The state on disk is not one snapshot yet (new archive, replayed records or an upgrade). */
  needsSnapshot: boolean;
}

/** 'complete': everything on disk; 'partial': what came before journal damage; 'none': nothing could be loaded. */
export type ArchiveContents = 'complete' | 'partial' | 'none';

/** `repair: false` writes nothing (no torn-tail cut, no pre-upgrade backup): for a full disk, read-only. */
export async function recover(SQL: SqlJsStatic, paths: ArchivePaths, log: (msg: string) => void, repair = true): Promise<Recovered> {
  const loaded = await loadSnapshot(SQL, paths, log, repair);
  if (loaded.problem) return readOnlyEmpty(SQL, loaded.problem);
  const db = loaded.db ?? newDatabase(SQL);
  const snapshotSeq = readSnapshotSeq(db);
  const version = schemaVersion(db);
  if (version > LATEST_VERSION) {
    return {
      db,
      lastSeq: snapshotSeq,
      segments: [],
      needsSnapshot: false,
      contents: 'complete',
      readOnlyReason: `This archive was written by a newer version of Claimdesk (schema ${version}; this version knows up to ${LATEST_VERSION}). It is open read-only.`,
    };
  }

  const journal = await readJournal(paths.journal, snapshotSeq, log, repair && !loaded.mismatch);
  let reason = loaded.mismatch ?? journal.damage;
  const orphanJournal = !loaded.db && journal.segments.some((s) => s.lastSeq !== null);
  if (orphanJournal)
    reason = `The archive file archive.db is missing but the journal holds changes; restore a backup (with none, recover the journal's changes). Files were left untouched.`;
  let lastSeq = snapshotSeq;
  // With journal damage, the valid records before it are still shown (read-only).
  for (const record of orphanJournal ? [] : journal.records) {
    const newer = newerRecord(record);
    if (newer) {
      reason ??= `${newer} The archive is open read-only; files were left untouched.`;
      break;
    }
    // A record written after an upgrade this snapshot predates (archive.db put back from before the
    // upgrade, by hand or by a sync tool): migrate first. A failed step throws, as at any upgrade.
    upgradeFor(db, record);
    try {
      db.replay(record.statements);
      lastSeq = record.seq;
    } catch (err) {
      reason = `Journal change ${record.seq} could not be replayed (${(err as Error).message}). The archive is open read-only; files were left untouched.`;
      break;
    }
  }
  if (journal.records.length > 0 && !reason) log(`Recovered ${journal.records.length} journaled change(s) since the last snapshot.`);
  migrate(db); // in memory only when read-only: it is never written back
  const migrated = schemaVersion(db) > version;
  const contents: ArchiveContents = orphanJournal ? 'none' : reason ? 'partial' : 'complete';
  return {
    db,
    lastSeq,
    segments: journal.segments,
    readOnlyReason: reason,
    contents,
    needsSnapshot: !loaded.db || journal.records.length > 0 || migrated,
  };
}

interface LoadedSnapshot {
  db: Database | null;
  problem: string | null;
  /** The file does not match its checksum: shown read-only, never written back. */
  mismatch?: string;
}

async function loadSnapshot(SQL: SqlJsStatic, paths: ArchivePaths, log: (msg: string) => void, repair: boolean): Promise<LoadedSnapshot> {
  if (!existsSync(paths.snapshot)) {
    // A file set aside earlier (damaged, or an interrupted restore) means this is not a new archive.
    const aside = readdirSync(paths.dir).find(isSetAside);
    if (aside) return { db: null, problem: `The archive file is missing; ${aside} was set aside earlier. Restore a backup to continue.` };
    return { db: null, problem: null };
  }
  const loaded = await loadSnapshotFile(SQL, paths.snapshot);
  if (typeof loaded !== 'string') {
    if (loaded.verifiedBy === 'mismatch') return { db: loaded.db, problem: null, mismatch: MISMATCH };
    if (loaded.verifiedBy === 'quick_check')
      log('The archive file has no checksum file (archive.db.sha256); it passed PRAGMA quick_check.');
    if (repair) await backupBeforeUpgrade(loaded.db, loaded.bytes, paths, log);
    return { db: loaded.db, problem: null };
  }
  const aside = await moveAside(paths.snapshot, `damaged-${timestampLabel()}`);
  log(`The archive file is damaged (${loaded}); it was moved aside to ${path.basename(aside)}.`);
  return {
    db: null,
    problem: `The archive file is damaged (${loaded}) and was set aside as ${path.basename(aside)}; restore a backup to continue.`,
  };
}

/**
 * A file an earlier run set aside (archive.db.damaged-…, archive.db.replaced-…). Not a checksum, nor
 * the temp file of an interrupted write (archive.db.tmp-<pid>-<n>, archive.db.sha256.tmp-…): a crash
 * while writing the very first snapshot leaves one, and the archive is then simply new.
 */
function isSetAside(name: string): boolean {
  return name.startsWith('archive.db.') && !name.endsWith('.sha256') && !/\.tmp-\d+-[0-9a-z]+$/.test(name);
}

const MISMATCH =
  'The archive file archive.db does not match its checksum (archive.db.sha256): it changed on disk after Claimdesk wrote it, so its contents cannot be trusted. It is open read-only and was left untouched; restoring the newest backup replays every journaled change over it.';

/** Before a schema upgrade, the file as the older version wrote it is kept as a backup. */
async function backupBeforeUpgrade(db: Database, bytes: Uint8Array, paths: ArchivePaths, log: (msg: string) => void): Promise<void> {
  const version = schemaVersion(db);
  if (version >= LATEST_VERSION) return;
  const name = await writeBackup(paths.backups, bytes, new Date());
  log(`Kept backup ${name} of the archive before upgrading it from schema ${version} to ${LATEST_VERSION}.`);
}

function readOnlyEmpty(SQL: SqlJsStatic, reason: string): Recovered {
  const db = new Database(new SQL.Database());
  migrate(db);
  return { db, lastSeq: 0, segments: [], readOnlyReason: reason, contents: 'none', needsSnapshot: false };
}

export const STATE_TABLE = 'CREATE TABLE IF NOT EXISTS archive_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)';

export function readSnapshotSeq(db: Database): number {
  db.exec(STATE_TABLE);
  const row = db.get<{ value: string }>(`SELECT value FROM archive_state WHERE key = 'journal_seq'`);
  return row ? Number(row.value) : 0;
}

/** Records, inside the snapshot itself, which journal records it already contains. */
export function writeSnapshotSeq(db: Database, seq: number): void {
  db.exec(STATE_TABLE);
  db.exec(`INSERT OR REPLACE INTO archive_state (key, value) VALUES ('journal_seq', '${seq}')`);
}
