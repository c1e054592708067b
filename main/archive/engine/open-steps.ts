// The steps of opening an archive folder that must survive a full disk: taking the LOCK (and
// clearing leftovers of killed processes, which may be what fills it) and recovering the state on
// disk without recovery's own writes when there is no room for them.
import type { SqlJsStatic } from 'sql.js';
import { isDiskFull } from './disk-space';
import { lockUnlessDiskFull, type ArchiveLock } from './lock';
import { recover, type ArchivePaths, type Recovered } from './recovery';
import { removeStaleTemps } from './temp-files';

/** The LOCK, or null when the disk has no room for it. Throws CONFLICT for a live owner. */
export async function lockAndTidy(paths: ArchivePaths, log: (msg: string) => void): Promise<ArchiveLock | null> {
  const lock = lockUnlessDiskFull(paths.dir);
  // There is no live owner (else that threw), so leftover temp files are nobody's.
  await removeStaleTemps(paths, log);
  return lock ?? lockUnlessDiskFull(paths.dir);
}

/** The recovered state, and the disk-full error when it had to be read without writing anything. */
export async function recoverWithinSpace(
  SQL: SqlJsStatic,
  paths: ArchivePaths,
  log: (msg: string) => void,
): Promise<[Recovered, Error | null]> {
  try {
    return [await recover(SQL, paths, log), null];
  } catch (err) {
    if (!isDiskFull(err)) throw err;
    return [await recover(SQL, paths, log, false), err as Error];
  }
}
