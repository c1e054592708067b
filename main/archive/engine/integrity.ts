// PRAGMA integrity_check takes seconds on a large archive, so it runs in a worker thread on the
// snapshot (the backup file just written, or exported bytes, which are transferred, not copied),
// and sql.js there takes the bytes over instead of copying them: one copy of the database in the worker.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Plain CommonJS, evaluated in the worker: no bundler has to know about a second entry point.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const initSqlJs = require(workerData.sqlJsPath);
initSqlJs({ locateFile: () => workerData.wasmPath })
  .then((SQL) => {
    const bytes = workerData.file ? readFileSync(workerData.file) : Buffer.from(workerData.buffer, 0, workerData.length);
    // sql.js keeps a new file's bytes as data.slice(): hand it these instead of a copy (see own-bytes.ts).
    const whole = bytes.length;
    Object.defineProperty(bytes, 'slice', { value: (s, e) => ((s || 0) === 0 && e === whole ? bytes : Uint8Array.prototype.slice.call(bytes, s, e)), configurable: true });
    const db = new SQL.Database(bytes);
    const rows = db.exec('PRAGMA integrity_check')[0].values.map((row) => String(row[0]));
    db.close();
    parentPort.postMessage(rows.join('; '));
  })
  .catch((err) => parentPort.postMessage('check failed to run: ' + err.message));
`;

/**
 * Runs integrity_check on database bytes, or on a database file, in a worker. Returns "ok" or the
 * problems found. Bytes are handed over to the worker: the caller must not use them afterwards.
 */
export function integrityCheckInWorker(source: Uint8Array | string, wasmPath: string): Promise<string> {
  const sqlJsPath = createRequire(import.meta.url).resolve('sql.js');
  const data =
    typeof source === 'string'
      ? { workerData: { file: source, sqlJsPath, wasmPath } }
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
