// PRAGMA integrity_check takes seconds on a large archive, so it runs in a worker thread on the
// snapshot: the backup file just written, or exported bytes (transferred, not copied).
// A file is checked where it lies through the runtime's own SQLite (node:sqlite, in Node >= 22.13 and
// Electron's utility process): pages are read from disk as the check needs them, so the check costs
// a few MB instead of a second copy of the database (~210 MB at 100k claims, alive while the archive's
// own copy is). Where node:sqlite is missing (or lacks a module the archive uses, e.g. FTS5) it falls
// back to sql.js, which takes the bytes over instead of copying them: one copy of the database in the worker.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Plain CommonJS, evaluated in the worker: no bundler has to know about a second entry point.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const report = (rows) => parentPort.postMessage(rows.join('; '));

// The file on disk through node:sqlite; null when this runtime cannot check it so (no node:sqlite,
// or a module the archive uses missing): then sql.js does. A damaged file is an answer, not a null.
function checkFileInPlace(file) {
  let sqlite;
  try {
    process.removeAllListeners('warning'); // node:sqlite's "experimental" notice is not the user's concern
    sqlite = require('node:sqlite');
  } catch {
    return null;
  }
  let db = null;
  try {
    db = new sqlite.DatabaseSync(file, { readOnly: true });
    return db.prepare('PRAGMA integrity_check').all().map((row) => String(Object.values(row)[0]));
  } catch (err) {
    if (/no such (module|function|collation)|unknown tokenizer/i.test(err.message)) return null;
    return [err.message];
  } finally {
    try { db?.close(); } catch {}
  }
}

function checkWithSqlJs() {
  const initSqlJs = require(workerData.sqlJsPath);
  return initSqlJs({ locateFile: () => workerData.wasmPath }).then((SQL) => {
    const bytes = workerData.file ? readFileSync(workerData.file) : Buffer.from(workerData.buffer, 0, workerData.length);
    // sql.js keeps a new file's bytes as data.slice(): hand it these instead of a copy (see own-bytes.ts).
    const whole = bytes.length;
    Object.defineProperty(bytes, 'slice', { value: (s, e) => ((s || 0) === 0 && e === whole ? bytes : Uint8Array.prototype.slice.call(bytes, s, e)), configurable: true });
    const db = new SQL.Database(bytes);
    const rows = db.exec('PRAGMA integrity_check')[0].values.map((row) => String(row[0]));
    db.close();
    return rows;
  });
}

const inPlace = workerData.file && !workerData.forceSqlJs ? checkFileInPlace(workerData.file) : null;
(inPlace ? Promise.resolve(inPlace) : checkWithSqlJs())
  .then(report)
  .catch((err) => parentPort.postMessage('check failed to run: ' + err.message));
`;

/**
 * Runs integrity_check on database bytes, or on a database file, in a worker. Returns "ok" or the
 * problems found. Bytes are handed over to the worker: the caller must not use them afterwards.
 * `sqlJs` checks a file with sql.js as a runtime without node:sqlite does.
 */
export function integrityCheckInWorker(source: Uint8Array | string, wasmPath: string, opts: { sqlJs?: boolean } = {}): Promise<string> {
  const sqlJsPath = createRequire(import.meta.url).resolve('sql.js');
  const data =
    typeof source === 'string'
      ? { workerData: { file: source, sqlJsPath, wasmPath, forceSqlJs: opts.sqlJs ?? false } }
      : {
          workerData: { buffer: source.buffer, length: source.byteOffset + source.byteLength, sqlJsPath, wasmPath },
          transferList: [source.buffer as ArrayBuffer],
        };
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, ...data });
    worker.once('message', (result: string) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (err) => resolve(`check failed to run: ${err.message}`));
  });
}
