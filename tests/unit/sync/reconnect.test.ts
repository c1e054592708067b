// A kept-alive connection the server closed just as the client reused it (after a long pause, e.g.
// building 200k documents before the next request) is not a failed sync: the request goes again once.
// A server that keeps cutting the connection is still the clear "cannot reach" error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { startServer, type TestServer } from './server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const closed = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' } });

describe('sync over connections the server closed', () => {
  it('sends a request again once when its connection was closed under it, and the archives converge', async () => {
    const url = await server.database();
    const alice = await open(undefined, { actor: 'alice' });
    await alice.claims.insertMany([{ statement: 'The depot would hold 400 homes.' }, { statement: 'It is the largest scheme.' }]);
    let calls = 0;
    let cut = 0;
    // Every third request meets a closed connection first.
    const flaky: typeof fetch = (input, init) => (++calls % 3 === 0 ? (cut++, Promise.reject(closed())) : fetch(input, init));
    expect(await syncOnce({ archive: alice, remote: url, fetch: flaky })).toMatchObject({ pushed: 4, pending: 0 });
    const bob = await open(undefined, { actor: 'bob' });
    expect(await syncOnce({ archive: bob, remote: url, fetch: flaky })).toMatchObject({ pulled: 4, rejected: [] });
    expect(bob.info().counts).toEqual(alice.info().counts);
    expect(cut).toBeGreaterThan(2);
  });

  it('says the server cannot be reached when the connection is cut again', async () => {
    const url = await server.database();
    const alice = await open(undefined, { actor: 'alice' });
    const cutting: typeof fetch = () => Promise.reject(closed());
    await expect(syncOnce({ archive: alice, remote: url, fetch: cutting })).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringMatching(/^Cannot reach the sync server at .* \(UND_ERR_SOCKET\)\. Nothing is lost/),
    });
  });
});
