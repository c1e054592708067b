// `claimdesk import --accept-above T` run again after an interrupted run: the article stored before
// the interruption is a duplicate now, and its suggestions are still accepted above T.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CliIo } from '../../../main/cli/io';

const SAMPLE = resolve(import.meta.dirname, '../../../resources/samples/nk-troops-russia-2024-10-25.txt');

async function cli(args: string[]) {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => '',
  };
  const code = await runCli(args, io as unknown as CliIo);
  if (!io.stdout) throw new Error(`claimdesk ${args.join(' ')}: ${io.stderr}`);
  return { code, json: () => JSON.parse(io.stdout) };
}

let dir: string;
beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), 'claimdesk-accept-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimdesk import --accept-above on a re-run', () => {
  it('accepts the pending suggestions of an article stored before the interruption', async () => {
    const archive = join(dir, 'archive');
    // The interrupted run: the article and its suggestions were stored, nothing was accepted yet.
    expect((await cli(['import', '--archive', archive, SAMPLE, '--json'])).json()).toEqual({ imported: 1, duplicates: 0, failed: [] });
    expect((await cli(['claims', '--archive', archive, '--json'])).json().claims).toEqual([]);
    const rerun = await cli(['import', '--archive', archive, SAMPLE, '--accept-above', '0.5', '--json']);
    expect(rerun.code).toBe(0);
    expect(rerun.json()).toEqual({ imported: 0, duplicates: 1, failed: [] });
    expect((await cli(['claims', '--archive', archive, '--json'])).json().claims.length).toBeGreaterThanOrEqual(10);
  });
});
