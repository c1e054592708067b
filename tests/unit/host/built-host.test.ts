// The built services host (out/main/servicesHost.js, what the app ships) started in a worker by a tool
// that itself runs from the TypeScript sources through tsx — bench/loop.ts --built, the official loop
// benchmark — runs as the app's utility process runs it: a worker inherits its parent's Node flags,
// and tsx's loader among them rewrote the 5.6 MB bundle and kept that text and its source map alive
// (~190 MiB more before the archive even opened; the loop benchmark's 743-772 MiB peak at 100k).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../release/built';

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-built-host-'));
}, 300_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the built services host started from the TypeScript sources', () => {
  it('opens the archive and answers in the memory it takes in the app, not with a copy of the bundle rewritten by tsx', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'start-built-host.ts'), join(ROOT, 'out/main/servicesHost.js'), join(dir, 'archive')],
      { cwd: ROOT, timeout: 120_000 },
    );
    const { created, listed, peakRssMB } = JSON.parse(stdout) as {
      created: { ok: boolean };
      listed: { ok: boolean; value: { items: { statement: string }[] } };
      peakRssMB: number;
    };
    expect(created.ok).toBe(true);
    expect(listed.value.items.map((c) => c.statement)).toEqual(['Grain exports rose in May']);
    // The whole process (window side + services thread) with an empty archive: 220-228 MB as the app
    // runs the host; 442-445 MB when the host was handed tsx's loader.
    expect(peakRssMB).toBeLessThan(330);
  }, 180_000);
});
