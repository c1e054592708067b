// The app's carrier (Electron can't run here): main/shell/services-process.ts forks the utility
// process and talks to it; the host answers on process.parentPort. Both adapters are driven here
// against a stand-in utility process that structured-clones every message, as Electron does.
import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveServices } from '../../../main/host/host';
import { utilityParentPortOf } from '../../../main/host/node-ports';
import type { RemoteServices } from '../../../main/host/client';

const fork = vi.fn();
vi.mock('electron', () => ({ utilityProcess: { fork: (...args: unknown[]) => fork(...args) } }));

type Fake = EventEmitter & { postMessage(message: unknown): void; kill(): boolean };

/** A utility process and its parentPort, wired together; `serve` starts the real host on its side. */
function standIn(opts: { spawns: boolean }) {
  const child = new EventEmitter() as Fake;
  const parentPort = new EventEmitter() as Fake;
  child.postMessage = (m) => setImmediate(() => parentPort.emit('message', { data: structuredClone(m) }));
  parentPort.postMessage = (m) => setImmediate(() => child.emit('message', structuredClone(m)));
  child.kill = vi.fn(() => {
    setImmediate(() => child.emit('exit', 0));
    return true;
  });
  fork.mockImplementation(() => {
    setImmediate(() => (opts.spawns ? child.emit('spawn') : child.emit('exit', 1)));
    return child;
  });
  const hosted = serveServices(utilityParentPortOf(parentPort));
  hosted.catch(() => {});
  return Object.assign(child, { hosted });
}

const dirs: string[] = [];
const open: RemoteServices[] = [];
afterEach(async () => {
  for (const r of open.splice(0)) await r.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  fork.mockReset();
});
async function archiveDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-utility-'));
  dirs.push(dir);
  return join(dir, 'archive');
}

describe('the services in an Electron utility process', () => {
  it('forks servicesHost.js, answers the contract over the parentPort, and kills the process on close', async () => {
    const { startServicesProcess } = await import('../../../main/shell/services-process');
    const child = standIn({ spawns: true });
    const events: string[] = [];
    const remote = await startServicesProcess('/app/out/main/servicesHost.js', {
      archiveDir: await archiveDir(),
      emit: (event) => events.push(event),
    });
    expect(fork).toHaveBeenCalledWith('/app/out/main/servicesHost.js', [], expect.objectContaining({ serviceName: 'Claimdesk archive' }));
    expect(await remote.dispatch('claims.create', [{ statement: 'Grain ships left Odesa' }])).toMatchObject({
      ok: true,
      value: { statement: 'Grain ships left Odesa' },
    });
    expect(await remote.dispatch('claims.get', [404])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toContain('data.changed');
    await remote.close();
    expect(child.kill).toHaveBeenCalled();
    expect(await remote.stopped).toBe('closed');
  }, 30_000);

  it('ends pending calls with the fatal error when the utility process dies', async () => {
    const { startServicesProcess } = await import('../../../main/shell/services-process');
    const child = standIn({ spawns: true });
    const remote = await startServicesProcess('/app/out/main/servicesHost.js', { archiveDir: await archiveDir() });
    open.push(remote);
    child.postMessage = () => {}; // the process is stuck: this call never reaches it
    const pending = remote.dispatch('claims.list', [{}]);
    child.emit('error', 'FatalError', 'v8::ToLocalChecked');
    child.emit('exit', 133);
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('FatalError at v8::ToLocalChecked') },
    });
    expect(await remote.stopped).toMatch(/FatalError/);
    await (await child.hosted).close(); // what the OS does to a dead process: the archive is let go
  }, 30_000);

  it('says the archive service could not start when the process exits before it spawns', async () => {
    const { startServicesProcess } = await import('../../../main/shell/services-process');
    standIn({ spawns: false });
    await expect(startServicesProcess('/app/out/main/servicesHost.js', { archiveDir: await archiveDir() })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The archive service could not start (exit code 1).',
    });
  });
});
