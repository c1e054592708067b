// PRAGMA integrity_check takes seconds on a large archive, so it runs in a worker thread on the
// exported snapshot bytes. The bytes are transferred, not copied: peak memory stays at the
// snapshot's own two copies (live database + export).
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Plain CommonJS, evaluated in the worker: no bundler has to know about a second entry point.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const initSqlJs = require(workerData.sqlJsPath);
initSqlJs({ locateFile: () => workerData.wasmPath })
  .then((SQL) => {
    const db = new SQL.Database(Buffer.from(workerData.buffer, 0, workerData.length));
    const rows = db.exec('PRAGMA integrity_check')[0].values.map((row) => String(row[0]));
    db.close();
    parentPort.postMessage(rows.join('; '));
  })
  .catch((err) => parentPort.postMessage('check failed to run: ' + err.message));
`;

/**
 * Runs integrity_check on database bytes in a worker. Returns "ok" or the problems found.
 * The bytes are handed over to the worker: the caller must not use them afterwards.
 */
export function integrityCheckInWorker(bytes: Uint8Array, wasmPath: string): Promise<string> {
  const buffer = bytes.buffer as ArrayBuffer;
  const length = bytes.byteOffset + bytes.byteLength;
  const sqlJsPath = createRequire(import.meta.url).resolve('sql.js');
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { buffer, length, sqlJsPath, wasmPath }, transferList: [buffer] });
    worker.once('message', (result: string) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (err) => resolve(`check failed to run: ${err.message}`));
  });
}
