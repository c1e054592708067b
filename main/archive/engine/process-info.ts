// Telling processes apart: a pid alone is reused by the OS, a pid plus its start time is not.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When the process started, as an opaque text (null when unknown): Linux /proc/<pid>/stat field 22,
 * `ps -o lstart=` on macOS and the BSDs. Windows has no cheap equivalent: null (pid-only checks).
 */
export function processStartTime(pid: number): string | null {
  if (process.platform === 'win32') return null;
  return process.platform === 'linux' ? linuxStartTime(pid) : psStartTime(pid);
}

/** When the process started, in ms since the epoch, to about a second (null when unknown). */
export function processStartedAtMs(pid: number): number | null {
  const start = processStartTime(pid);
  if (start === null) return null;
  if (process.platform !== 'linux') return Number.isNaN(Date.parse(start)) ? null : Date.parse(start);
  const boot = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '')?.[1];
  return boot === undefined ? null : Number(boot) * 1000 + (Number(start) / LINUX_CLOCK_TICKS) * 1000;
}

/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on every mainstream Linux build. */
const LINUX_CLOCK_TICKS = 100;

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function linuxStartTime(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  // "pid (command) state ppid …": the command may hold spaces and parentheses, so count from the last ")".
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null; // field 22; [0] is field 3 (state)
}

function psStartTime(pid: number): string | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}
