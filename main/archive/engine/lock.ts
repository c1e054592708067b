// One owner per archive folder: a LOCK file holding the owner's pid. A lock left by a process that
// no longer exists (a crash, kill -9) is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';

const heldHere = new Set<string>();

export interface ArchiveLock {
  release(): void;
}

export function acquireLock(dir: string): ArchiveLock {
  const file = path.join(dir, 'LOCK');
  if (heldHere.has(file)) throw new AppError('CONFLICT', `The archive ${dir} is already open in this process.`);
  try {
    fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = readOwner(file);
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      throw new AppError('CONFLICT', `The archive ${dir} is open in another Claimdesk process (pid ${owner}). Close it there first.`);
    }
    fs.writeFileSync(file, `${process.pid}\n`); // stale lock from a process that is gone
  }
  heldHere.add(file);
  return {
    release() {
      heldHere.delete(file);
      if (readOwner(file) === process.pid) fs.rmSync(file, { force: true });
    },
  };
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
