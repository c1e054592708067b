// Running out of disk space: recognising it, measuring free space, and the reason an archive shows
// while it waits read-only for room. Tests simulate a nearly full disk through `simulatedDisk`.
import fs from 'node:fs/promises';

/** Test seam: when set, archive file writes may use only this many more bytes, then fail with ENOSPC. */
export const simulatedDisk: { freeBytes: number | null } = { freeBytes: null };

export function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export function diskFullError(what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, ${what}`), { code: 'ENOSPC', syscall: 'write' });
}

/** How many of `wanted` bytes may be written now (all of them on a real disk: it reports ENOSPC itself). */
export function takeSpace(wanted: number): number {
  if (simulatedDisk.freeBytes === null) return wanted;
  const granted = Math.min(wanted, simulatedDisk.freeBytes);
  simulatedDisk.freeBytes -= granted;
  return granted;
}

/** For writes that must not be partial (the LOCK file): all `bytes` fit, or ENOSPC. */
export function requireSpace(bytes: number, what: string): void {
  if (simulatedDisk.freeBytes !== null && simulatedDisk.freeBytes < bytes) throw diskFullError(what);
  takeSpace(bytes);
}

/** Bytes free for this user on the disk holding `dir` (null when the platform cannot say). */
export async function freeBytes(dir: string): Promise<number | null> {
  if (simulatedDisk.freeBytes !== null) return simulatedDisk.freeBytes;
  try {
    const stats = await fs.statfs(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Room an archive needs to become writable: a snapshot next to the current one, plus a backup. */
export function roomNeeded(snapshotBytes: number): number {
  return Math.max(snapshotBytes * 2, 1e6);
}

const mb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1e6));

export function diskFullReason(dir: string, needed: number, free: number | null): string {
  const short = free !== null && free < needed ? `about ${mb(needed - free)} MB more is needed` : `about ${mb(needed)} MB must be free`;
  const now = free === null ? '' : ` (${Math.floor(free / 1e6)} MB free now)`;
  return `The disk is full: ${short} on the disk of ${dir} to edit this archive${now}. Nothing was lost; free some space and Claimdesk continues with your next change.`;
}
