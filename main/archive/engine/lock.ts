// One owner per archive folder: a LOCK file naming the owning process (pid, its start time, host),
// created atomically with its content (lock-files.ts). A lock whose process is gone, or whose pid now
// belongs to another process (a different start time), is stale. It is never deleted, only replaced
// in one step (rename) by the holder of the take-over ticket for exactly that stale content:
// LOCK.takeover-<hash>-<n>, created exclusively, the n-th usable only once the holders of the earlier
// ones are gone (a holder that crashed does not block). The holder checks LOCK still holds the stale
// content before replacing it, so of any number of racers exactly one takes the lock over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { isDiskFull } from './disk-space';
import { createExclusive, pause, readText, replaceAtomically, writtenAt } from './lock-files';
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
/** Racers that lose wait for the winner's lock to appear: up to ~1 s. */
const ATTEMPTS = 100;
const ATTEMPT_PAUSE_MS = 10;
/** Start times are known to about a second. */
const CLOCK_SLACK_MS = 2000;

export function acquireLock(dir: string): ArchiveLock {
  const file = path.join(dir, 'LOCK');
  if (heldHere.has(file)) throw new AppError('CONFLICT', `The archive ${dir} is already open in this process.`);
  const mine = formatOwner({
    pid: process.pid,
    start: processStartTime(process.pid),
    host: os.hostname(),
    token: randomBytes(8).toString('hex'),
  });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = readText(file);
    const owner = existing ? parseOwner(existing) : null;
    if (owner && isLive(owner, writtenAt(file))) throw conflict(dir, owner);
    const won = existing === null ? createExclusive(file, mine) : !isBeingWritten(existing, file) && takeOver(file, existing, mine);
    if (won) {
      heldHere.add(file);
      removeTickets(dir); // only ever for contents LOCK no longer holds: leftovers of crashed racers
      return { release: () => release(file, mine) };
    }
    pause(ATTEMPT_PAUSE_MS);
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

/** Replaces the stale lock `stale` by `mine` if this process holds the take-over ticket for it. */
function takeOver(file: string, stale: string, mine: string): boolean {
  const ticket = claimTicket(file, stale, mine);
  if (ticket === null) return false;
  try {
    if (readText(file) !== stale) return false; // already taken over
    replaceAtomically(file, mine);
    return true;
  } finally {
    fs.rmSync(ticket, { force: true });
  }
}

const TICKET_PREFIX = 'LOCK.takeover-';
const TICKET = /^LOCK\.takeover-[0-9a-f]{16}-\d+$/;

function removeTickets(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (TICKET.test(name)) fs.rmSync(path.join(dir, name), { force: true });
}

/** LOCK.takeover-<hash of stale>-<n>: the first one this process creates while earlier holders are gone. */
function claimTicket(file: string, stale: string, mine: string): string | null {
  const base = `${path.join(path.dirname(file), TICKET_PREFIX)}${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
  for (let n = 1; ; n++) {
    const ticket = `${base}-${n}`;
    if (createExclusive(ticket, mine)) return ticket;
    const holder = readText(ticket);
    if (holder === null || isBeingWritten(holder, ticket)) return null; // done meanwhile, or just taken
    const owner = parseOwner(holder);
    if (owner && isLive(owner, null)) return null; // someone is taking it over right now
  }
}

/** Empty: created without link() and not written yet (see lock-files.ts), unless that was long ago. */
function isBeingWritten(text: string, file: string): boolean {
  return text === '' && Date.now() - (writtenAt(file) ?? 0) < 10_000;
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

function conflict(dir: string, owner: LockOwner): AppError {
  if (owner.host !== null && owner.host !== os.hostname()) {
    return new AppError(
      'CONFLICT',
      `The archive ${dir} is open in Claimdesk on the computer "${owner.host}" (pid ${owner.pid}). Close it there first; if Claimdesk is not running there, delete the file ${path.join(dir, 'LOCK')}.`,
    );
  }
  return new AppError('CONFLICT', `The archive ${dir} is open in another Claimdesk process (pid ${owner.pid}). Close it there first.`);
}

function release(file: string, mine: string): void {
  heldHere.delete(file);
  if (readText(file) === mine) fs.rmSync(file, { force: true });
}
