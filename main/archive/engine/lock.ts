// One owner per archive folder: a LOCK file naming the owning process (pid, its start time, host).
// LOCK is created atomically with its content: written to a temp file, then hard-linked as LOCK,
// which fails if LOCK exists. A lock whose process is gone, or whose pid now belongs to another
// process (a different start time), is stale. Taking it over: rename it aside (of several racers
// only one can move that file), check the moved file is the stale one read before (else put it back),
// then create LOCK afresh; the racers that lose the create see a live owner.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../api/errors';
import { isDiskFull, requireSpace } from './disk-space';
import { processExists, processStartedAtMs, processStartTime } from './process-info';

export interface LockOwner {
  pid: number;
  /** processStartTime(pid) when it took the lock (null: unknown, pid-only liveness). */
  start: string | null;
  host: string | null;
  token: string;
}

export interface ArchiveLock {
  release(): void;
}

const heldHere = new Set<string>();
const TAKE_OVER_ATTEMPTS = 5;
/** link() is not offered everywhere (FAT/exFAT drives, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

export function acquireLock(dir: string): ArchiveLock {
  const file = path.join(dir, 'LOCK');
  if (heldHere.has(file)) throw new AppError('CONFLICT', `The archive ${dir} is already open in this process.`);
  const mine = formatOwner({ pid: process.pid, start: processStartTime(process.pid), host: os.hostname(), token: randomBytes(8).toString('hex') });
  for (let attempt = 0; attempt < TAKE_OVER_ATTEMPTS; attempt++) {
    const existing = readText(file);
    if (existing === '' && attempt < TAKE_OVER_ATTEMPTS - 1) {
      pause(50); // being written without link() (see createWithoutLink); empty for good after a crash
      continue;
    }
    if (existing !== null) {
      const owner = parseOwner(existing);
      if (owner && isLive(owner, writtenAt(file))) throw conflict(dir, owner);
      removeIfUnchanged(file, existing);
    }
    if (createExclusive(file, mine)) {
      heldHere.add(file);
      return { release: () => release(file, mine) };
    }
  }
  throw new AppError('CONFLICT', `Could not take over the stale lock of ${dir}: other processes keep taking it. Try again.`);
}

/** The lock, or null when the disk has no room for the LOCK file (there is no live owner then). */
export function lockUnlessDiskFull(dir: string): ArchiveLock | null {
  try {
    return acquireLock(dir);
  } catch (err) {
    if (isDiskFull(err)) return null;
    throw err;
  }
}

export function formatOwner(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/** A lock's owner; old versions wrote just the pid. Null for an unreadable (stale) lock. */
export function parseOwner(text: string): LockOwner | null {
  if (/^\d+\s*$/.test(text)) return { pid: Number.parseInt(text, 10), start: null, host: null, token: '' };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isSafeInteger(owner.pid) || owner.pid! <= 0) return null;
    return { pid: owner.pid!, start: owner.start ?? null, host: owner.host ?? null, token: String(owner.token ?? '') };
  } catch {
    return null;
  }
}

function isLive(owner: LockOwner, lockWrittenAt: number | null): boolean {
  if (owner.host !== null && owner.host !== os.hostname()) return true; // another computer's processes cannot be checked
  if (owner.pid === process.pid || !processExists(owner.pid)) return false;
  if (owner.start !== null) {
    const start = processStartTime(owner.pid);
    return start === null || start === owner.start;
  }
  // An older version's lock (pid only): a process started after the lock was written is not its owner.
  const startedAt = processStartedAtMs(owner.pid);
  return startedAt === null || lockWrittenAt === null || startedAt <= lockWrittenAt + CLOCK_SLACK_MS;
}

/** Start times are known to about a second. */
const CLOCK_SLACK_MS = 2000;

function writtenAt(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function conflict(dir: string, owner: LockOwner): AppError {
  if (owner.host !== null && owner.host !== os.hostname()) {
    return new AppError('CONFLICT', `The archive ${dir} is open in Claimdesk on the computer "${owner.host}" (pid ${owner.pid}). Close it there first; if Claimdesk is not running there, delete the file ${path.join(dir, 'LOCK')}.`);
  }
  return new AppError('CONFLICT', `The archive ${dir} is open in another Claimdesk process (pid ${owner.pid}). Close it there first.`);
}

/** Removes the stale lock read as `text`, unless another process replaced it meanwhile. */
function removeIfUnchanged(file: string, text: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it first
    throw err;
  }
  try {
    // A fresh lock taken since we read the stale one goes back (the same file: its owner keeps it).
    const moved = readText(aside);
    if (moved !== null && moved !== text) linkExclusive(aside, file, moved);
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

/** Creates LOCK holding `text`, atomically; false when it exists. */
function createExclusive(file: string, text: string): boolean {
  requireSpace(Buffer.byteLength(text), `writing ${file}`);
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    return linkExclusive(temp, file, text);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Gives `source` (holding `text`) the name `file` unless that exists (false then). */
function linkExclusive(source: string, file: string, text: string): boolean {
  try {
    fs.linkSync(source, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (NO_HARD_LINKS.has(code)) return createWithoutLink(file, text);
    throw err;
  }
}

/** Exclusive create without link(): for a moment LOCK is empty, which others wait out. */
function createWithoutLink(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function release(file: string, mine: string): void {
  heldHere.delete(file);
  if (readText(file) === mine) fs.rmSync(file, { force: true });
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
