import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, seedArticle } from './helpers';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('articles', () => {
  it('stores metadata and source file, and finds an article by its content hash', async () => {
    const a = await open();
    const source = { sha256: sha('file'), name: 'nk.txt', type: 'text/plain', size: 4 };
    const article = await seedArticle(a, {
      author: 'A. Writer',
      url: 'https://example.org/x',
      language: 'en',
      wireAgency: 'Reuters',
      source,
    });
    expect(article).toMatchObject({
      title: 'North Korean troops in Russia',
      outlet: 'Wire',
      author: 'A. Writer',
      wireAgency: 'Reuters',
      source,
      duplicateOf: null,
    });
    expect(a.articles.get(article.id).text).toContain('Pentagon');
    expect(a.articles.findBySha256(source.sha256)?.id).toBe(article.id);
    expect(a.articles.findBySha256(sha('other'))).toBeNull();
    const copy = await seedArticle(a, { duplicateOf: article.id });
    expect(copy.duplicateOf).toBe(article.id);
    await expect(seedArticle(a, { duplicateOf: 77 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(seedArticle(a, { published: 'last Friday' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('published'),
    });
    expect(() => a.articles.get(99)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists summaries with claim and verdict counts, filtered, sorted and paged', async () => {
    const a = await open();
    const first = await seedArticle(a, { title: 'Alpha', outlet: 'AP', published: '2024-01-02' });
    const second = await seedArticle(a, {
      title: 'Beta',
      outlet: 'Reuters',
      published: '2024-03-04',
      text: 'Drones hit Kharkiv overnight.',
    });
    const c = await a.claims.insert({ articleId: first.id, statement: 'one' });
    await a.claims.insert({ articleId: first.id, statement: 'two' });
    await a.claims.setVerdict(c.id, 'claimdesk', 'false', 'checked');
    const page = a.articles.list({ sort: 'published', order: 'asc' });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.title, i.claimCount, i.verdictCounts])).toEqual([
      ['Alpha', 2, { false: 1, none: 1 }],
      ['Beta', 0, {}],
    ]);
    expect(page.items[0]).not.toHaveProperty('text');
    expect(a.articles.list({ outlet: 'reuters' }).items.map((i) => i.id)).toEqual([second.id]);
    expect(a.articles.list({ search: 'kharkiv drones' }).items.map((i) => i.id)).toEqual([second.id]);
    expect(a.articles.list({ sort: 'claimCount', order: 'desc', limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      offset: 1,
      items: [{ id: second.id }],
    });
  });

  it('pages through more articles than one page holds, each exactly once, in order', async () => {
    const a = await open();
    // One transaction, as a large import would: the oldest article alone has its outlet.
    await a.transaction((tx) => {
      for (let i = 0; i < 1_205; i++)
        tx.articles.insert({
          title: `Article ${i}`,
          outlet: i === 0 ? 'Oldest Gazette' : i % 2 ? 'Reuters' : 'AP',
          text: `Report number ${i}.`,
        });
    });
    const seen: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = a.articles.list({ sort: 'importedAt', order: 'desc', offset, limit: 500 });
      expect(page).toMatchObject({ total: 1_205, offset });
      if (page.items.length === 0) break;
      seen.push(...page.items.map((i) => i.title));
    }
    expect(seen).toHaveLength(1_205);
    expect(seen[0]).toBe('Article 1204');
    expect(seen.at(-1)).toBe('Article 0');
    expect(new Set(seen).size).toBe(1_205);
    expect(a.articles.list({ outlet: 'oldest gazette', offset: 0, limit: 10 })).toMatchObject({
      total: 1,
      items: [{ title: 'Article 0' }],
    });
    expect(() => a.articles.list({ offset: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => a.articles.list({ limit: 1_001 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('lists every outlet of live articles once, with counts, whatever the case', async () => {
    const a = await open();
    expect(a.articles.outlets()).toEqual([]);
    await seedArticle(a, { outlet: 'Reuters' });
    await seedArticle(a, { outlet: 'reuters' });
    await seedArticle(a, { outlet: 'AP' });
    await seedArticle(a, { outlet: null });
    await seedArticle(a, { outlet: '' });
    const gone = await seedArticle(a, { outlet: 'Gone Daily' });
    await a.articles.delete(gone.id);
    expect(a.articles.outlets()).toEqual([
      { outlet: 'AP', count: 1 },
      { outlet: 'Reuters', count: 2 },
    ]);
    await a.articles.restore(gone.id);
    expect(a.articles.outlets().map((o) => o.outlet)).toEqual(['AP', 'Gone Daily', 'Reuters']);
  });

  it('updates metadata and rejects unknown fields', async () => {
    const a = await open();
    const article = await seedArticle(a);
    expect(await a.articles.update(article.id, { title: 'Renamed', outlet: null })).toMatchObject({ title: 'Renamed', outlet: null });
    expect(a.articles.list({ search: 'renamed' }).total).toBe(1);
    await expect(a.articles.update(article.id, { text: 'rewrite' } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('deleting an article hides its claims; restoring brings back exactly those claims', async () => {
    const a = await open();
    const article = await seedArticle(a);
    const kept = await a.claims.insert({ articleId: article.id, statement: 'kept' });
    const deletedEarlier = await a.claims.insert({ articleId: article.id, statement: 'deleted earlier' });
    await a.claims.delete(deletedEarlier.id);
    await a.articles.delete(article.id);
    expect(a.info().counts).toMatchObject({ articles: 0, claims: 0 });
    await expect(a.claims.restore(kept.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await a.articles.restore(article.id);
    expect(a.claims.list({}).items.map((c) => c.id)).toEqual([kept.id]);
  });

  it('keeps original files by content hash, verified, once', async () => {
    const a = await open();
    const bytes = new TextEncoder().encode('original bytes');
    const hash = sha('original bytes');
    const file = await a.originals.put(hash, '.TXT', bytes);
    expect(file).toBe(`${a.dir}/originals/${hash.slice(0, 2)}/${hash}.txt`);
    expect(readFileSync(file, 'utf8')).toBe('original bytes');
    expect(await a.originals.put(hash, 'txt', bytes)).toBe(file);
    expect(a.originals.path(hash)).toBe(file);
    expect(a.originals.path(sha('missing'))).toBeNull();
    await expect(a.originals.put(sha('else'), 'txt', bytes)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(a.originals.put(hash, '../x', bytes)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
