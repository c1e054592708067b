// Opening a `.claimdesk` file: it is read, parsed and checked in the import worker, refused whole
// when it breaks a limit, and, when it comes from the file manager and would merge into work, held
// until the user says yes (drag-drop and File ▸ Import merge at once: the user chose the file there).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { openPaths } from '../../../main/app/open-paths';
import { exportArchiveJson, renderArchiveJson, ARCHIVE_LIMITS, type ArchiveJson } from '../../../main/archive/exchange';
import { MAX_ARTICLE_TEXT_CHARS, MAX_STATEMENT_CHARS } from '../../../shared/limits';
import { snapshotOf } from './archive-fixture';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function services(): Promise<Services> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-archive-open-'));
  const s = await createServices({ archiveDir: dir, actor: 'tester' });
  cleanups.push(async () => {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  });
  return s;
}

/** A colleague's archive (an article, two claims) written as a file, after `edit`. */
async function colleagueFile(edit: (doc: ArchiveJson) => void = () => {}): Promise<string> {
  const carol = await services();
  const article = await carol.archive.articles.insert({
    title: 'Kursk governor confirms foreign troops',
    text: 'The governor said foreign troops had arrived.',
  });
  await carol.archive.claims.insert({
    articleId: article.id,
    statement: 'Foreign troops have arrived in Kursk.',
    tags: ['kursk'],
  } as never);
  await carol.archive.claims.insert({ statement: 'The troops came by train.' } as never);
  const doc = exportArchiveJson(carol.archive) as ArchiveJson;
  edit(doc);
  const file = join(carol.archive.info().dir, 'colleague.claimdesk');
  await writeFile(file, renderArchiveJson(doc));
  return file;
}

/** Bob's archive, holding work of his own. */
async function bobsServices(): Promise<Services> {
  const bob = await services();
  await bob.archive.claims.insert({ statement: 'Existing work' } as never);
  return bob;
}

describe('opening a .claimdesk file', () => {
  it.each([
    [
      'an oversized statement',
      (d: ArchiveJson) => (d.claims[1].statement = 's'.repeat(MAX_STATEMENT_CHARS + 1)),
      'claim 2: statement is 20,001 characters; the limit is 20,000',
    ],
    [
      'an oversized article text',
      (d: ArchiveJson) => (d.articles[0].text = 't'.repeat(MAX_ARTICLE_TEXT_CHARS + 1)),
      'article 1: text is 5,000,001 characters; the limit is 5,000,000',
    ],
    [
      '200,000 tags on one claim',
      (d: ArchiveJson) => (d.claims[0].tags = Array.from({ length: 200_000 }, (_, i) => `t${i}`)),
      'claim 1: tags holds 200,000 items; the limit is 100',
    ],
    [
      'too many claims',
      (d: ArchiveJson) => (d.claims = Array<never>(ARCHIVE_LIMITS.claims + 1).fill(0 as never)),
      'The archive file holds 150,001 claims; the limit is 150,000',
    ],
  ])('refuses a file with %s in the worker, says which record and field, and writes nothing', async (_label, edit, message) => {
    const file = await colleagueFile(edit);
    const bob = await bobsServices();
    const before = snapshotOf(bob.archive);
    const summary = await openPaths(bob, [file]);
    expect(summary.failed).toEqual([{ path: file, error: `colleague.claimdesk: ${message}; nothing was imported.` }]);
    expect(summary.archives).toBeUndefined();
    expect(snapshotOf(bob.archive)).toEqual(before);
  });

  it('opened from the file manager into an archive holding work, waits for a yes; then merges', async () => {
    const file = await colleagueFile();
    const bob = await bobsServices();
    const before = snapshotOf(bob.archive);
    const summary = await openPaths(bob, [file], { askBeforeMerge: true });
    expect(summary.pendingMerges).toEqual([
      { id: expect.any(Number), path: file, records: expect.objectContaining({ articles: 1, claims: 2 }) },
    ]);
    expect(summary.archives).toBeUndefined();
    expect(snapshotOf(bob.archive)).toEqual(before);

    const waiting = await bob.dispatch('archive.pendingMerges', []);
    expect(waiting).toEqual({ ok: true, value: summary.pendingMerges });
    const { id } = summary.pendingMerges![0];
    const merged = await bob.dispatch('archive.confirmMerge', [id]);
    expect(merged).toMatchObject({
      ok: true,
      value: { imported: 1, archives: [{ path: file, mode: 'merged', added: { articles: 1, claims: 2 } }] },
    });
    expect(bob.archive.info().counts).toMatchObject({ articles: 1, claims: 3 });
    expect(await bob.dispatch('archive.pendingMerges', [])).toEqual({ ok: true, value: [] });
    expect(await bob.dispatch('archive.confirmMerge', [id])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a file the user says no to is forgotten, and nothing was written', async () => {
    const file = await colleagueFile();
    const bob = await bobsServices();
    const before = snapshotOf(bob.archive);
    const { pendingMerges } = await openPaths(bob, [file], { askBeforeMerge: true });
    expect(await bob.dispatch('archive.dismissMerge', [pendingMerges![0].id])).toEqual({ ok: true, value: undefined });
    expect(await bob.dispatch('archive.pendingMerges', [])).toEqual({ ok: true, value: [] });
    expect(snapshotOf(bob.archive)).toEqual(before);
  });

  it('opened from the file manager into an empty archive, is restored at once: there is no work to merge into', async () => {
    const file = await colleagueFile();
    const empty = await services();
    const summary = await openPaths(empty, [file], { askBeforeMerge: true });
    expect(summary.pendingMerges).toBeUndefined();
    expect(summary.archives).toEqual([expect.objectContaining({ path: file, mode: 'restored' })]);
    expect(empty.archive.info().counts).toMatchObject({ articles: 1, claims: 2 });
  });

  it('dropped into the window (the user chose it), merges at once', async () => {
    const file = await colleagueFile();
    const bob = await bobsServices();
    const summary = await openPaths(bob, [file]);
    expect(summary.pendingMerges).toBeUndefined();
    expect(summary.archives).toEqual([expect.objectContaining({ path: file, mode: 'merged' })]);
  });
});
