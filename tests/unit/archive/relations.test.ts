import { describe, expect, it } from 'vitest';
import { ARTICLE_TEXT, open, seedArticle } from './helpers';

describe('entities', () => {
  it('upserts by normalised name and type, with aliases, and counts live claims', async () => {
    const a = await open();
    const kim = await a.entities.upsert('Kim Jong Un', 'person', ['Kim Jong-un']);
    expect((await a.entities.upsert('  kim   jong un ', 'person')).id).toBe(kim.id);
    expect((await a.entities.upsert('KIM JONG-UN', 'person')).id).toBe(kim.id);
    expect((await a.entities.upsert('Kim Jong Un', 'organisation')).id).not.toBe(kim.id);
    const claim = await a.claims.insert({ statement: 'x', entities: [{ name: 'kim jong-un', type: 'person', role: 'subject' }] });
    expect(a.claims.entities(claim.id)[0].id).toBe(kim.id);
    expect(a.entities.list({ search: 'jong', type: 'person' })).toEqual([{ ...kim, claimCount: 1 }]);
    expect(a.claims.list({ entityId: kim.id }).total).toBe(1);
    await expect(a.entities.upsert('', 'person')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('merges two entities: names become aliases and claims move, recorded in history', async () => {
    const a = await open();
    const dprk = await a.entities.upsert('DPRK', 'place');
    const nk = await a.entities.upsert('North Korea', 'place');
    const claim = await a.claims.insert({ statement: 'x', entities: [{ name: 'DPRK', type: 'place', role: 'subject' }] });
    const merged = await a.entities.merge(nk.id, dprk.id);
    expect(merged.aliases).toEqual(['DPRK']);
    expect(a.claims.entities(claim.id).map((e) => e.id)).toEqual([nk.id]);
    expect(() => a.entities.get(dprk.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(a.claims.history(claim.id).at(-1)).toMatchObject({ field: 'entity', from: 'DPRK', to: 'North Korea' });
    await a.claims.linkEntity(claim.id, { name: 'Kim Jong Un', type: 'person' }, 'mentioned');
    expect(a.claims.entities(claim.id).map((e) => [e.name, e.role])).toEqual([
      ['Kim Jong Un', 'mentioned'],
      ['North Korea', 'subject'],
    ]);
    expect(a.claims.history(claim.id).at(-1)).toMatchObject({
      field: 'entity',
      from: null,
      to: { name: 'Kim Jong Un', role: 'mentioned' },
    });
    const other = await a.entities.upsert('Pyongyang', 'place');
    await expect(a.entities.addAlias(other.id, 'dprk')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('links and evidence', () => {
  it('links claims with a type and note, refuses duplicates and self-links, and records both sides', async () => {
    const a = await open();
    const [c1, c2] = await a.claims.insertMany([{ statement: 'one' }, { statement: 'two' }]);
    const link = await a.links.add(c1.id, c2.id, 'contradicts', 'opposite numbers');
    expect(link).toMatchObject({ fromClaimId: c1.id, toClaimId: c2.id, type: 'contradicts', note: 'opposite numbers' });
    await expect(a.links.add(c1.id, c2.id, 'contradicts')).rejects.toMatchObject({ code: 'CONFLICT' });
    await a.links.add(c1.id, c2.id, 'same');
    await expect(a.links.add(c2.id, c1.id, 'same')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(a.links.add(c1.id, c1.id, 'related')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(a.links.forClaim(c2.id)).toHaveLength(2);
    await a.links.remove(link.id);
    expect(a.links.forClaim(c1.id).map((l) => l.type)).toEqual(['same']);
    expect(
      a.claims
        .history(c2.id)
        .filter((h) => h.field === 'link')
        .map((h) => [h.from === null, h.to === null]),
    ).toEqual([
      [true, false],
      [true, false],
      [false, true],
    ]);
  });

  it('attaches evidence spans from articles with a stance', async () => {
    const a = await open();
    const article = await seedArticle(a);
    const claim = await a.claims.insert({ statement: 'x' });
    const start = ARTICLE_TEXT.indexOf('Moscow denied it');
    const evidence = await a.evidence.add({
      claimId: claim.id,
      articleId: article.id,
      start,
      end: start + 16,
      stance: 'contradicts',
      note: 'denial',
    });
    expect(evidence).toMatchObject({ quote: 'Moscow denied it', stance: 'contradicts' });
    expect(a.evidence.forClaim(claim.id)).toEqual([evidence]);
    await expect(a.evidence.add({ claimId: claim.id, articleId: article.id, stance: 'maybe' as never })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await a.evidence.remove(evidence.id);
    expect(a.evidence.forClaim(claim.id)).toEqual([]);
    expect(a.claims.history(claim.id).map((h) => h.field)).toEqual(['created', 'evidence', 'evidence']);
  });
});

describe('suggestions, saved searches, collections', () => {
  it('keeps extraction suggestions pending until accepted or rejected', async () => {
    const a = await open();
    const article = await seedArticle(a);
    const [s1, s2] = await a.suggestions.add(article.id, [{ statement: 'first' }, { statement: 'second', claimant: 'Pentagon' }]);
    expect(s1).toMatchObject({ state: 'pending', articleId: article.id, payload: { statement: 'first' }, claimId: null });
    const claim = await a.claims.insert(s2.payload);
    expect(await a.suggestions.setState(s2.id, 'accepted', claim.id)).toMatchObject({ state: 'accepted', claimId: claim.id });
    await a.suggestions.setState(s1.id, 'rejected');
    expect(a.suggestions.list(article.id, 'pending')).toEqual([]);
    expect(a.suggestions.list(article.id).map((s) => s.state)).toEqual(['rejected', 'accepted']);
    await expect(a.suggestions.add(article.id, [{ statement: '' }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('saves, replaces and removes named searches', async () => {
    const a = await open();
    const saved = await a.savedSearches.save('Troops', { search: 'troops', status: ['new'] });
    await a.savedSearches.save('troops', { search: 'soldiers' });
    expect(a.savedSearches.list()).toMatchObject([{ id: saved.id, name: 'Troops', query: { search: 'soldiers' } }]);
    await expect(a.savedSearches.save('Bad', { sort: 'nonsense' } as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await a.savedSearches.remove(saved.id);
    expect(a.savedSearches.list()).toEqual([]);
  });

  it('groups claims into collections and filters by collection', async () => {
    const a = await open();
    const [c1, c2] = await a.claims.insertMany([{ statement: 'one' }, { statement: 'two' }]);
    const col = await a.collections.create('Report draft');
    await expect(a.collections.create('report DRAFT')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await a.collections.add(col.id, [c1.id, c2.id, c1.id])).claimCount).toBe(2);
    expect((await a.collections.remove(col.id, [c2.id])).claimCount).toBe(1);
    expect(a.claims.list({ collectionId: col.id }).items.map((c) => c.id)).toEqual([c1.id]);
    await expect(a.collections.add(col.id, [999])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await a.collections.delete(col.id);
    expect(a.collections.list()).toEqual([]);
  });
});
