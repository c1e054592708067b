// A CouchDB-compatible team server for the sync tests: express-pouchdb over PouchDB's in-memory
// adapter, on 127.0.0.1 with a random port, nothing written to disk. `stop()` takes it off the
// network (connections cut) while its data stays, `start()` brings it back on the same port: a
// server going down mid-sync and coming back. `failAfter(n)` cuts it after n more requests.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface TestServer {
  /** Creates an empty team database: http://127.0.0.1:PORT/DB */
  database(): Promise<string>;
  /** A document stored by PUT into that database, bypassing any client (a hostile or broken peer). */
  put(url: string, doc: Record<string, unknown>): Promise<void>;
  /** The server stops answering (as if it went down) after this many further requests. */
  failAfter(requests: number): void;
  requests(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

let databases = 0;

/** What CouchDB answers a member whose writes the database's validate_doc_update refuses. */
export const REVIEWER_REASON = 'Reviewers may read the team archive but not change it.';

/**
 * One server per test file (express-pouchdb keeps process-wide state); each test makes its own
 * database. `readOnly` users (Basic auth) are refused writes as CouchDB refuses them through a
 * validate_doc_update function — `_bulk_docs` answers each document `forbidden` — which
 * express-pouchdb's in-memory mode does not run itself. Other users are not checked.
 */
export async function startServer(opts: { readOnly?: string[] } = {}): Promise<TestServer> {
  const readOnly = new Set(opts.readOnly ?? []);
  const userOf = (req: http.IncomingMessage) => {
    const m = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    return m ? Buffer.from(m[1], 'base64').toString('utf8').split(':')[0] : null;
  };
  // express-pouchdb and PouchDB are CommonJS only.
  const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-memory'));
  const expressPouch = require('express-pouchdb');
  const Mem = PouchDB.defaults({ adapter: 'memory' });
  const app = expressPouch(Mem, { inMemoryConfig: true, mode: 'minimumForPouchDB', logPath: false });
  let count = 0;
  let limit = Infinity;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    count++;
    if (count > limit) {
      req.socket.destroy();
      void stop();
      return;
    }
    const user = userOf(req);
    if (user && readOnly.has(user) && req.method === 'POST' && /\/_bulk_docs$/.test(req.url ?? '')) {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        const docs = (JSON.parse(body) as { docs: { _id: string }[] }).docs;
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(docs.map((d) => ({ id: d._id, error: 'forbidden', reason: REVIEWER_REASON }))));
      });
      return;
    }
    app(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  await listen();
  const base = `http://127.0.0.1:${port}`;
  return {
    async database() {
      const db = `claimdesk-team-${process.pid}-${++databases}`;
      const created = await fetch(`${base}/${db}`, { method: 'PUT' });
      if (!created.ok) throw new Error(`test server: cannot create ${db}: ${created.status}`);
      return `${base}/${db}`;
    },
    async put(url, doc) {
      const res = await fetch(`${url}/${encodeURIComponent(String(doc._id))}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
      if (!res.ok) throw new Error(`test server: PUT ${String(doc._id)}: ${res.status} ${await res.text()}`);
    },
    failAfter(requests) {
      limit = count + requests;
    },
    requests: () => count,
    stop,
    async start() {
      limit = Infinity;
      if (!server.listening) await listen();
    },
    close: stop,
  };
}
