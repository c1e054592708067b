// Holding the database file once, and letting it grow in place. sql.js keeps the database as an
// in-memory file (Emscripten's MEMFS): `new SQL.Database(bytes)` copies the given bytes into it, and
// whenever a write needs more room than the file's buffer has, MEMFS copies the whole file into a
// buffer ×1.125 larger — old and new alive at once. At 100k claims (a ~250 MB file) that is two
// copies at each growth, and a pull into an empty device grows the file dozens of times.
// Here the file lives in a buffer this module made and hands sql.js to own: a resizable ArrayBuffer
// (address space reserved up to MAX_IN_PLACE, memory taken only as pages are written). Opening reads
// the file straight into it; a new archive starts in one; before each write the database makes sure
// there is room ahead (`growInPlace`: the buffer is extended where it lies, nothing is copied), so
// MEMFS never needs a larger buffer. The hand-over relies on how MEMFS stores a file's first write
// (it keeps `data.slice(0, length)`) and measures a file's room by its buffer's length; should a
// sql.js version do otherwise, or a write outgrow the room, sql.js simply copies the file as before
// — the database is the same either way, only held twice while it grows.
import fs from 'node:fs/promises';
import type { Database as SqlJsDatabase, SqlJsStatic } from 'sql.js';

/** Room to grow at open, as a fraction of the file's size (unwritten room costs no memory). */
const HEADROOM = 0.25;
/** The largest a file can grow to in place: reserved address space only (sql.js tops out near 2 GB). */
const MAX_IN_PLACE = 4 * 2 ** 30;

/** ES2024's resizable ArrayBuffer (Node 20+, Electron), not in this project's TypeScript lib yet. */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly resizable?: boolean;
  readonly maxByteLength?: number;
  resize?(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as new (byteLength: number, options?: { maxByteLength: number }) => ResizableArrayBuffer;

/** A file's bytes in a buffer with headroom behind them: `bytes` is a view of the first `size` bytes. */
export interface RoomyBytes {
  bytes: Uint8Array;
  /** The whole buffer (bytes plus headroom); it grows in place when it is resizable. */
  storage: Uint8Array;
}

/**
 * A buffer of `capacity` bytes that can later grow in place up to MAX_IN_PLACE (a view that tracks
 * the resizable buffer's length); a plain buffer where the runtime cannot reserve that.
 */
function growableBuffer(capacity: number): Uint8Array {
  try {
    return new Uint8Array(new ResizableArrayBuffer(capacity, { maxByteLength: Math.max(MAX_IN_PLACE, capacity) }));
  } catch {
    return new Uint8Array(capacity);
  }
}

/** Reads a whole file into a buffer with headroom (one read, no intermediate copy). */
export async function readWithHeadroom(file: string): Promise<RoomyBytes> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const storage = growableBuffer(size + Math.ceil(size * HEADROOM));
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

/** An empty database file (one page) in a growable buffer: a new archive's file, owned from the start. */
export function emptyDatabaseBytes(SQL: SqlJsStatic): RoomyBytes {
  const scratch = new SQL.Database();
  let image: Uint8Array;
  try {
    scratch.run('PRAGMA user_version = 0'); // writes the header page: the file exists, holding nothing
    image = scratch.export();
  } finally {
    scratch.close();
  }
  const storage = growableBuffer(image.length);
  storage.set(image);
  return { bytes: storage.subarray(0, image.length), storage };
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

/**
 * Extends `storage` where it lies to hold at least `capacity` bytes (no copy: its pages cost memory
 * only once written). False when it cannot: a plain buffer, or beyond the most it may reserve.
 */
export function growInPlace(storage: Uint8Array, capacity: number): boolean {
  if (storage.byteLength >= capacity) return true;
  const buffer = storage.buffer as ResizableArrayBuffer;
  if (!buffer.resizable || !buffer.resize || capacity > (buffer.maxByteLength ?? 0)) return false;
  try {
    buffer.resize(capacity);
  } catch {
    return false; // no memory to commit: sql.js grows the file itself, as before
  }
  return storage.byteLength >= capacity; // a view that tracks the buffer's length
}
