// The services host protocol (main/host/): the window's side calls the services over a message port
// and gets the same answers, error codes and events as in-process; what only the window can do is
// asked back of it; a host that dies or exits ends every pending call with a clear error.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { serveServices } from '../../../main/host/host';
import { connectServices, type RemoteServices } from '../../../main/host/client';
import { messagePortOf, startServicesWorker, tsxWorkerSource, workerPortOf } from '../../../main/host/node-ports';
import type { FromHost, ToHost } from '../../../main/host/protocol';
import type { ServicesOptions } from '../../../main/services';
import type { EventName } from '../../../shared/events';
import { AppError } from '../../../shared/errors';

const dirs: string[] = [];
const open: RemoteServices[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-host-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const r of open.splice(0)) await r.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** The services behind a real MessageChannel in this thread, as the e2e harness runs them. */
async function inThread(opts: Partial<ServicesOptions> = {}) {
  const channel = new MessageChannel();
  const hosted = serveServices(messagePortOf<FromHost, ToHost>(channel.port2));
  const events: { event: EventName; payload: unknown }[] = [];
  const remote = await connectServices(messagePortOf<ToHost, FromHost>(channel.port1), {
    archiveDir: join(await tempDir(), 'archive'),
    actor: 'tester',
    emit: (event, payload) => events.push({ event, payload }),
    ...opts,
  });
  open.push(remote);
  return { remote, services: await hosted, events };
}

describe('the services host, over a message port', () => {
  it('answers the contract as in-process dispatch does, and keeps error codes and messages', async () => {
    const { remote } = await inThread();
    const created = await remote.dispatch('claims.create', [{ statement: 'Thousands of troops were sent to Russia', claimant: 'Seoul' }]);
    expect(created).toMatchObject({ ok: true, value: { statement: 'Thousands of troops were sent to Russia', claimant: 'Seoul' } });
    expect(await remote.dispatch('claims.get', [987_654])).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Claim 987654 does not exist.' },
    });
    expect(await remote.dispatch('claims.get', ['seven'])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('claims.get') },
    });
    expect(await remote.dispatch('claims.nuke', [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await expect(remote.grantPaths(['relative/path.html'])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('absolute paths'),
    });
  });

  it("forwards the services' events to the window's side", async () => {
    const { remote, services, events } = await inThread();
    const claim = await services.archive.claims.insert({ statement: 'Edited from the command line' });
    await remote.dispatch('app.info', []); // one round trip: the event was posted before its answer
    expect(events).toContainEqual({ event: 'data.changed', payload: expect.arrayContaining([{ type: 'claim', ids: [claim.id] }]) });
  });

  it('asks the window for what only it can do (a file dialog), and passes its refusal on with its code', async () => {
    const dir = await tempDir();
    const file = join(dir, 'story.txt');
    await writeFile(file, 'Officials said on Monday that the border crossing would reopen next week after repairs.');
    let answer: () => Promise<string[]> = async () => [file];
    const { remote } = await inThread({ chooseFiles: () => answer() });
    expect(await remote.dispatch('import.choose', [])).toMatchObject({ ok: true, value: { imported: 1, failed: [] } });
    answer = async () => {
      throw new AppError('IO', 'The file dialog could not be shown.');
    };
    expect(await remote.dispatch('import.choose', [])).toEqual({
      ok: false,
      error: { code: 'IO', message: 'The file dialog could not be shown.' },
    });
  });

  it('says why the services could not start, with the archive’s error code, instead of hanging', async () => {
    const dir = await tempDir();
    const notAFolder = join(dir, 'archive');
    await writeFile(notAFolder, 'a file where the archive folder should be');
    const channel = new MessageChannel();
    serveServices(messagePortOf<FromHost, ToHost>(channel.port2)).catch(() => {});
    await expect(connectServices(messagePortOf<ToHost, FromHost>(channel.port1), { archiveDir: notAFolder })).rejects.toMatchObject({
      code: expect.stringMatching(/^[A-Z_]+$/),
      message: expect.any(String),
    });
  });
});

describe('the services host in a worker thread', () => {
  it('opens the archive in its own thread, answers, snapshots, and closes the thread', async () => {
    const events: EventName[] = [];
    const remote = await startServicesWorker({
      archiveDir: join(await tempDir(), 'archive'),
      actor: 'tester',
      emit: (event) => events.push(event),
    });
    open.push(remote);
    const created = await remote.dispatch('claims.create', [{ statement: 'Ships left Odesa on Monday' }]);
    expect(created).toMatchObject({ ok: true, value: { statement: 'Ships left Odesa on Monday' } });
    await remote.snapshot();
    expect(events).toContain('data.changed');
    await remote.close();
    expect(await remote.stopped).toBe('closed');
    expect(await remote.dispatch('app.info', [])).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  }, 60_000);

  async function misbehaving(): Promise<RemoteServices & { worker: Worker }> {
    const worker = new Worker(tsxWorkerSource(new URL('./misbehaving-host.ts', import.meta.url)), { eval: true });
    const remote = await connectServices(workerPortOf<ToHost, FromHost>(worker), { archiveDir: '/unused' });
    open.push(remote);
    return Object.assign(remote, { worker });
  }

  it('reports a crash of the services thread as a clear error to the pending call and every later one', async () => {
    const remote = await misbehaving();
    expect(await remote.dispatch('claims.list', [{}])).toEqual({ ok: true, value: 'answered claims.list' });
    const crashed = await remote.dispatch('test.crash', []);
    expect(crashed).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/stopped unexpectedly.*the services thread blew up/) },
    });
    expect(await remote.stopped).toMatch(/the services thread blew up/);
    expect(await remote.dispatch('claims.list', [{}])).toEqual(crashed);
    await expect(remote.grantPaths(['/home/researcher/a.html'])).rejects.toMatchObject({ code: 'INTERNAL' });
  }, 60_000);

  it('ends the pending calls when the thread exits, whatever they were waiting for', async () => {
    const remote = await misbehaving();
    const hanging = remote.dispatch('test.hang', []);
    const granting = remote.grantPaths(['/home/researcher/a.html']);
    await remote.dispatch('claims.list', [{}]); // both requests have reached the host
    const exited = remote.dispatch('test.exit', []);
    for (const pending of [hanging, exited])
      expect(await pending).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', message: expect.stringContaining('exited with code 3') },
      });
    await expect(granting).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('stopped unexpectedly') });
  }, 60_000);

  it('ends the pending calls when the thread is terminated', async () => {
    const remote = await misbehaving();
    const hanging = remote.dispatch('test.hang', []);
    await remote.dispatch('claims.list', [{}]);
    await remote.worker.terminate();
    expect(await hanging).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('stopped unexpectedly') },
    });
  }, 60_000);
});
