// Opening a database without a second copy of it. sql.js keeps the database as an in-memory file
// (Emscripten's MEMFS) and `new SQL.Database(bytes)` copies the given bytes into it — at 100k claims
// the file read from disk (~200 MB) plus sql.js's copy, then another full copy the first time a write
// makes the file grow (MEMFS grows by ×1.125, old and new alive at once). Here the file is read into
// a buffer with room to grow and sql.js is handed that buffer to own: one copy, and the first writes
// land in the headroom. The hand-over relies on how MEMFS stores a file's first write (it keeps
// `data.slice(0, length)`); should a sql.js version store it otherwise, the bytes are simply copied
// as before — the database is the same either way.
import fs from 'node:fs/promises';
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';

/** Room to grow, as a fraction of the file's size (the headroom's pages cost memory only once written). */
const HEADROOM = 0.25;

/** A file's bytes in a buffer with headroom behind them: `bytes` is a view of the first `size` bytes. */
export interface RoomyBytes {
  bytes: Uint8Array;
  /** The whole buffer (bytes plus headroom). */
  storage: Uint8Array;
}

/** Reads a whole file into a buffer with headroom (one read, no intermediate copy). */
export async function readWithHeadroom(file: string): Promise<RoomyBytes> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const storage = new Uint8Array(size + Math.ceil(size * HEADROOM));
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(storage, read, size - read, read);
      if (bytesRead === 0) break; // the file shrank meanwhile: what was read is what it holds
      read += bytesRead;
    }
    return { bytes: storage.subarray(0, read), storage };
  } finally {
    await handle.close();
  }
}

/**
 * Opens `bytes` as a sql.js database that takes over `storage` (no copy). From then on the bytes
 * are the live database file: they change with every write, and stop being it once it outgrows
 * the storage. Callers read them only before the first write.
 */
export function openOwning(SQL: SqlJsStatic, { bytes, storage }: RoomyBytes): SqlJsDatabase {
  const size = bytes.length;
  const handOver = function (this: Uint8Array, start?: number, end?: number): Uint8Array {
    // MEMFS's first write: keep the whole storage (its length is the file's capacity, the size is tracked apart).
    if ((start ?? 0) === 0 && end === size && storage.buffer === bytes.buffer) return storage;
    return Uint8Array.prototype.slice.call(this, start, end);
  };
  Object.defineProperty(bytes, 'slice', { value: handOver, configurable: true });
  try {
    return new SQL.Database(bytes);
  } finally {
    delete (bytes as { slice?: unknown }).slice;
  }
}
