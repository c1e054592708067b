// Shared helpers for archive tests: temporary archive folders, "crash images" and file hashes.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive, type OpenArchiveOptions } from '../../../main/archive';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export function tempDir(prefix = 'claimdesk-archive-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Opened extends Archive {
  logs: string[];
}

/** Opens an archive that is closed after the test (unless the test closed it). */
export async function open(dir = tempDir(), opts: Partial<OpenArchiveOptions> = {}): Promise<Opened> {
  const logs: string[] = [];
  const archive = await openArchive({ dir, actor: 'tester', log: (m) => logs.push(m), backupIntervalMs: 3_600_000, ...opts });
  let closed = false;
  const close = archive.close;
  const opened = Object.assign(archive, {
    logs,
    close: async () => {
      closed = true;
      await close();
    },
  });
  cleanups.push(async () => {
    if (!closed) await close();
  });
  return opened;
}

/** Copies the folder as it is on disk right now: what a kill -9 at this moment would leave. */
export function crashImage(dir: string): string {
  const copy = tempDir('claimdesk-crash-');
  cpSync(dir, copy, { recursive: true });
  rmSync(path.join(copy, 'LOCK'), { force: true });
  return copy;
}

/** sha256 of every file under dir (except LOCK), by relative path. */
export function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name !== 'LOCK') out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export function journalFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'journal'))
    .filter((n) => n.endsWith('.journal'))
    .sort()
    .map((n) => path.join(dir, 'journal', n));
}

export const ARTICLE_TEXT = 'The Pentagon said on Friday that about 10,000 North Korean troops are now in Russia. Moscow denied it.';

export async function seedArticle(archive: Archive, extra: Record<string, unknown> = {}) {
  return archive.articles.insert({
    title: 'North Korean troops in Russia',
    outlet: 'Wire',
    published: '2024-10-25',
    text: ARTICLE_TEXT,
    ...extra,
  });
}
