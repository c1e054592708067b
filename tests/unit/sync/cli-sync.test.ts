// `claimdesk sync` as a team member runs it: the password from CLAIMDESK_SYNC_PASSWORD (never on the
// command line, never printed), --once until nothing is left to move, --json totals; bad input is a
// clear message with a non-zero exit.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { cli } from '../foundation/cli-run';
import { startServer, type TestServer } from './server';

/** A port nothing listens on. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-sync-'));
  server = await startServer();
  const s = await createServices({ archiveDir: join(dir, 'alice'), actor: 'alice' });
  for (const statement of ['Troops crossed the border', 'Grain exports doubled']) await s.archive.claims.insert({ statement } as never);
  await s.close();
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('claimdesk sync', () => {
  it('brings one archive’s claims and history to another with --once, and says so as JSON', async () => {
    const url = await server.database();
    const pushed = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', url, '--once', '--json']);
    expect(pushed.code).toBe(0);
    expect(pushed.json()).toMatchObject({ remote: url, pushed: 4, pulled: 0, conflicts: [], rejected: [], state: 'synced' });

    const pulled = await cli(['sync', '--archive', join(dir, 'bob'), '--remote', url, '--once']);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain(`Synced with ${url}: sent 0 changes (0 original files), received 4 changes (0 original files).`);
    const claims = await cli(['claims', '--archive', join(dir, 'bob'), '--json']);
    expect(
      claims
        .json()
        .claims.map((c: { statement: string }) => c.statement)
        .sort(),
    ).toEqual(['Grain exports doubled', 'Troops crossed the border']);
  });

  it('takes the password only from CLAIMDESK_SYNC_PASSWORD and never prints it', async () => {
    const url = await server.database();
    const onLine = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', url, '--password', 'hunter2', '--once']);
    expect(onLine.code).toBe(2);
    expect(onLine.stderr).toContain('never takes a password on the command line');
    expect(onLine.stderr).not.toContain('hunter2');

    const missing = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', url, '--user', 'alice', '--once']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--user alice needs the password in CLAIMDESK_SYNC_PASSWORD');

    process.env.CLAIMDESK_SYNC_PASSWORD = 's3cret-Pa55';
    try {
      // The test server accepts anyone; a real CouchDB checks the Basic credentials sent.
      const run = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', url, '--user', 'alice', '--once', '--json']);
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain('s3cret-Pa55');
    } finally {
      delete process.env.CLAIMDESK_SYNC_PASSWORD;
    }
  });

  it('refuses a plain http server elsewhere and says when the server cannot be reached', async () => {
    const http = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', 'http://couch.example.org/team', '--once']);
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('Sync needs https://');
    const port = await freePort();
    const down = await cli(['sync', '--archive', join(dir, 'alice'), '--remote', `http://127.0.0.1:${port}/team`, '--once']);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`claimdesk sync: Cannot reach the sync server at http://127.0.0.1:${port}/team (ECONNREFUSED).`);
    const noRemote = await cli(['sync', '--archive', join(dir, 'alice'), '--once']);
    expect(noRemote.code).toBe(2);
    expect(noRemote.stderr).toContain('sync needs --remote URL');
  });
});
