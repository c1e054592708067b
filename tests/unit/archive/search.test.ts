import { describe, expect, it } from 'vitest';
import { buildMatch } from '../../../main/archive/search/query';
import { open, seedArticle } from './helpers';

describe('search query sanitising', () => {
  it('keeps words, "phrases" and trailing * prefixes, and neutralises operators', () => {
    expect(buildMatch('troops "North Korean" russ*')).toBe('"troops" "north korean" "russ*"');
    expect(buildMatch('covid-19 OR NOT x NEAR/3 y')).toBe('"covid 19" "or" "not" "x" "near 3" "y"');
    expect(buildMatch('title:foo (bar) "unclosed phrase')).toBe('"title foo" "bar" "unclosed phrase"');
    expect(buildMatch('  *** "" () - ')).toBeNull();
    expect(buildMatch('Moskau Śląsk 北朝鮮')).toBe('"moskau" "śląsk" "北朝鮮"');
  });

  it('never lets any typed query cause an error', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'North Korean troops "arrive" in Kursk (Russia) - 100% sure*' });
    const alphabet = [
      '"',
      '*',
      '(',
      ')',
      '-',
      ':',
      '^',
      'AND',
      'OR',
      'NOT',
      'NEAR',
      '/',
      "'",
      '\\',
      '%',
      '_',
      ' ',
      'troops',
      'kursk',
      '\u0000',
      'é',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        random() < 0.5 ? ' ' : '',
      );
      expect(() => a.claims.list({ search: query, sort: 'relevance' }), query).not.toThrow();
      expect(() => a.articles.list({ search: query }), query).not.toThrow();
    }
    expect(a.claims.list({ search: 'kursk "north korean" tro*' }).total).toBe(1);
  });
});

describe('claim list', () => {
  async function fixture() {
    const a = await open();
    const ap = await seedArticle(a, { title: 'AP story', outlet: 'AP', published: '2024-10-25' });
    const rt = await seedArticle(a, { title: 'Reuters story', outlet: 'Reuters', published: '2024-11-02' });
    const claims = await a.claims.insertMany([
      { articleId: ap.id, statement: 'Troops crossed the border at night', claimant: 'Pentagon', tags: ['border'] },
      { articleId: ap.id, statement: 'Troops troops troops everywhere', claimant: 'Kyiv officials', claimDate: '2024-10-20' },
      { articleId: rt.id, statement: 'The border is calm', claimant: 'Kremlin spokesman' },
      { articleId: rt.id, statement: 'Nothing about soldiers', claimant: 'Pentagon', tags: ['troops'] },
    ]);
    return { a, ap, claims };
  }

  it('ranks by BM25 relevance and reports the total', async () => {
    const { a, claims } = await fixture();
    const page = a.claims.list({ search: 'troops', sort: 'relevance' });
    expect(page.total).toBe(3);
    expect(page.items[0].id).toBe(claims[1].id); // three occurrences beat one
    expect(page.items.map((c) => c.id).sort()).toEqual([claims[0].id, claims[1].id, claims[3].id].sort());
    expect(page.items[0]).toMatchObject({ articleTitle: 'AP story', outlet: 'AP', published: '2024-10-25' });
    const filtered = a.claims.list({ search: 'troops', sort: 'relevance', outlet: 'AP', limit: 1 });
    expect(filtered).toMatchObject({ total: 2, items: [{ id: claims[1].id }] });
    expect(a.claims.list({ search: 'troops', sort: 'relevance', offset: 10 })).toEqual({ items: [], total: 3, offset: 10 });
    expect(a.claims.list({ search: 'troops', sort: 'createdAt', offset: 10 })).toEqual({ items: [], total: 3, offset: 10 });
  });

  it('combines search with filters, and pages', async () => {
    const { a, ap, claims } = await fixture();
    await a.claims.setStatus(claims[0].id, 'done');
    await a.claims.setVerdict(claims[2].id, 'claimdesk', 'false', 'calm it was not');
    const ids = (q: Parameters<typeof a.claims.list>[0]) =>
      a.claims
        .list(q)
        .items.map((c) => c.id)
        .sort();
    expect(ids({ search: 'troops', status: ['done'] })).toEqual([claims[0].id]);
    expect(ids({ verdict: ['false'] })).toEqual([claims[2].id]);
    expect(ids({ verdict: ['none'] })).toHaveLength(3);
    expect(ids({ claimant: 'penta' })).toEqual([claims[0].id, claims[3].id]);
    expect(ids({ claimant: 'KYIV' })).toEqual([claims[1].id]);
    expect(ids({ claimant: 'officials' })).toEqual([]); // starts-with; words inside are for search
    expect(ids({ claimant: '%' })).toEqual([]);
    expect(a.claims.list({ claimant: 'penta', offset: 10 })).toEqual({ items: [], total: 2, offset: 10 });
    expect(ids({ tag: 'BORDER', search: 'troops' })).toEqual([claims[0].id]);
    expect(ids({ outlet: 'reuters' })).toEqual([claims[2].id, claims[3].id]);
    expect(ids({ articleId: ap.id, search: 'border' })).toEqual([claims[0].id]);
    expect(ids({ from: '2024-10-21', to: '2024-10-25' })).toEqual([claims[0].id]); // claimDate beats published
    expect(ids({ from: '2024-11-01' })).toEqual([claims[2].id, claims[3].id]);
    const page = a.claims.list({ sort: 'claimant', order: 'asc', limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.claimant)).toEqual(['Kyiv officials', 'Pentagon']);
  });

  it('sorts by status in workflow order and by date with undated claims last', async () => {
    const { a, claims } = await fixture();
    await a.claims.setStatus(claims[3].id, 'in_progress');
    expect(a.claims.list({ sort: 'status', order: 'asc' }).items.at(-1)!.id).toBe(claims[3].id);
    expect(a.claims.list({ sort: 'claimDate', order: 'desc' }).items[0].id).toBe(claims[1].id);
    expect(a.claims.list({ sort: 'claimDate', order: 'asc' }).items[0].id).toBe(claims[1].id);
  });

  it('sorts by the Date column (the claim’s date, else its article’s), by article, outlet and publication, with or without a search', async () => {
    const { a, claims } = await fixture();
    const order = (q: Parameters<typeof a.claims.list>[0]) => a.claims.list(q).items.map((c) => claims.findIndex((x) => x.id === c.id));
    // claim 1 is dated 20 Oct; claim 0 takes its AP article's 25 Oct; claims 2 and 3 their Reuters article's 2 Nov.
    expect(order({ sort: 'date', order: 'asc' })).toEqual([1, 0, 2, 3]);
    expect(order({ sort: 'date', order: 'desc' })).toEqual([3, 2, 0, 1]);
    expect(order({ sort: 'date', order: 'asc', search: 'troops' })).toEqual([1, 0, 3]);
    expect(order({ sort: 'published', order: 'desc' })).toEqual([3, 2, 1, 0]);
    expect(order({ sort: 'article', order: 'asc' })).toEqual([0, 1, 2, 3]);
    expect(order({ sort: 'outlet', order: 'desc', search: 'border' })).toEqual([2, 0]);
    await a.claims.update(claims[2].id, { resolveBy: '2025-01-01' });
    expect(order({ sort: 'resolveBy', order: 'asc' })[0]).toBe(2);
  });

  it('leaves deleted claims and articles out of search until they are restored', async () => {
    const { a, ap, claims } = await fixture();
    await a.claims.delete(claims[0].id);
    expect(a.claims.list({ search: 'border' }).items.map((c) => c.id)).toEqual([claims[2].id]);
    await a.articles.delete(ap.id);
    expect(a.claims.list({ search: 'troops', sort: 'relevance' }).total).toBe(1);
    expect(a.articles.list({ search: 'story' }).total).toBe(1);
    await a.articles.restore(ap.id);
    await a.claims.restore(claims[0].id);
    expect(a.claims.list({ search: 'border', sort: 'relevance' }).total).toBe(2);
    expect(a.articles.list({ search: 'story' }).total).toBe(2);
    const edited = await a.claims.update(claims[2].id, { statement: 'Shelling reported near the frontier' });
    expect(a.claims.list({ search: 'frontier' }).items.map((c) => c.id)).toEqual([edited.id]);
    expect(a.claims.list({ search: 'calm' }).total).toBe(0);
  });
});
