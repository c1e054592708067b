// A real archive in a temporary folder for each test, closed and removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import type { NewArticle, NewClaim } from '../../../shared/domain';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export async function tempArchive(): Promise<Archive> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-crossref-'));
  const archive = await openArchive({ dir, actor: 'tester' });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => archive.close());
  return archive;
}

export async function article(archive: Archive, a: Partial<NewArticle> & { title: string }) {
  return archive.articles.insert({ text: `${a.title}. Body text.`, ...a });
}

export async function claim(archive: Archive, c: Partial<NewClaim> & { statement: string }) {
  return archive.claims.insert(c);
}
