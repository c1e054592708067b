// Issue #19: collections hold articles too. Through the app's dispatcher, as the Library, the reader
// and the palette call it: an article added to a collection brings its claims (those made later too)
// into the collection's claims and into a report on it; taken out, or the collection deleted and the
// delete undone, exactly what was there comes back; the .claimdesk file carries it; bad input is
// refused with nothing changed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange';
import { dispatcherOf } from './dispatch-fixture';

let dir: string;
let services: Services;
const opened: Services[] = [];
const { call, failure } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-collection-articles-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  for (const s of opened.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function article(title: string, text: string) {
  return services.archive.articles.insert({ title, text });
}
async function claimOn(articleId: number, text: string, quote: string) {
  const start = text.indexOf(quote);
  return services.archive.claims.insert({ articleId, quote, start, end: start + quote.length, statement: quote } as never);
}
const claimIdsOf = async (collectionId: number) =>
  (await call('claims.list', { collectionId, sort: 'createdAt', order: 'asc' })).items.map((c) => c.statement).sort();
const libraryOf = async (collectionId: number) => (await call('articles.list', { collectionId })).items.map((a) => a.title).sort();

const BORDER = 'The ministry said 3,000 troops crossed the border. Villagers saw tanks.';
const GRAIN = 'Grain exports doubled in May, the port authority said.';

describe('a collection of articles', () => {
  it('holds the articles and their claims, lists them, reports them, and is undone exactly', async () => {
    const border = await article('Troops crossed the border', BORDER);
    const grain = await article('Grain exports', GRAIN);
    const other = await article('Budget passes', 'Lawmakers approved the budget.');
    await claimOn(border.id, BORDER, '3,000 troops crossed the border');
    const loose = await services.archive.claims.insert({ statement: 'Tanks were seen near the border' } as never);
    await claimOn(other.id, 'Lawmakers approved the budget.', 'Lawmakers approved the budget');

    const k = await call('collections.create', 'Border week');
    await call('collections.add', k.id, [loose.id]);
    const { added, collection } = await call('collections.addArticles', k.id, [border.id, grain.id, border.id]);
    expect(added).toEqual([border.id, grain.id]);
    expect(collection).toMatchObject({ name: 'Border week', articleCount: 2, claimCount: 2 });
    expect((await call('collections.addArticles', k.id, [border.id])).added).toEqual([]);

    // The Library filtered by the collection lists its articles; the reader lists the article's collections.
    expect(await libraryOf(k.id)).toEqual(['Grain exports', 'Troops crossed the border']);
    expect((await call('collections.ofArticle', border.id)).map((c) => c.name)).toEqual(['Border week']);
    expect(await call('collections.ofArticle', other.id)).toEqual([]);

    // Its claims: the one added by itself and those of its articles, a claim made later included.
    await claimOn(grain.id, GRAIN, 'Grain exports doubled in May');
    expect(await claimIdsOf(k.id)).toEqual([
      '3,000 troops crossed the border',
      'Grain exports doubled in May',
      'Tanks were seen near the border',
    ]);
    expect((await call('collections.list'))[0]).toMatchObject({ claimCount: 3, articleCount: 2 });

    // A report on the collection holds the same three claims, and cites both articles.
    const preview = await call('reports.preview', { collectionId: k.id, title: 'Border week' } as never);
    expect(preview.claims).toBe(3);
    expect(preview.html).toContain('Grain exports doubled in May');
    expect(preview.html).not.toContain('Lawmakers approved the budget');

    // Taking an article out takes its claims out; a claim added by itself stays.
    const { removed } = await call('collections.removeArticles', k.id, [grain.id, other.id]);
    expect(removed).toEqual([grain.id]);
    expect(await claimIdsOf(k.id)).toEqual(['3,000 troops crossed the border', 'Tanks were seen near the border']);
    await call('collections.addArticles', k.id, removed); // what Ctrl+Z sends

    // Deleting the collection leaves the articles; undoing the delete puts every member back.
    const deleted = await call('collections.delete', k.id);
    expect(await call('articles.get', grain.id)).toMatchObject({ title: 'Grain exports' });
    expect(await call('collections.ofArticle', grain.id)).toEqual([]);
    await call('collections.restore', deleted, 'Undo: Delete collection');
    expect(await libraryOf(k.id)).toEqual(['Grain exports', 'Troops crossed the border']);
    expect((await call('collections.list'))[0]).toMatchObject({ claimCount: 3, articleCount: 2 });

    // A deleted article leaves the collection's count and claims, and is back with its restore.
    await call('articles.delete', border.id);
    expect((await call('collections.list'))[0]).toMatchObject({ claimCount: 2, articleCount: 1 });
    await call('articles.restore', border.id);
    expect((await call('collections.list'))[0]).toMatchObject({ claimCount: 3, articleCount: 2 });

    // Kept on disk: the archive opened again holds the same members.
    await services.close();
    services = await createServices({ archiveDir: dir, actor: 'tester' });
    expect(await libraryOf(k.id)).toEqual(['Grain exports', 'Troops crossed the border']);
    expect((await call('collections.list'))[0]).toMatchObject({ claimCount: 3, articleCount: 2 });
  });

  it('travels in the .claimdesk file: restored and merged into another archive', async () => {
    const border = await article('Troops crossed the border', BORDER);
    await claimOn(border.id, BORDER, '3,000 troops crossed the border');
    const k = await call('collections.create', 'Border week');
    await call('collections.addArticles', k.id, [border.id]);
    const file = renderArchiveJson(exportArchiveJson(services.archive));
    expect(JSON.parse(file).collections).toEqual([expect.objectContaining({ name: 'Border week', claimIds: [], articleIds: [border.id] })]);

    const elsewhere = join(dir, 'restored');
    const target = await createServices({ archiveDir: elsewhere, actor: 'tester' });
    opened.push(target);
    expect((await importArchiveJson(target.archive, file, 'border.claimdesk')).mode).toBe('restored');
    const [restored] = target.archive.collections.list();
    expect(restored).toMatchObject({ name: 'Border week', claimCount: 1, articleCount: 1 });
    expect(target.archive.articles.list({ collectionId: restored.id }).items.map((a) => a.title)).toEqual(['Troops crossed the border']);

    // Merged into an archive that already has the collection: the article joins it, and undoing the merge takes it out.
    const third = join(dir, 'merged');
    const merging = await createServices({ archiveDir: third, actor: 'tester' });
    opened.push(merging);
    const mine = await merging.archive.collections.create('Border week');
    await merging.archive.articles.insert({ title: 'Local only', text: 'Nothing here.' });
    const summary = await importArchiveJson(merging.archive, file, 'border.claimdesk');
    expect(summary.mode).toBe('merged');
    expect(merging.archive.collections.get(mine.id)).toMatchObject({ claimCount: 1, articleCount: 1 });
    const res = await merging.dispatch('archive.undoMerge', [summary.mergeId!]);
    expect(res.ok).toBe(true);
    expect(merging.archive.collections.get(mine.id)).toMatchObject({ claimCount: 0, articleCount: 0 });
  });

  it('refuses an unknown or deleted article and an empty list clearly, changing nothing', async () => {
    const border = await article('Troops crossed the border', BORDER);
    const gone = await article('Gone', 'Deleted text.');
    await call('articles.delete', gone.id);
    const k = await call('collections.create', 'Border week');
    expect(await failure('collections.addArticles', k.id, [border.id, 999])).toMatchObject({ code: 'NOT_FOUND' });
    expect((await failure('collections.addArticles', k.id, [gone.id])).message).toMatch(/deleted/);
    expect(await failure('collections.addArticles', k.id, [])).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringMatching(/at least one article/),
    });
    expect(await failure('collections.addArticles', 999, [border.id])).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('collections.list'))[0]).toMatchObject({ articleCount: 0, claimCount: 0 });
  });
});
