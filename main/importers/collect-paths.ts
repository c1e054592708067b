// Turns what the user dropped or named into the list of files to import. Folders are walked
// recursively; inside them hidden files, unsupported types and anything that is not a regular file
// (pipes, sockets, devices, links to them) are skipped quietly, while a file named explicitly is
// always attempted (so an unsupported or irregular one is reported, not ignored). Names that are not
// valid UTF-8 are kept as the bytes the file system gave (a Buffer path), so they can be opened.
import { type Dirent } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isSupported } from './parse';
import type { FilePath } from './read-file';

const MAX_DEPTH = 32;
const MAX_FILES = 100_000;
const SEP = Buffer.from(sep);

/** The path as a string when its bytes are valid UTF-8, else as the bytes. */
function toPath(bytes: Buffer): FilePath {
  const text = bytes.toString('utf8');
  return Buffer.from(text).equals(bytes) ? text : bytes;
}

const join = (dir: Buffer, name: Buffer) => Buffer.concat([dir, SEP, name]);

/** 'file' for a regular file or a link to one; symlinked folders are not followed (they can loop). */
async function entryKind(full: Buffer, entry: Dirent<Buffer>): Promise<'file' | 'dir' | null> {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return 'file';
  if (entry.isSymbolicLink()) return (await stat(full).catch(() => null))?.isFile() ? 'file' : null;
  // Some file systems do not say what an entry is: ask (without following links).
  const known = entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
  const info = known ? null : await lstat(full).catch(() => null);
  return info?.isDirectory() ? 'dir' : info?.isFile() ? 'file' : null;
}

async function walk(dir: Buffer, depth: number, out: FilePath[], signal?: AbortSignal): Promise<void> {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES || signal?.aborted) return;
  const entries = await readdir(dir, { withFileTypes: true, encoding: 'buffer' }).catch(() => []);
  const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }));
  named.sort((a, b) => a.name.localeCompare(b.name));
  for (const { entry, name } of named) {
    if (name.startsWith('.') || out.length >= MAX_FILES) continue;
    const full = join(dir, entry.name);
    const kind = entry.isDirectory() || isSupported(name) ? await entryKind(full, entry) : null;
    if (kind === 'dir') await walk(full, depth + 1, out, signal);
    else if (kind === 'file') out.push(toPath(full));
  }
}

/**
 * A path whose name was not valid UTF-8 reaches us with U+FFFD in place of the bad bytes (command
 * line, drag and drop): find the one entry on disk it stands for, if there is exactly one.
 */
async function recoverName(path: string): Promise<FilePath> {
  const [root, ...parts] = path.split(sep);
  let found = Buffer.from(root);
  for (const part of parts) {
    let name = Buffer.from(part);
    if (part.includes('\uFFFD')) {
      const names = await readdir(found.length ? found : SEP, { encoding: 'buffer' }).catch(() => []);
      const matches = names.filter((n) => n.toString('utf8') === part);
      if (matches.length !== 1) return path;
      name = matches[0];
    }
    found = join(found, name);
  }
  return toPath(found);
}

/** The path itself, or (when it does not exist and has U+FFFD in it) the file it stands for. */
export async function findPath(path: FilePath): Promise<FilePath> {
  if (typeof path !== 'string' || !path.includes('\uFFFD')) return path;
  return (await stat(path).catch(() => null)) ? path : recoverName(path);
}

/** Expands folders; keeps explicit files (existing or not) so their errors can be reported. */
export async function collectPaths(paths: string[], signal?: AbortSignal): Promise<FilePath[]> {
  const out: FilePath[] = [];
  for (const p of paths) {
    const full = await findPath(resolve(p));
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) await walk(typeof full === 'string' ? Buffer.from(full) : full, 0, out, signal);
    else out.push(full);
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = typeof p === 'string' ? p : `\0${p.toString('latin1')}`;
    return !seen.has(key) && !!seen.add(key);
  });
}
