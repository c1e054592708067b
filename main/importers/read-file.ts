// Reads one file to import, safely: only regular files (a symlink only when it leads to one), the
// size checked before a byte is read, and everything read from the one handle that was checked (so
// the file cannot be swapped in between). Opening never blocks: a named pipe is opened with
// O_NONBLOCK and then refused, a socket or device is refused before it is opened. Reads go in 1 MB
// chunks, are hashed as they come and stop when the import is cancelled, so no import holds one of
// libuv's few threads for long (the archive's journal writes need them too).
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import { checkBeforeParse } from './parse';
import type { ParseLimits } from './types';

/** A path as the file system gave it: a Buffer when the name is not valid UTF-8. */
export type FilePath = string | Buffer;

/** The file read whole, with its SHA-256. */
export interface ImportFile {
  bytes: Uint8Array;
  sha256: string;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 1024 * 1024;

/** The path as shown to the user (invalid UTF-8 bytes become U+FFFD). */
export function displayPath(path: FilePath): string {
  return typeof path === 'string' ? path : path.toString('utf8');
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

async function refuseIrregular(path: FilePath, info: Stats): Promise<void> {
  if (info.isFile()) return;
  const name = basename(displayPath(path));
  const link = (await lstat(path).catch(() => null))?.isSymbolicLink();
  const what = `${link ? 'links to' : 'is'} ${kindOf(info)}`;
  throw new AppError('INVALID_ARGUMENT', `${name} ${what}, not a file; nothing was imported`);
}

function ioError(path: FilePath, err: NodeJS.ErrnoException): AppError {
  const shown = displayPath(path);
  if (err.code === 'ENOENT') {
    const hint = shown.includes('\uFFFD') ? ' (the file name is not valid UTF-8; rename it)' : '';
    return new AppError('NOT_FOUND', `File not found: ${shown}${hint}`);
  }
  if (err.code === 'EACCES' || err.code === 'EPERM') return new AppError('IO', `Permission denied: ${shown}`);
  if (err.code === 'ENXIO') return new AppError('INVALID_ARGUMENT', `${basename(shown)} is a socket, not a file; nothing was imported`);
  return new AppError('IO', `Cannot read ${shown}: ${err.message}`);
}

const cancelled = () => new AppError('CANCELLED', 'Import cancelled');

/** Reads `size` bytes (fewer if the file shrank meanwhile), hashing as it goes. */
async function readAll(handle: FileHandle, size: number, signal?: AbortSignal): Promise<ImportFile> {
  const bytes = Buffer.allocUnsafeSlow(size); // not from the shared pool: the worker gets a copy of its memory
  const hash = createHash('sha256');
  let offset = 0;
  while (offset < size) {
    if (signal?.aborted) throw cancelled();
    const { bytesRead } = await handle.read(bytes, offset, Math.min(CHUNK, size - offset), offset);
    if (bytesRead === 0) break;
    hash.update(bytes.subarray(offset, offset + bytesRead));
    offset += bytesRead;
  }
  return { bytes: bytes.subarray(0, offset), sha256: hash.digest('hex') };
}

/** Checks a file's name and size before a byte is read; throws to refuse it. */
export type SizeCheck = (name: string, size: number) => void;

/** Opens, checks (type, then extension and size with `check`) and reads one file to import. */
export async function readImportFile(
  path: FilePath,
  limits: Pick<ParseLimits, 'maxBytes'>,
  signal?: AbortSignal,
  check: SizeCheck = (name, size) => checkBeforeParse(name, size, limits),
): Promise<ImportFile> {
  const fail = (err: NodeJS.ErrnoException) => {
    throw err instanceof AppError ? err : ioError(path, err);
  };
  const name = displayPath(path);
  // Sockets and devices are refused before they are opened; a FIFO opens at once (O_NONBLOCK).
  await refuseIrregular(path, await stat(path).catch(fail));
  if (signal?.aborted) throw cancelled();
  const handle = await open(path, OPEN_FLAGS).catch(fail);
  try {
    const info = await handle.stat();
    await refuseIrregular(path, info);
    check(name, info.size);
    return await readAll(handle, info.size, signal);
  } finally {
    await handle.close();
  }
}
