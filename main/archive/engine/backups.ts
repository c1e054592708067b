// Rotating, verified copies of the snapshot in <dir>/backups/. A backup is only kept after the
// written file reads back byte-identical and the database passed PRAGMA integrity_check.
import fs from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/domain';
import { copyDurably, fsyncDir, writeFileDurably } from './files';
import { sha256Async, sha256File } from './snapshot-file';

export const MAX_BACKUPS = 24;
const BACKUP_NAME = /^archive-(\d{8}T\d{6}\d{3}Z)\.db$/;

export type { BackupInfo };

export function listBackups(backupsDir: string): BackupInfo[] {
  if (!existsSync(backupsDir)) return [];
  return readdirSync(backupsDir)
    .map((name) => ({ name, match: BACKUP_NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({ name, at: nameToIso(match[1]), sizeBytes: statSync(path.join(backupsDir, name)).size }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

/**
 * Writes a backup as <name>.pending, checks it reads back identical and (if given) that `verify`
 * says "ok", then gives it its final name and prunes the oldest beyond MAX_BACKUPS. `verify` may
 * take ownership of the bytes (it runs last). Given a file instead of bytes (the snapshot just
 * written), the backup is a copy of that file, and `verify` is given the copy's path.
 */
export async function writeBackup(
  backupsDir: string,
  source: Uint8Array | string,
  at: Date,
  verify?: (source: Uint8Array | string) => Promise<string>,
): Promise<string> {
  await fs.mkdir(backupsDir, { recursive: true });
  await removePending(backupsDir);
  const name = `archive-${isoToName(at.toISOString())}.db`;
  const pending = path.join(backupsDir, `${name}.pending`);
  if (typeof source === 'string') await copyDurably(source, pending);
  else await writeFileDurably(pending, source);
  const expected = typeof source === 'string' ? await sha256File(source) : await sha256Async(source);
  const problem = (await sha256File(pending)) !== expected ? 'it did not read back identical' : null;
  const verdict = problem ?? (verify ? await verify(typeof source === 'string' ? pending : source) : 'ok');
  if (verdict !== 'ok') {
    await fs.rm(pending, { force: true });
    throw new Error(`backup ${name} was discarded: ${problem ?? `integrity check: ${verdict}`}`);
  }
  await fs.rename(pending, path.join(backupsDir, name));
  await fsyncDir(backupsDir);
  for (const old of listBackups(backupsDir).slice(MAX_BACKUPS)) await fs.rm(path.join(backupsDir, old.name), { force: true });
  return name;
}

const BACKUP_SEQ_FILE = 'latest-seq';

/**
 * A verified backup of the snapshot holding journal change `seq`, and a note of that change number.
 * Returns when it was taken, or null when it failed (logged: the snapshot and journal are unaffected).
 */
export async function keepBackup(
  backupsDir: string,
  source: Uint8Array | string,
  seq: number,
  verify: (source: Uint8Array | string) => Promise<string>,
  log: (msg: string) => void,
): Promise<number | null> {
  try {
    const at = new Date();
    const name = await writeBackup(backupsDir, source, at, verify);
    await writeFileDurably(path.join(backupsDir, BACKUP_SEQ_FILE), new TextEncoder().encode(`${seq}\n`));
    log(`Backup ${name} written.`);
    return at.getTime();
  } catch (err) {
    log(`Backup failed: ${(err as Error).message}`);
    return null;
  }
}

/** The change number of the newest verified backup (0 when there is none, or it is unknown). */
export function readBackupSeq(backupsDir: string): number {
  try {
    const n = Number(readFileSync(path.join(backupsDir, BACKUP_SEQ_FILE), 'utf8').trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

/** Leftovers of backups interrupted by a crash. */
async function removePending(backupsDir: string): Promise<void> {
  for (const name of await fs.readdir(backupsDir)) if (name.endsWith('.pending')) await fs.rm(path.join(backupsDir, name), { force: true });
}

// 2024-10-25T12:00:00.123Z <-> 20241025T120000123Z (file-name safe on every platform)
function isoToName(iso: string): string {
  return iso.replace(/[-:.]/g, '');
}

function nameToIso(name: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(name)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}
