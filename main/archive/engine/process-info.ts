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

function linuxStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall; fields[0] is field 3 (state)
  } catch {
    return null;
  }
}

function psStartTime(pid: number): string | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return out.trim() || null;
  } catch {
    return null;
  }
}
