// Original imported files, kept by content hash: originals/<sha256[0:2]>/<sha256>.<ext>.
// Content-addressed files never change, so a file that exists is already complete.
import fs from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { fsyncDir, writeFileDurably } from './engine/files';

const SHA256 = /^[0-9a-f]{64}$/;
const EXT = /^[a-z0-9]{1,12}$/;

export function createOriginals(root: string, writable: () => Promise<void>) {
  const folder = (sha: string) => path.join(root, sha.slice(0, 2));

  return {
    /** Stores the file (verifying its hash) and returns its path; storing it twice is harmless. */
    async put(sha256: string, ext: string, bytes: Uint8Array): Promise<string> {
      await writable();
      const sha = sha256.toLowerCase();
      const extension = ext.replace(/^\./, '').toLowerCase();
      if (!SHA256.test(sha)) throw new AppError('INVALID_ARGUMENT', `"${sha256}" is not a SHA-256 hex digest.`);
      if (!EXT.test(extension)) throw new AppError('INVALID_ARGUMENT', `"${ext}" is not a file extension (letters and digits, up to 12).`);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha) throw new AppError('INVALID_ARGUMENT', `The file's SHA-256 is ${actual}, not ${sha}.`);
      const existing = this.path(sha);
      if (existing) return existing;
      const dir = folder(sha);
      const created = !existsSync(dir);
      await fs.mkdir(dir, { recursive: true });
      if (created) await fsyncDir(root);
      const file = path.join(dir, `${sha}.${extension}`);
      await writeFileDurably(file, bytes);
      return file;
    },

    path(sha256: string): string | null {
      const sha = sha256.toLowerCase();
      if (!SHA256.test(sha) || !existsSync(folder(sha))) return null;
      const name = readdirSync(folder(sha)).find((n) => n.startsWith(`${sha}.`) && !n.includes('.tmp-'));
      return name ? path.join(folder(sha), name) : null;
    },
  };
}
