// Leftovers of interrupted durable writes (`<name>.tmp-<pid>-<n>`, see files.ts): every process killed
// while writing a snapshot leaves one behind (1.1 GB after 146 kills of a 96 MB archive). They are
// removed at open, by the process that owns the archive (nobody else writes its files), except its
// own. Temp files of the LOCK are only removed once their process is gone (it may be racing for it).
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ArchivePaths } from './recovery';
import { processExists } from './process-info';

const TEMP = /\.tmp-(\d+)-[0-9a-z]+$/;
const LOCK_TEMP = /^LOCK\.tmp-(\d+)-[0-9a-z]+$/;
const TOP_LEVEL = /^archive\.db(?:\.sha256)?\.tmp-/;

export async function removeStaleTemps(paths: ArchivePaths, log: (msg: string) => void): Promise<void> {
  let count = 0;
  let bytes = 0;
  for (const file of await leftovers(paths)) {
    try {
      bytes += (await fs.stat(file)).size;
      await fs.rm(file, { force: true });
      count++;
    } catch (err) {
      log(`Could not remove the leftover temp file ${file}: ${(err as Error).message}`);
    }
  }
  if (count > 0) log(`Removed ${count} leftover temp file(s) of interrupted writes (${Math.ceil(bytes / 1e6)} MB).`);
}

async function leftovers(paths: ArchivePaths): Promise<string[]> {
  const top = (await names(paths.dir)).filter((n) => (TOP_LEVEL.test(n) && isStale(TEMP, n, false)) || isStale(LOCK_TEMP, n, true));
  const inBackups = (await names(paths.backups)).filter((n) => isStale(TEMP, n, false));
  const files = [...top.map((n) => path.join(paths.dir, n)), ...inBackups.map((n) => path.join(paths.backups, n))];
  for (const folder of await names(paths.originals)) {
    const dir = path.join(paths.originals, folder);
    files.push(...(await names(dir)).filter((n) => isStale(TEMP, n, false)).map((n) => path.join(dir, n)));
  }
  return files;
}

function isStale(pattern: RegExp, name: string, onlyIfGone: boolean): boolean {
  const pid = Number(pattern.exec(name)?.[1] ?? Number.NaN);
  if (!Number.isSafeInteger(pid) || pid === process.pid) return false;
  return !onlyIfGone || !processExists(pid);
}

async function names(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  try {
    return await fs.readdir(dir);
  } catch {
    return []; // not a folder
  }
}
