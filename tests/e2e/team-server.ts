// The CouchDB-compatible test server (tests/unit/sync/server.ts) for e2e specs: one per Playwright
// worker process, shared by the spec files it runs. express-pouchdb keeps process-wide state, so a
// second server in the same process (the next spec file in the same worker) would break the first's
// databases. A spec takes it in beforeAll (listening again if the last one stopped it) and stops it
// in afterAll; each test still makes its own database.
import { startServer, type TestServer } from '../unit/sync/server';

let shared: Promise<TestServer> | null = null;

export async function teamServer(): Promise<TestServer> {
  const server = await (shared ??= startServer());
  await server.start();
  return server;
}
