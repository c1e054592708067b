// Issue #19: merging a colleague's `.claimdesk` file into an archive that already has one of its
// articles keeps both researchers' notes and tags on it — the union of the tags (any case, the local
// spelling kept), the local note with the colleague's appended under a line naming the file — and
// undoing the merge puts the article's notes and tags back exactly, unless they were edited since.
// Through the app's dispatcher and the import path the app merges files with.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange';
import { MAX_TAGS_PER_CLAIM } from '../../../shared/limits';
import { dispatcherOf } from './dispatch-fixture';

const TITLE = 'Troops crossed the border';
const TEXT = 'Officials said 3,000 troops crossed the border on Monday. The ministry did not comment.';

let dir: string;
let services: Services;
let colleague: Services;
const { call, failure } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-article-notes-merge-'));
  services = await createServices({ archiveDir: join(dir, 'mine'), actor: 'me' });
  colleague = await createServices({ archiveDir: join(dir, 'anna'), actor: 'anna' });
});
afterEach(async () => {
  await services.close();
  await colleague.close();
  await rm(dir, { recursive: true, force: true });
});

/** Anna's file: the same article (same title and text) with her note and tags. */
async function annasFile(notes: string, tags: string[]): Promise<string> {
  const a = await colleague.archive.articles.insert({ title: TITLE, text: TEXT });
  const res = await colleague.dispatch('articles.update', [a.id, { notes, tags }]);
  expect(res.ok).toBe(true);
  return renderArchiveJson(exportArchiveJson(colleague.archive));
}

async function myArticle(notes: string, tags: string[]) {
  const a = await services.archive.articles.insert({ title: TITLE, text: TEXT });
  await services.archive.articles.insert({ title: 'Grain exports', text: 'Exports rose.' });
  await call('articles.update', a.id, { notes, tags });
  return a.id;
}

const titlesTagged = async (tag: string) => (await call('articles.list', { tag })).items.map((a) => a.title);

describe('merging a file whose article is already here', () => {
  it('unites tags and keeps both notes; merging again changes nothing; undo restores exactly; an edit since blocks the undo', async () => {
    const id = await myArticle('Ask the ministry for its source.', ['Kursk', 'military']);
    const file = await annasFile('Seen on the ground by Anna.', ['kursk', 'Verified', ' military ']);

    const first = await importArchiveJson(services.archive, file, 'anna.claimdesk');
    expect(first).toMatchObject({ mode: 'merged', added: { articles: 0 }, present: { articles: 1 } });
    const merged = await call('articles.get', id);
    expect(merged.tags).toEqual(['Kursk', 'military', 'Verified']);
    expect(merged.notes).toMatch(
      /^Ask the ministry for its source\.\n\n— From anna\.claimdesk, \d{4}-\d{2}-\d{2}:\nSeen on the ground by Anna\.$/,
    );
    expect(await titlesTagged('verified')).toEqual([TITLE]);

    // The same file merged again: no second copy of the note, no tag twice.
    const second = await importArchiveJson(services.archive, file, 'anna.claimdesk');
    expect(await call('articles.get', id)).toMatchObject({ notes: merged.notes, tags: merged.tags });

    // Undoing both merges (latest first) puts back the article's own notes and tags.
    expect((await call('archive.undoMerge', second.mergeId!)).mergeId).toBe(second.mergeId);
    expect(await call('articles.get', id)).toMatchObject({ notes: merged.notes, tags: merged.tags });
    await call('archive.undoMerge', first.mergeId!);
    expect(await call('articles.get', id)).toMatchObject({ notes: 'Ask the ministry for its source.', tags: ['Kursk', 'military'] });
    expect(await titlesTagged('verified')).toEqual([]);
    expect(await call('articles.tags')).toEqual([
      { tag: 'Kursk', count: 1 },
      { tag: 'military', count: 1 },
    ]);

    // Merged once more, then the note edited: the undo refuses, naming the article, and changes nothing.
    const third = await importArchiveJson(services.archive, file, 'anna.claimdesk');
    await call('articles.update', id, { notes: 'Rewritten after the merge.' });
    const refused = await failure('archive.undoMerge', third.mergeId!);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/article \d+ “Troops crossed the border”: its notes or tags were edited since the merge/);
    expect(await call('articles.get', id)).toMatchObject({ notes: 'Rewritten after the merge.', tags: merged.tags });
  });

  it('gives an article without a note the file’s note as it is, and leaves an article alone when the file adds nothing', async () => {
    const id = await myArticle('', ['Kursk']);
    const file = await annasFile('Seen on the ground by Anna.', ['KURSK']);
    const merge = await importArchiveJson(services.archive, file, 'anna.claimdesk');
    expect(await call('articles.get', id)).toMatchObject({ notes: 'Seen on the ground by Anna.', tags: ['Kursk'] });
    await call('archive.undoMerge', merge.mergeId!);
    expect(await call('articles.get', id)).toMatchObject({ notes: '', tags: ['Kursk'] });

    // A local note that already holds the file's (as a paragraph of its own) keeps as it is.
    const mine = 'Ask the ministry.\n\nSeen on the ground by Anna.\nCall back Tuesday.';
    await call('articles.update', id, { notes: mine });
    const again = await importArchiveJson(services.archive, file, 'anna.claimdesk');
    expect(await call('articles.get', id)).toMatchObject({ notes: mine, tags: ['Kursk'] });
    expect((await call('archive.undoMerge', again.mergeId!)).mergeId).toBe(again.mergeId);
    expect(await call('articles.get', id)).toMatchObject({ notes: mine, tags: ['Kursk'] });
  });

  it('keeps within the tag limit: the local tags first, then the file’s new ones while there is room', async () => {
    const local = Array.from({ length: 98 }, (_, i) => `tag ${i + 1}`);
    const id = await myArticle('', local);
    const file = await annasFile('', ['TAG 1', 'Verified', 'Disputed', 'Follow up']);
    await importArchiveJson(services.archive, file, 'anna.claimdesk');
    const { tags } = await call('articles.get', id);
    expect(tags).toEqual([...local, 'Verified', 'Disputed']);
    expect(tags).toHaveLength(MAX_TAGS_PER_CLAIM);
  });
});
