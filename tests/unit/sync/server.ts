// A CouchDB-compatible team server for the sync tests: express-pouchdb over PouchDB's in-memory
// adapter, on 127.0.0.1 with a random port, nothing written to disk. `stop()` takes it off the
// network (connections cut) while its data stays, `start()` brings it back on the same port: a
// server going down mid-sync and coming back. `failAt(match)` cuts it at the first request that
// matches (a point in the protocol, not a count of requests: how many requests a client makes
// before it — a request sent again on a fresh connection, a lookup more — does not move it).
// With CLAIMDESK_TEST_COUCH=http://admin:password@host:5984 set, the same front (127.0.0.1, random
// port, stop/start/failAt, reviewers refused) forwards to that Apache CouchDB instead, signed
// in as its admin; each test's database is created there and deleted by close() (docs/sync.md §7).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface TestServer {
  /** Creates an empty team database: http://127.0.0.1:PORT/DB */
  database(): Promise<string>;
  /** A document stored by PUT into that database, bypassing any client (a hostile or broken peer). */
  put(url: string, doc: Record<string, unknown>): Promise<void>;
  /** The server stops answering (as if it went down) at the first request matching, until start(). */
  failAt(match: (method: string, url: string) => boolean): void;
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
  const couch = process.env.CLAIMDESK_TEST_COUCH;
  const app = couch ? forwardTo(couch) : inMemory();
  let count = 0;
  let cutAt: ((method: string, url: string) => boolean) | null = null;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    count++;
    if (cutAt?.(req.method ?? 'GET', req.url ?? '/')) {
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
  const start = async () => {
    cutAt = null;
    if (!server.listening) await listen();
  };
  await listen();
  const base = `http://127.0.0.1:${port}`;
  const created: string[] = [];
  return {
    async database() {
      // A real CouchDB keeps its databases: names that no other run uses.
      const db = `claimdesk-team-${process.pid}-${Date.now()}-${++databases}`;
      const made = await fetch(`${base}/${db}`, { method: 'PUT' });
      if (!made.ok) throw new Error(`test server: cannot create ${db}: ${made.status} ${await made.text()}`);
      created.push(db);
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
    failAt(match) {
      cutAt = match;
    },
    requests: () => count,
    stop,
    start,
    async close() {
      if (couch) {
        await start();
        for (const db of created.splice(0)) await fetch(`${base}/${db}`, { method: 'DELETE' });
      }
      await stop();
    },
  };
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function inMemory(): Handler {
  // express-pouchdb and PouchDB are CommonJS only.
  const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-memory'));
  const expressPouch = require('express-pouchdb');
  const Mem = PouchDB.defaults({ adapter: 'memory' });
  return expressPouch(Mem, { inMemoryConfig: true, mode: 'minimumForPouchDB', logPath: false });
}

/** Forwards every request to an Apache CouchDB, as its admin (the URL's user:password). */
function forwardTo(couch: string): Handler {
  const target = URL.canParse(couch) ? new URL(couch) : null;
  if (!target || !/^https?:$/.test(target.protocol))
    throw new Error(`CLAIMDESK_TEST_COUCH must be a CouchDB server's URL (http://admin:password@127.0.0.1:5984), not "${couch}".`);
  const admin = target.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`
    : null;
  const prefix = target.pathname.replace(/\/+$/, '');
  const send = target.protocol === 'https:' ? httpsRequest : http.request;
  return (req, res) => {
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    if (admin) headers.authorization = admin;
    const upstream = send(
      {
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: `${prefix}${req.url ?? '/'}`,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  };
}
