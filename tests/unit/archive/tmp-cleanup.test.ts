// Temp files left by interrupted snapshot/backup/original writes (a kill -9 mid-write) are removed
// at open by the archive's owner; files that are not the archive's temp files, or belong to a live
// process racing for the LOCK, stay.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { processStartTime } from '../../../main/archive/engine/process-info';
import { open, tempDir } from './helpers';

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

function leave(dir: string, names: string[]): void {
  for (const name of names) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), Buffer.alloc(100_000));
  }
}

describe('leftover temp files', () => {
  it('are removed at open; other files stay', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'kept' });
    await a.close();
    const dead = deadPid();
    const leftovers = [
      `archive.db.tmp-${dead}-1733300000000`,
      `archive.db.tmp-${process.ppid}-1733300000001`, // the owner writes these: any other pid is a leftover
      `archive.db.sha256.tmp-${dead}-1733300000002`,
      `backups/latest-seq.tmp-${dead}-1733300000003`,
      `backups/archive-20241025T120000000Z.db.pending.tmp-${dead}-1733300000004`,
      `originals/ab/${'ab'.repeat(32)}.pdf.tmp-${dead}-1733300000005`,
      `LOCK.tmp-${dead}-0badc0de`,
    ];
    const others = [`notes.tmp-${dead}-1`, `archive.db.damaged-2024-10-25T12-00-00-000Z`, `LOCK.tmp-${process.ppid}-0badc0de`];
    leave(a.dir, [...leftovers, ...others]);

    const b = await open(a.dir);
    expect(leftovers.filter((n) => existsSync(path.join(a.dir, n)))).toEqual([]);
    expect(others.filter((n) => existsSync(path.join(a.dir, n)))).toEqual(others);
    expect(b.logs).toContain('Removed 7 leftover temp file(s) of interrupted writes (1 MB).');
    expect(b.claims.list({}).items.map((c) => c.statement)).toEqual(['kept']);
  });

  it('are left alone while another live process owns the archive', async () => {
    const dir = tempDir();
    const leftover = `archive.db.tmp-${deadPid()}-1733300000000`;
    leave(dir, [leftover]);
    writeFileSync(
      path.join(dir, 'LOCK'),
      JSON.stringify({ pid: process.ppid, start: processStartTime(process.ppid), host: os.hostname(), token: 't' }),
    );
    await expect(open(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(existsSync(path.join(dir, leftover))).toBe(true);
  });
});
