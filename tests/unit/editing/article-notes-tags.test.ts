// Issue #19: notes and tags on articles, not only on claims. Through the API as the window calls it:
// edited in the article details (undone by writing back what was there, as renderer/lib/edits.ts
// does), filterable by tag in the library, counted for the tag menu, printed with the report's
// sources when the report shows tags and notes. The .claimdesk file carries them
// (tests/unit/archive/schema-descriptors.test.ts).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { buildReportModel, renderMarkdown } from '../../../main/reports';
import type { Article, ArticleSummary, ArticleTagCount } from '../../../shared/domain';

let dir: string;
let services: Services;

async function ok<T>(method: string, ...args: unknown[]): Promise<T> {
  const res = await services.dispatch(method, args);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value as T;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-article-notes-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('notes and tags on articles', () => {
  it('are edited, filtered by tag in any case, counted, undone, and printed with the report sources', async () => {
    const { archive } = services;
    const a = await archive.articles.insert({ title: 'Troops crossed the border', text: 'The ministry said 3,000 troops crossed.' });
    const b = await archive.articles.insert({ title: 'Budget passes', text: 'Lawmakers approved the budget, the speaker said.' });
    expect(archive.articles.get(a.id)).toMatchObject({ notes: '', tags: [] });

    const before = await ok<Article>('articles.get', a.id);
    await ok('articles.update', a.id, { notes: 'Ask the ministry for its source.', tags: [' Border ', 'military', 'border'] });
    expect(await ok<Article>('articles.get', a.id)).toMatchObject({
      notes: 'Ask the ministry for its source.',
      tags: ['Border', 'military'],
    });
    await ok('articles.update', b.id, { tags: ['budget', 'MILITARY'] });

    const tagged = await ok<{ items: ArticleSummary[]; total: number }>('articles.list', { tag: 'BORDER' });
    expect(tagged.items.map((x) => x.title)).toEqual(['Troops crossed the border']);
    expect((await ok<{ total: number }>('articles.list', { tag: 'military' })).total).toBe(2);
    expect(await ok<ArticleTagCount[]>('articles.tags')).toEqual([
      { tag: 'Border', count: 1 },
      { tag: 'budget', count: 1 },
      { tag: 'MILITARY', count: 2 },
    ]);

    // The report's sources show the article's tags and notes when the report shows tags and notes.
    const quote = '3,000 troops crossed';
    const start = archive.articles.get(a.id).text.indexOf(quote);
    const claim = await archive.claims.insert({
      articleId: a.id,
      quote,
      start,
      end: start + quote.length,
      statement: '3,000 troops crossed',
    });
    const md = renderMarkdown(await buildReportModel(archive, { claimIds: [claim.id], fields: ['sources', 'tags', 'notes'] }));
    expect(md).toContain('   - **Tags:** Border, military');
    expect(md).toContain('   - **Notes:** Ask the ministry for its source.');
    const plain = renderMarkdown(await buildReportModel(archive, { claimIds: [claim.id], fields: ['sources'] }));
    expect(plain).not.toContain('Ask the ministry');

    // Undo writes back what was there: the tag filter and the menu follow.
    await ok('articles.update', a.id, { notes: before.notes, tags: before.tags });
    expect(archive.articles.get(a.id)).toMatchObject({ notes: '', tags: [] });
    expect((await ok<{ total: number }>('articles.list', { tag: 'border' })).total).toBe(0);
    // A deleted article's tags leave the menu.
    await archive.articles.delete(b.id);
    expect(await ok<ArticleTagCount[]>('articles.tags')).toEqual([]);
  });

  it('refuses too many tags or too long notes with the reason, and changes nothing', async () => {
    const a = await services.archive.articles.insert({ title: 'Troops', text: 'The ministry said 3,000 troops crossed.' });
    await ok('articles.update', a.id, { notes: 'kept' });
    const many = await services.dispatch('articles.update', [a.id, { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }]);
    expect(many).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const long = await services.dispatch('articles.update', [a.id, { notes: 'x'.repeat(100_001) }]);
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(services.archive.articles.get(a.id)).toMatchObject({ notes: 'kept', tags: [] });
  });
});
