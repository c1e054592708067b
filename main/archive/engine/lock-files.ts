// File primitives of the LOCK protocol (lock.ts): exclusive creation with the content in place
// from the first moment, and atomic replacement.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { requireSpace } from './disk-space';

/** link() is not offered everywhere (FAT/exFAT drives, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Creates `file` holding `text` unless it exists (false then): a temp file hard-linked as `file`. */
export function createExclusive(file: string, text: string): boolean {
  const temp = writeTemp(file, text);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (NO_HARD_LINKS.has(code)) return createWithoutLink(file, text);
    throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Replaces `file` by one holding `text` in one step (rename over it). */
export function replaceAtomically(file: string, text: string): void {
  const temp = writeTemp(file, text);
  try {
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

export function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function writtenAt(file: string): number | null {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function writeTemp(file: string, text: string): string {
  requireSpace(Buffer.byteLength(text), `writing ${file}`);
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return temp;
}

/** Exclusive create without link(): for a moment the file is empty, which readers wait out. */
function createWithoutLink(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
