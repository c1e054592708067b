// The command line as scripts use it: JSON on stdout, messages on stderr, exit codes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CliIo } from '../../../main/cli/io';
import { createServices } from '../../../main/services';

function capture(stdin = ''): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => stdin,
  };
  return io;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-'));
  const s = await createServices({ archiveDir: dir, actor: 'tester' });
  await s.archive.claims.insert({ statement: 'North Korea sent thousands of troops to Russia', claimant: 'Seoul' } as never);
  await s.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimdesk CLI', () => {
  it('prints usage listing the commands', async () => {
    const io = capture();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout).toMatch(/claimdesk claims --archive DIR/);
  });

  it('prints its version', async () => {
    const io = capture();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists claims as JSON', async () => {
    const io = capture();
    expect(await runCli(['claims', '--archive', dir, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.claims).toHaveLength(1);
    expect(out.claims[0]).toMatchObject({ statement: 'North Korea sent thousands of troops to Russia', claimant: 'Seoul', status: 'new' });
  });

  it('fails clearly on unknown commands and missing options', async () => {
    let io = capture();
    expect(await runCli(['frobnicate'], io)).not.toBe(0);
    expect(io.stderr).toMatch(/unknown command "frobnicate"/);
    io = capture();
    expect(await runCli(['claims', '--json'], io)).not.toBe(0);
    expect(io.stderr).toMatch(/--archive DIR is required/);
    expect(io.stdout).toBe('');
    io = capture();
    expect(await runCli(['claims', '--archive', dir, '--bogus'], io)).not.toBe(0);
    expect(io.stderr).toMatch(/bogus/);
  });
});
