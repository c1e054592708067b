// Opens a copy of a stored original in the system's viewer (shell.openPath). The services write the
// copy into the session's folder (main/app/originals.ts); this adapter opens nothing else: the path
// is resolved (links followed) and must be a document file inside that folder (policy.ts).
import { shell } from 'electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { AppError } from '../../shared/errors';
import { isOpenableCopy } from './policy';

/** Makes the session's folder for copies handed to other programs (private to the user). */
export function makeOpenDir(tempRoot: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tempRoot, 'claimdesk-originals-'));
  return {
    dir,
    // Best effort: a viewer on Windows may still hold a copy open; the OS cleans its temp folder.
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The openFile capability over `folder`: refuses any other path with a clear error. */
export function systemViewer(folder: string): (file: string) => Promise<void> {
  return async (file) => {
    const refused = new AppError('FORBIDDEN', 'Claimdesk only opens the copies of originals it writes to its own temporary folder.');
    if (typeof file !== 'string') throw refused;
    const [root, real] = await Promise.all([realpath(folder), realpath(file).catch(() => null)]);
    if (!real || !isOpenableCopy(root, real, sep) || !(await stat(real)).isFile()) throw refused;
    const failure = await shell.openPath(real);
    if (failure) throw new AppError('IO', `Your system could not open “${basename(real)}”: ${failure}`);
  };
}
