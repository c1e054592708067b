// Signing in to the team (#20): the services ask the window's side to encrypt the password with the
// system's keychain (the encryptSecret / decryptSecret capabilities, Electron's safeStorage in the
// app, main/shell/credentials.ts) across the services host's channel, keep only the encrypted blob,
// and never write the password anywhere. Without the capability (the command line, plain Node) the
// app says sign-in needs the desktop app. The keychain here is an in-memory stand-in of the same interface.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveServices } from '../../../main/host/host';
import { connectServices, type RemoteServices } from '../../../main/host/client';
import { messagePortOf } from '../../../main/host/node-ports';
import type { FromHost, ToHost } from '../../../main/host/protocol';
import { createServices, type Services } from '../../../main/services';
import type { ServicesOptions } from '../../../main/app/context';
import type { TeamSyncStatus } from '../../../shared/events';
import { TEAM_SECRET_FILE } from '../../../main/app/team-sync';
import { startServer, type TestServer } from './server';

const PASSWORD = 'correct horse battery staple';
let server: TestServer;
const dirs: string[] = [];
const closing: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(async () => {
  while (closing.length) await closing.pop()!();
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

/** A keychain stand-in: the blob is not the password, and only this keychain reads it back. */
function keychain() {
  const kept = new Map<string, string>();
  const asked: string[] = [];
  return {
    asked,
    encryptSecret: async (plain: string) => {
      const blob = Buffer.from(`sealed-${kept.size}`).toString('base64');
      kept.set(blob, plain);
      return blob;
    },
    decryptSecret: async (blob: string) => {
      asked.push(blob);
      const plain = kept.get(blob);
      if (plain === undefined) throw new Error('not this keychain’s blob');
      return plain;
    },
  };
}

/** The app as the shell runs it: the services behind the host channel, the keychain on the window's side. */
async function app(opts: Partial<ServicesOptions> & { archiveDir: string }) {
  const logs: string[] = [];
  const channel = new MessageChannel();
  const hosted = serveServices(messagePortOf<FromHost, ToHost>(channel.port2));
  const remote: RemoteServices = await connectServices(messagePortOf<ToHost, FromHost>(channel.port1), {
    log: (m) => logs.push(m),
    ...opts,
  });
  const services = await hosted;
  closing.push(() => remote.close());
  const call = async (method: string, ...args: unknown[]): Promise<TeamSyncStatus> => {
    const res = await remote.dispatch(method, args);
    if (!res.ok) throw Object.assign(new Error(res.error.message), res.error);
    return res.value as TeamSyncStatus;
  };
  return { remote, services: services as Services, logs, call };
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-team-credentials-'));
  dirs.push(dir);
  return dir;
}

/** Every file the app wrote next to the archive, as text. */
async function everythingOnDisk(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
  return (await Promise.all(files.map((f) => readFile(f).then((b) => b.toString('latin1'))))).join('\n');
}

describe('signing in to the team', () => {
  it('the password is kept only as the keychain’s blob, decrypted for each round, never on disk or in the logs; still signed in after a restart', async () => {
    const archiveDir = await tempDir();
    const keys = keychain();
    const url = new URL(await server.database());
    const team = { server: url.origin, database: url.pathname.slice(1), user: 'alice' };

    const first = await app({ archiveDir, ...keys, teamSyncIntervalMs: 3_600_000 });
    await first.call('team.pause');
    await first.call('team.configure', team);
    expect(await first.call('team.status')).toMatchObject({ signedIn: false });
    await first.call('team.resume');
    const signedIn = await first.call('team.signIn', PASSWORD);
    expect(signedIn).toMatchObject({ signedIn: true, state: 'synced', error: null });
    expect(keys.asked.length).toBeGreaterThan(0); // the round decrypted it to sign in
    expect(JSON.stringify(signedIn)).not.toContain(PASSWORD);
    const stored = (await readFile(join(archiveDir, TEAM_SECRET_FILE), 'utf8')).trim();
    expect(stored).not.toContain(PASSWORD);
    await first.remote.close();
    closing.pop();

    const disk = await everythingOnDisk(archiveDir);
    expect(disk).not.toContain(PASSWORD);
    expect(first.logs.join('\n')).not.toContain(PASSWORD);

    const again = await app({ archiveDir, ...keys, teamSyncIntervalMs: 3_600_000 });
    expect(await again.call('team.status')).toMatchObject({ signedIn: true, settings: team });
    expect(await again.call('team.syncNow')).toMatchObject({ state: 'synced' });

    // Signing out forgets the blob; a different account forgets it too.
    expect(await again.call('team.signOut')).toMatchObject({ signedIn: false });
    await expect(readFile(join(archiveDir, TEAM_SECRET_FILE), 'utf8')).rejects.toThrow(/ENOENT/);
    await again.call('team.signIn', PASSWORD);
    expect(await again.call('team.configure', { ...team, user: 'bob' })).toMatchObject({ signedIn: false });
  });

  it('without the desktop app’s keychain, signing in says so and keeps nothing', async () => {
    const archiveDir = await tempDir();
    const services = await createServices({ archiveDir, actor: 'alice' });
    closing.push(() => services.close());
    await services.dispatch('team.configure', [{ server: 'https://couch.example.org', database: 'team', user: 'alice' }]);
    await services.dispatch('team.pause', []);
    const res = await services.dispatch('team.signIn', [PASSWORD]);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!res.ok && res.error.message).toBe(
      'Signing in to a team needs the Claimdesk desktop app: it keeps the password in your system’s keychain.',
    );
    expect(await everythingOnDisk(archiveDir)).not.toContain(PASSWORD);
    expect((await services.dispatch('team.status', [])) as { value: TeamSyncStatus }).toMatchObject({ value: { signedIn: false } });
  });

  it('signing in before naming a user, or with an empty password, is refused clearly', async () => {
    const archiveDir = await tempDir();
    const keys = keychain();
    const { call } = await app({ archiveDir, ...keys });
    await call('team.pause');
    await call('team.configure', { server: 'https://couch.example.org', database: 'team', user: null });
    await expect(call('team.signIn', PASSWORD)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/user name/),
    });
    await expect(call('team.signIn', '')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/Enter your password/),
    });
  });
});
