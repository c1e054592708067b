// The usual setup of a sync test file: one test server for the file (closed after it), brought back
// up and given a fresh, empty team database before each test.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startServer, type TestServer } from './server';

export function teamDatabasePerTest(opts: Parameters<typeof startServer>[0] = {}): { readonly server: TestServer; readonly url: string } {
  const team = {} as { server: TestServer; url: string };
  beforeAll(async () => {
    team.server = await startServer(opts);
  });
  afterAll(() => team.server.close());
  beforeEach(async () => {
    await team.server.start();
    team.url = await team.server.database();
  });
  return team;
}
