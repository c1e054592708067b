// Recovering a damaged archive: from a backup, or (with none) from the archive's own files. The
// archive is rebuilt from the best base — the current archive.db when it is intact and at least as
// new as the backup, else the backup, else (never backed up) an empty archive — plus every readable
// journal record after it, also those after damage (journal-replay.ts). Nothing on disk is lost:
// archive.db is copied aside before it is replaced, and the journal folder is moved aside whole.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { AppError } from '../../../shared/errors';
import { isBackupName, readBackupSeq } from './backups';
import { Database } from './database';
import { isDiskFull } from './disk-space';
import { copyDurably, freeName, moveAside, timestampLabel } from './files';
import { readIntactRecords, readJournal } from './journal-read';
import { newerRecord, replayIntact, type ReplayResult } from './journal-replay';
import { readSnapshotSeq, writeSnapshotSeq, type ArchivePaths } from './recovery';
import { checkSnapshot, loadSnapshotFile, writeSnapshotFile } from './snapshot-file';
import { LATEST_VERSION, migrate, schemaVersion } from '../migrations';

export interface CheckedBackup {
  name: string;
  bytes: Uint8Array;
  /** The journal change it holds. */
  seq: number;
}

export async function readCheckedBackup(SQL: SqlJsStatic, paths: ArchivePaths, name: string): Promise<CheckedBackup> {
  if (!isBackupName(name) || !existsSync(path.join(paths.backups, name))) {
    throw new AppError('NOT_FOUND', `There is no backup named "${name}".`);
  }
  const bytes = await fs.readFile(path.join(paths.backups, name));
  const checked = checkSnapshot(SQL, bytes);
  if (typeof checked === 'string') throw new AppError('IO', `Backup ${name} is damaged (${checked}); choose an older one.`);
  const seq = readSnapshotSeq(checked);
  checked.close();
  return { name, bytes, seq };
}

interface Base {
  db: Database;
  seq: number;
  from: string;
}

/**
 * Rebuilds the archive (see the top of the file) and puts it in place. Returns what it did, for the
 * researcher: the base, the changes replayed, any that were unreadable, and where the old files are.
 */
export async function rebuildArchive(
  SQL: SqlJsStatic,
  paths: ArchivePaths,
  backup: CheckedBackup | null,
  log: (msg: string) => void,
): Promise<string> {
  const base = await chooseBase(SQL, paths, backup);
  let replay: ReplayResult;
  let bytes: Uint8Array;
  let journalDamage: string | null;
  let invalid: string[];
  try {
    journalDamage = (await readJournal(paths.journal, base.seq, log, false)).damage;
    const intact = await readIntactRecords(paths.journal, base.seq);
    const newer = intact.records.map(newerRecord).find((why) => why !== null);
    if (newer) throw new AppError('CONFLICT', `${newer} Open the archive with that version. Nothing was changed.`);
    invalid = intact.invalid;
    replay = replayIntact(base.db, base.seq, intact.records); // migrates where the journal crossed an upgrade
    migrate(base.db);
    writeSnapshotSeq(base.db, replay.lastSeq);
    bytes = base.db.export();
  } finally {
    base.db.close();
  }
  const label = `replaced-${timestampLabel()}`;
  // archive.db is replaced in one step (rename) after its copy is durable; the journal goes aside
  // only after that, so a crash in between leaves a journal the new archive.db already covers.
  const keptSnapshot = existsSync(paths.snapshot) ? freeName(paths.snapshot, label) : null;
  try {
    if (keptSnapshot) await copyDurably(paths.snapshot, keptSnapshot);
    await writeSnapshotFile(paths.snapshot, bytes);
  } catch (err) {
    // archive.db and the journal are as they were (the snapshot is replaced by one rename); the
    // copy of the unchanged archive.db is not needed.
    if (keptSnapshot) await fs.rm(keptSnapshot, { force: true });
    if (!isDiskFull(err)) throw err;
    throw new AppError(
      'IO',
      `The disk is full: the rebuilt archive (${Math.ceil(bytes.length / 1e6)} MB, and a copy of the current file) does not fit. Nothing was changed; free some space and try again.`,
    );
  }
  const keptJournal = existsSync(paths.journal) ? await moveAside(paths.journal, label) : null;
  const kept = [keptSnapshot, keptJournal].filter((f): f is string => f !== null).map((f) => path.basename(f));
  const note = describe(base, replay, journalDamage !== null, invalid, kept);
  log(note);
  return note;
}

async function chooseBase(SQL: SqlJsStatic, paths: ArchivePaths, backup: CheckedBackup | null): Promise<Base> {
  const current = existsSync(paths.snapshot) ? await loadSnapshotFile(SQL, paths.snapshot) : null;
  if (current && typeof current !== 'string') {
    const seq = readSnapshotSeq(current.db);
    const intact = current.verifiedBy !== 'mismatch' && schemaVersion(current.db) <= LATEST_VERSION;
    if (intact && (!backup || seq >= backup.seq))
      return { db: current.db, seq, from: `the archive file (which holds every change up to ${seq})` };
    const newer = schemaVersion(current.db) > LATEST_VERSION;
    current.db.close();
    if (newer && !backup)
      throw new AppError(
        'CONFLICT',
        'This archive was written by a newer version of Claimdesk: open it with that version. Nothing was changed.',
      );
  }
  if (backup)
    return {
      db: new Database(new SQL.Database(backup.bytes)),
      seq: backup.seq,
      from: `backup ${backup.name} (changes up to ${backup.seq})`,
    };
  // Never backed up: the journal still holds every change since the archive was created.
  if (readBackupSeq(paths.backups) > 0) {
    throw new AppError(
      'NOT_FOUND',
      'The archive file cannot be trusted and its backups are gone, so its journal alone cannot rebuild it. Nothing was changed.',
    );
  }
  const db = new Database(new SQL.Database());
  migrate(db);
  return { db, seq: 0, from: 'an empty archive (there is no backup yet; the journal holds every change)' };
}

function describe(base: Base, replay: ReplayResult, journalDamaged: boolean, invalid: string[], kept: string[]): string {
  const parts = [`Rebuilt the archive from ${base.from} and ${replay.applied} journaled change(s) after it.`, ...invalid];
  if (replay.unreadable.length > 0)
    parts.push(`Change(s) ${ranges(replay.unreadable)} could not be read (damaged journal) and are missing.`);
  else if (journalDamaged) parts.push('The journal had damaged bytes after its last readable change; a change saved last may be missing.');
  if (replay.rejected.length > 0) {
    parts.push(
      `Change(s) ${ranges(replay.rejected.map((r) => r.seq))} depended on a missing change and were not applied (${replay.rejected[0].why}).`,
    );
  }
  if (kept.length > 0) parts.push(`The previous files were kept as ${kept.join(' and ')}.`);
  return parts.join(' ');
}

/** 3, 5, 6, 7 → "3, 5–7". */
function ranges(seqs: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < seqs.length; i++) {
    let j = i;
    while (j + 1 < seqs.length && seqs[j + 1] === seqs[j] + 1) j++;
    out.push(i === j ? `${seqs[i]}` : `${seqs[i]}–${seqs[j]}`);
    i = j;
  }
  return out.join(', ');
}
