// The LOCK file: one owner per archive folder, and a stale lock never blocks it for good, even when
// its pid now belongs to another process; racing take-overs leave exactly one owner.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { processStartedAtMs, processStartTime } from '../../../main/archive/engine/process-info';
import { open, tempDir } from './helpers';

const child = fileURLToPath(new URL('./lock-child.ts', import.meta.url));
const repoRoot = path.resolve(path.dirname(child), '../../..');

function writeLock(dir: string, owner: { pid: number; start: string | null }): void {
  writeFileSync(path.join(dir, 'LOCK'), `${JSON.stringify({ ...owner, host: os.hostname(), token: 'earlier' })}\n`);
}

const lockOwner = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'LOCK'), 'utf8')) as { pid: number }).pid;

/** A pid that no process has any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('the archive LOCK', () => {
  it('takes over a lock whose pid is alive but now belongs to another process (another start time)', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, start: `${processStartTime(process.ppid)}-not-this-process` });
    const a = await open(dir);
    expect(a.info().readOnly).toBe(false);
    expect(lockOwner(dir)).toBe(process.pid);
  });

  it('refuses a lock held by a live process', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.ppid, start: processStartTime(process.ppid) });
    await expect(open(dir)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: new RegExp(`open in another Claimdesk process \\(pid ${process.ppid}\\)`),
    });
    expect(lockOwner(dir)).toBe(process.ppid);
  });

  it('takes over a lock in the old format (just a pid) whose process is gone', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'LOCK'), `${deadPid()}\n`);
    await open(dir);
    expect(lockOwner(dir)).toBe(process.pid);
  });

  it('takes over a lock in the old format (just a pid) whose pid belongs to a process started after it was written', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'LOCK'), `${process.ppid}\n`);
    const longAgo = new Date(processStartedAtMs(process.ppid)! - 3_600_000);
    utimesSync(path.join(dir, 'LOCK'), longAgo, longAgo);
    await open(dir);
    expect(lockOwner(dir)).toBe(process.pid);
  });

  it('refuses a lock in the old format whose live process was already running when it was written', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'LOCK'), `${process.ppid}\n`);
    await expect(open(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets exactly one of several processes racing for a stale lock take it over', async () => {
    const dirs = Array.from({ length: 6 }, () => tempDir());
    for (const dir of dirs) writeLock(dir, { pid: deadPid(), start: '1' });
    const racers = Array.from({ length: 4 }, () => spawnRacer(dirs));
    await Promise.all(racers.map((r) => r.line())); // all "ready"
    for (const dir of dirs) {
      writeFileSync(path.join(dir, 'go'), '');
      const results = await Promise.all(racers.map((r) => r.line()));
      expect(
        results.filter((r) => r === 'won'),
        results.join('\n'),
      ).toHaveLength(1);
      const winner = racers[results.indexOf('won')].proc.pid;
      for (const lost of results.filter((r) => r !== 'won')) expect(lost).toMatch(`open in another Claimdesk process (pid ${winner})`);
      expect(lockOwner(dir)).toBe(winner);
      expect(readdirSync(dir).sort()).toEqual(['LOCK', 'go']); // no ticket or temp file left behind
    }
    racers.forEach((r) => r.proc.stdin!.end());
  }, 60_000);
});

/** A lock-child.ts process; `line()` resolves with its next line of output. */
function spawnRacer(dirs: string[]): { proc: ChildProcess; line: () => Promise<string> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, ...dirs], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = '';
  proc.stdout!.on('data', (data) => {
    buffer += data;
    const complete = buffer.split('\n');
    buffer = complete.pop()!;
    for (const line of complete) (waiting.shift() ?? ((l: string) => lines.push(l)))(line);
  });
  return { proc, line: () => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))) };
}
