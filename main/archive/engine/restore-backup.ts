// Putting a backup in place of the archive's files. The current snapshot and journal are set aside
// (never deleted), so a restore loses nothing that was on disk.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { AppError } from '../../api/errors';
import { isBackupName } from './backups';
import { freeName, moveAside, timestampLabel } from './files';
import { readJournal } from './journal';
import { readSnapshotSeq, type ArchivePaths } from './recovery';
import { checkSnapshot, writeSnapshotFile } from './snapshot-file';

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

/** Sets the current files aside and writes the backup as the snapshot; returns the set-aside label. */
export async function replaceWithBackup(paths: ArchivePaths, backup: CheckedBackup, log: (msg: string) => void): Promise<string> {
  const label = `replaced-${timestampLabel()}`;
  // A crash in here leaves archive.db missing next to the set-aside files: the next open then
  // stays read-only and asks for a restore, instead of starting an empty archive.
  if (existsSync(paths.snapshot)) await moveAside(paths.snapshot, label);
  if (existsSync(paths.journal)) {
    // The journal is kept from the newest backup on, so its changes are replayed over that backup
    // and no acknowledged edit is lost. A journal that does not continue the chosen (older) backup
    // is set aside with the replaced files; a copy is always kept.
    const journal = await readJournal(paths.journal, backup.seq, log);
    if (journal.damage) await moveAside(paths.journal, label);
    else await fs.cp(paths.journal, freeName(paths.journal, label), { recursive: true });
  }
  await writeSnapshotFile(paths.snapshot, backup.bytes);
  return label;
}
