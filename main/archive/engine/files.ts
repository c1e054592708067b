// Small durable-file helpers: write-then-rename with fsyncs, and moving damaged files aside.
import fs from 'node:fs/promises';
import { closeSync, existsSync, fsync, openSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { diskFullError, takeSpace } from './disk-space';

/** Makes a directory entry change (create, rename, unlink) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename itself is still atomic.
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  } finally {
    await handle?.close();
  }
}

/** temp file → fsync → rename → fsync dir: readers see either the old or the new file, never a mix. */
export async function writeFileDurably(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const handle = await fs.open(temp, 'wx');
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await fs.rename(temp, file);
  await fsyncDir(path.dirname(file));
}

/**
 * writeFileDurably for bytes that may change once this returns (a live database file): they are
 * written to the temp file (into the OS's cache) before it returns; the returned promise does the
 * fsync, then `beforeRename` (given the temp file, e.g. to hash what was written), then the rename.
 * Write errors (a full disk) throw at once, the temp file removed.
 */
export function writeFileDurablyNow(file: string, bytes: Uint8Array, beforeRename?: (temp: string) => Promise<void>): Promise<void> {
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(temp, 'wx');
  try {
    for (let written = 0; written < bytes.length;) {
      const room = takeSpace(bytes.length - written);
      if (room === 0) throw diskFullError('write');
      written += writeSync(fd, bytes, written, room);
    }
  } catch (err) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw err;
  }
  return (async () => {
    try {
      await promisify(fsync)(fd);
    } catch (err) {
      closeSync(fd);
      await fs.rm(temp, { force: true });
      throw err;
    }
    closeSync(fd);
    try {
      await beforeRename?.(temp);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
    await fs.rename(temp, file);
    await fsyncDir(path.dirname(file));
  })();
}

export async function writeAll(handle: fs.FileHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const room = takeSpace(bytes.length - written);
    if (room === 0) throw diskFullError('write');
    const { bytesWritten } = await handle.write(bytes, written, room);
    written += bytesWritten;
  }
}

/** A name next to `file` that does not exist yet: `<file>.<label>`, then `<file>.<label>-2`, ... */
export function freeName(file: string, label: string): string {
  let candidate = `${file}.${label}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${file}.${label}-${n}`;
  return candidate;
}

/** Moves a file or folder aside (never overwriting anything) and returns its new path. */
export async function moveAside(file: string, label: string): Promise<string> {
  const target = freeName(file, label);
  await fs.rename(file, target);
  await fsyncDir(path.dirname(file));
  return target;
}

/** Copies a file to a new name (never overwriting anything), durably. */
export async function copyDurably(file: string, target: string): Promise<void> {
  await fs.copyFile(file, target, fs.constants.COPYFILE_EXCL);
  const handle = await fs.open(target, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDir(path.dirname(target));
}

export function timestampLabel(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
