// Loads sql.js (the WebAssembly build) once per process and per wasm file.
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

const loaded = new Map<string, Promise<SqlJsStatic>>();

/** Path of the wasm binary shipped with the sql.js package (the packaged app passes its own). */
export function defaultWasmPath(): string {
  return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
}

export function loadSqlJs(wasmPath: string = defaultWasmPath()): Promise<SqlJsStatic> {
  let promise = loaded.get(wasmPath);
  if (!promise) {
    promise = initSqlJs({ locateFile: () => wasmPath });
    // A failed load must not poison later attempts (e.g. with a corrected path).
    promise.catch(() => loaded.delete(wasmPath));
    loaded.set(wasmPath, promise);
  }
  return promise;
}
