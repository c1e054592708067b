// Team sync in the background, through the app's API (team.* methods, main/app/team-sync.ts) against
// a CouchDB-compatible test server: two researchers' archives converge by themselves, pausing stops
// the rounds, a server that goes away shows "offline" and sync recovers when it is back, a reviewer's
// refused changes show as an error in plain words, and the team is remembered without any password.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import type { DataChange, EventName, Events, TeamSyncStatus } from '../../../shared/events';
import { TEAM_SYNC_FILE } from '../../../main/app/team-sync';
import { dispatcherOf } from '../editing/dispatch-fixture';
import { REVIEWER_REASON, startServer, type TestServer } from './server';

let server: TestServer;
let team: { server: string; database: string };
const dirs: string[] = [];
const opened: Services[] = [];

beforeAll(async () => {
  server = await startServer({ readOnly: ['rita'] });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.start();
  const url = new URL(await server.database());
  team = { server: url.origin, database: url.pathname.slice(1) };
});
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

interface Device {
  services: Services;
  dir: string;
  call: ReturnType<typeof dispatcherOf>['call'];
  failure: ReturnType<typeof dispatcherOf>['failure'];
  events: { [E in EventName]?: Events[E][] };
}

/** A researcher's app: its own archive, background rounds every 40 ms, the events its window would get. */
async function device(actor: string, dir?: string, autoStart = false): Promise<Device> {
  if (!dir) {
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-team-sync-'));
    dirs.push(dir);
  }
  const events: Device['events'] = {};
  const services = await createServices({
    archiveDir: dir,
    actor,
    teamSyncIntervalMs: 40,
    teamSyncAutoStart: autoStart,
    emit: (event, payload) => void ((events[event] ??= []) as unknown[]).push(payload),
  });
  opened.push(services);
  return { services, dir, events, ...dispatcherOf(() => services) };
}

const statements = (d: Device) =>
  d.services.archive.claims
    .list({})
    .items.map((c) => c.statement)
    .sort();

/** Waits until the device's status is what the test expects (rounds run on their own). */
const until = (d: Device, ok: (s: TeamSyncStatus) => boolean) =>
  vi.waitFor(
    async () => {
      const s = await d.call('team.status');
      if (!ok(s)) throw new Error(`still ${JSON.stringify(s)}`);
      return s;
    },
    { timeout: 10_000, interval: 20 },
  );

describe('team sync in the background', () => {
  it('two researchers set up the same team: their claims reach each other without pressing anything, and open views are told', async () => {
    const alice = await device('alice');
    const bob = await device('bob');
    expect(await alice.call('team.status')).toMatchObject({ state: 'off', settings: null });

    await alice.services.archive.claims.insertMany([{ statement: 'The bridge cost £40m.' }]);
    await alice.call('team.configure', { ...team, user: null });
    await bob.call('team.configure', { ...team, user: null });
    await until(bob, () => statements(bob).includes('The bridge cost £40m.'));

    await bob.services.archive.claims.insertMany([{ statement: 'Ridership doubled in a year.' }]);
    await until(alice, () => statements(alice).includes('Ridership doubled in a year.'));
    const done = await until(alice, (s) => s.state === 'synced');
    expect(done).toMatchObject({ pending: 0, error: null, settings: { ...team, user: null } });
    expect(done.lastSync).not.toBeNull();
    expect(statements(alice)).toEqual(statements(bob));

    // Alice's open views were told which claims arrived, and her window saw the state change.
    const claimChanges = (alice.events['data.changed'] ?? []).flat().filter((c: DataChange) => c.type === 'claim');
    const bobsClaim = alice.services.archive.claims.list({}).items.find((c) => c.statement.startsWith('Ridership'))!;
    expect(claimChanges.some((c) => c.ids === null || c.ids.includes(bobsClaim.id))).toBe(true);
    expect((alice.events['sync.state'] ?? []).some((s) => s.state === 'synced')).toBe(true);
  });

  it('paused: no rounds and the edits wait as pending; resumed: they go out', async () => {
    const alice = await device('alice');
    await alice.call('team.configure', { ...team, user: null });
    await until(alice, (s) => s.state === 'synced');

    expect(await alice.call('team.pause')).toMatchObject({ state: 'paused' });
    await until(alice, (s) => !s.syncing);
    const before = server.requests();
    await alice.services.archive.claims.insertMany([{ statement: 'Written while paused.' }]);
    await new Promise((r) => setTimeout(r, 400)); // ten intervals: a round would have happened
    expect(server.requests()).toBe(before);
    expect(await alice.call('team.status')).toMatchObject({ state: 'paused', pending: 2 }); // the claim and its history entry

    const after = await alice.call('team.resume');
    expect(after).toMatchObject({ state: 'synced', pending: 0 });
    const bob = await device('bob');
    await bob.call('team.configure', { ...team, user: null });
    await until(bob, () => statements(bob).includes('Written while paused.'));
  });

  it('the server goes away: "offline" with the reason, edits kept; when it is back, sync recovers by itself', async () => {
    const alice = await device('alice');
    await alice.call('team.configure', { ...team, user: null });
    await until(alice, (s) => s.state === 'synced');

    await server.stop();
    await alice.services.archive.claims.insertMany([{ statement: 'Written offline.' }]);
    const offline = await alice.call('team.syncNow');
    expect(offline).toMatchObject({ state: 'offline', pending: 2 });
    expect(offline.error).toMatch(/Cannot reach the sync server at http:\/\/127\.0\.0\.1:\d+\/.*Nothing is lost/);

    await server.start();
    await until(alice, (s) => s.state === 'synced' && s.pending === 0 && s.error === null);
    const bob = await device('bob');
    await bob.call('team.configure', { ...team, user: null });
    await until(bob, () => statements(bob).includes('Written offline.'));
  });

  it('a read-only reviewer: the refusal in plain words, the edit kept as a draft', async () => {
    const rita = await device('rita');
    await rita.services.archive.claims.insertMany([{ statement: 'A reviewer’s edit.' }]);
    await rita.call('team.pause');
    await rita.call('team.configure', { ...team, user: 'rita' });
    const s = await rita.call('team.syncNow');
    expect(s.state).toBe('paused');
    await rita.call('team.resume');
    const refused = await until(rita, (st) => st.state === 'error');
    expect(refused.error).toContain(REVIEWER_REASON);
    expect(refused.error).toMatch(/may only read the team archive\. Your changes stay here as drafts\./);
    expect(refused.pending).toBeGreaterThan(0);
    expect(statements(rita)).toEqual(['A reviewer’s edit.']);
  });

  it('the team is remembered with the archive (never a password) and sync starts again when the app opens it', async () => {
    const alice = await device('alice');
    await alice.call('team.configure', { ...team, user: 'alice' });
    await until(alice, (s) => s.state === 'synced');
    const stored = JSON.parse(await readFile(join(alice.dir, TEAM_SYNC_FILE), 'utf8'));
    expect(stored).toEqual({ ...team, user: 'alice', paused: false });

    await alice.services.close();
    opened.splice(opened.indexOf(alice.services), 1);
    const bob = await device('bob');
    await bob.call('team.configure', { ...team, user: null });
    await bob.services.archive.claims.insertMany([{ statement: 'Arrived while Alice was away.' }]);
    await until(bob, (s) => s.state === 'synced');

    const again = await device('alice', alice.dir, true);
    await until(again, () => statements(again).includes('Arrived while Alice was away.'));
    expect((await again.call('team.status')).settings).toEqual({ ...team, user: 'alice' });
  });

  it('a wrong address is refused with a clear message and nothing is kept', async () => {
    const alice = await device('alice');
    const plain = await alice.failure('team.configure', { server: 'http://claims.example.org', database: 'team', user: null });
    expect(plain).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(plain.message).toMatch(/needs https:\/\/ \(plain http:\/\/ only to this computer\)/);
    const noDb = await alice.failure('team.configure', { server: 'https://claims.example.org', database: ' ', user: null });
    expect(noDb.message).toMatch(/team database/);
    expect(await alice.call('team.status')).toMatchObject({ state: 'off', settings: null });
    await expect(readFile(join(alice.dir, TEAM_SYNC_FILE), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
