// A worker-thread host whose services misbehave on request, to prove the window side never hangs:
// 'test.hang' never answers, 'test.crash' throws outside any handler (the worker dies with it),
// 'test.exit' ends the thread. Everything else answers as the contract's dispatch would.
import { parentPort } from 'node:worker_threads';
import { serveServices } from '../../../main/host/host';
import { messagePortOf } from '../../../main/host/node-ports';
import type { FromHost, ToHost } from '../../../main/host/protocol';
import type { Services } from '../../../main/services';

const fake = {
  dispatch: async (method: unknown) => {
    if (method === 'test.hang') return new Promise(() => {});
    if (method === 'test.crash')
      setImmediate(() => {
        throw new Error('the services thread blew up');
      });
    if (method === 'test.exit') setImmediate(() => process.exit(3));
    if (method === 'test.crash' || method === 'test.exit') return new Promise(() => {});
    return { ok: true, value: `answered ${String(method)}` };
  },
  pathGrants: { grant: () => new Promise(() => {}) },
  close: async () => {},
};

serveServices(messagePortOf<FromHost, ToHost>(parentPort!), async () => fake as unknown as Services).catch(() => {});
