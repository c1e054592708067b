// Turns what the user dropped or named into the list of files to import. Folders are walked
// recursively; inside them hidden files and unsupported types are skipped quietly, while a file
// named explicitly is always attempted (so an unsupported one is reported, not ignored).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSupported } from './parse';

const MAX_DEPTH = 32;
const MAX_FILES = 100_000;

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  if (depth > MAX_DEPTH || out.length >= MAX_FILES) return;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    // Symlinked folders are not followed: they can loop.
    if (entry.isDirectory()) await walk(full, depth + 1, out);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isSupported(entry.name) && out.length < MAX_FILES) out.push(full);
  }
}

/** Expands folders; keeps explicit files (existing or not) so their errors can be reported. */
export async function collectPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    const info = await stat(full).catch(() => null);
    if (info?.isDirectory()) await walk(full, 0, out);
    else out.push(full);
  }
  return [...new Set(out)];
}

/** SHA-256 of a file, streamed so a large file does not block the main thread. */
export function hashFile(path: string): Promise<string> {
  return new Promise((ok, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => ok(hash.digest('hex')));
  });
}
