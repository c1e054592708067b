import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT, open, seedArticle } from './helpers';

const quoteAt = (text: string) => ({ start: ARTICLE_TEXT.indexOf(text), end: ARTICLE_TEXT.indexOf(text) + text.length });

describe('claims', () => {
  it('stores a claim with its verbatim quote span, tags, entities and a "created" history entry', async () => {
    const a = await open();
    const article = await seedArticle(a);
    const claim = await a.claims.insert({
      articleId: article.id,
      ...quoteAt('about 10,000 North Korean troops are now in Russia'),
      statement: 'About 10,000 North Korean troops are in Russia',
      claimant: 'Pentagon',
      kind: 'indirect',
      tags: ['Ukraine war', 'ukraine WAR', ' Korea '],
      attribution: [
        { name: 'Pentagon', role: 'speaker' },
        { name: 'Reuters', role: 'agency' },
      ],
      entities: [
        { name: 'Pentagon', type: 'organisation', role: 'claimant' },
        { name: 'North Korea', type: 'place', role: 'subject' },
      ],
    });
    expect(claim.quote).toBe('about 10,000 North Korean troops are now in Russia');
    expect(claim.tags).toEqual(['Ukraine war', 'Korea']);
    expect(claim.attribution.map((h) => h.name)).toEqual(['Pentagon', 'Reuters']);
    expect(a.claims.get(claim.id)).toEqual(claim);
    expect(a.claims.entities(claim.id).map((e) => [e.name, e.role])).toEqual([
      ['Pentagon', 'claimant'],
      ['North Korea', 'subject'],
    ]);
    expect(a.claims.history(claim.id)).toMatchObject([{ field: 'created', actor: 'tester' }]);
  });

  it('rejects a quote that does not match the article text at its offsets, and saves nothing', async () => {
    const a = await open();
    const article = await seedArticle(a);
    await expect(a.claims.insert({ articleId: article.id, start: 4, end: 12, quote: 'Kremlin', statement: 's' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('does not match'),
    });
    await expect(a.claims.insert({ articleId: article.id, start: 4, end: 9999, statement: 's' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(a.claims.insert({ articleId: 999, statement: 's' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(a.claims.insert({ statement: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(a.info().counts.claims).toBe(0);
  });

  it('records every field change with from, to, note and actor; unchanged fields leave no entry', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'Old statement', claimant: 'Kyiv' });
    const updated = await a.claims.update(claim.id, { statement: 'New statement', claimant: 'Kyiv', score: 0.8 }, 'typo fixed');
    expect(updated).toMatchObject({ statement: 'New statement', score: 0.8 });
    expect(updated.updatedAt > claim.updatedAt).toBe(true);
    const changes = a.claims.history(claim.id).filter((h) => h.field !== 'created');
    expect(changes.map((h) => [h.field, h.from, h.to, h.note, h.actor])).toEqual([
      ['statement', 'Old statement', 'New statement', 'typo fixed', 'tester'],
      ['score', null, 0.8, 'typo fixed', 'tester'],
    ]);
    await expect(a.claims.update(claim.id, { kind: 'sideways' as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('keeps workflow status separate from the verdict and validates verdicts against their scale', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'x' });
    await a.claims.setStatus(claim.id, 'in_progress', 'starting');
    const rated = await a.claims.setVerdict(claim.id, 'politifact', 'pants-on-fire', 'no evidence at all');
    expect(rated).toMatchObject({
      status: 'in_progress',
      verdictScale: 'politifact',
      verdict: 'pants-on-fire',
      verdictNote: 'no evidence at all',
    });
    await expect(a.claims.setVerdict(claim.id, 'politifact', 'unprovable', 'n')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('half-true'),
    });
    await expect(a.claims.setVerdict(claim.id, 'claimdesk', 'true', '  ')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(a.claims.setStatus(claim.id, 'finished' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(a.claims.get(claim.id).verdict).toBe('pants-on-fire');
  });

  it('answers the verdict a claim had at any past moment', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'x' });
    const first = await a.claims.setVerdict(claim.id, 'claimdesk', 'mixed', 'early reporting');
    await new Promise((r) => setTimeout(r, 5));
    const second = await a.claims.setVerdict(claim.id, 'claimdesk', 'false', 'satellite images');
    expect(a.claims.verdictAsOf(claim.id, '2000-01-01')).toEqual({ scale: 'claimdesk', verdict: null, note: null });
    expect(a.claims.verdictAsOf(claim.id, claim.createdAt)).toEqual({ scale: 'claimdesk', verdict: null, note: null });
    expect(a.claims.verdictAsOf(claim.id, first.updatedAt)).toEqual({ scale: 'claimdesk', verdict: 'mixed', note: 'early reporting' });
    expect(a.claims.verdictAsOf(claim.id, second.updatedAt)).toEqual({ scale: 'claimdesk', verdict: 'false', note: 'satellite images' });
    expect(a.claims.verdictAsOf(claim.id, '2999-12-31')).toMatchObject({ verdict: 'false' });
    expect(() => a.claims.verdictAsOf(claim.id, 'yesterday')).toThrow(/not a date/);
  });

  it('adds tags without duplicates and finds claims by tag', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'x', tags: ['Russia'] });
    expect((await a.claims.addTags(claim.id, ['russia', 'Troops'])).tags).toEqual(['Russia', 'Troops']);
    expect(a.claims.list({ tag: 'troops' }).items.map((c) => c.id)).toEqual([claim.id]);
    expect(a.claims.history(claim.id).at(-1)).toMatchObject({ field: 'tags', from: ['Russia'], to: ['Russia', 'Troops'] });
  });

  it('soft-deletes and restores a claim, with both in the history', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'x' });
    await a.claims.delete(claim.id);
    expect(() => a.claims.get(claim.id)).toThrow(/deleted/);
    expect(a.claims.list({}).total).toBe(0);
    expect(await a.claims.restore(claim.id)).toEqual(claim);
    expect(a.claims.history(claim.id).map((h) => h.field)).toEqual(['created', 'deleted', 'restored']);
    await expect(a.claims.delete(404)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('inserts many claims all-or-nothing', async () => {
    const a = await open();
    const ok = await a.claims.insertMany([{ statement: 'one' }, { statement: 'two' }]);
    expect(ok.map((c) => c.statement)).toEqual(['one', 'two']);
    await expect(a.claims.insertMany([{ statement: 'three' }, { statement: 'four', verdict: 'nonsense' }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(
      a.claims
        .list({})
        .items.map((c) => c.statement)
        .sort(),
    ).toEqual(['one', 'two']);
  });

  it('runs several writes as one transaction that is undone as a whole on error', async () => {
    const a = await open();
    const article = await seedArticle(a);
    await expect(
      a.transaction((tx) => {
        const claim = tx.claims.insert({ articleId: article.id, statement: 'x' });
        tx.claims.setStatus(claim.id, 'done');
        tx.claims.setVerdict(claim.id, 'fever', 'nope', 'bad verdict key');
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(a.info().counts.claims).toBe(0);

    let saved: Parameters<Parameters<typeof a.transaction>[0]>[0] | null = null;
    const claim = await a.transaction((tx) => {
      saved = tx;
      const created = tx.claims.insert({ articleId: article.id, statement: 'x' });
      tx.claims.setStatus(created.id, 'done');
      return tx.claims.setVerdict(created.id, 'fever', 'supported', 'checked');
    });
    expect(claim).toMatchObject({ status: 'done', verdict: 'supported' });
    expect(a.claims.get(claim.id)).toEqual(claim);
    expect(() => saved!.claims.delete(claim.id)).toThrow(/only usable inside/);
    await expect(a.transaction(async () => 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
