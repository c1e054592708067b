import { describe, expect, it } from 'vitest';
import { createSimilarityIndex } from '../../../main/crossref/similarity';

const CLAIMS: [number, string][] = [
  [1, 'North Korea has sent thousands of troops to Russia, Seoul says'],
  [2, 'South Korea will review its stance on supplying weapons directly to Ukraine'],
  [3, '70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs'],
  [4, 'The central bank raised interest rates by half a point on Thursday'],
  [5, 'A video shows a dragon flying over a baseball stadium'],
  [6, 'North Korea did not send any troops to Russia'],
  [7, 'Kim Jong Un inspected a new missile launcher'],
];

function indexOf(claims = CLAIMS) {
  const index = createSimilarityIndex();
  for (const [id, text] of claims) index.add(id, text);
  return index;
}

describe('similar claims', () => {
  it('ranks a paraphrase above unrelated claims', () => {
    const hits = indexOf().query('Pyongyang dispatched 3,000 soldiers and troops into Russia, according to South Korea', { limit: 3 });
    expect(hits[0].id).toBe(1);
    expect(hits.map((h) => h.id)).not.toContain(4);
  });

  it('matches figures written differently', () => {
    const hits = indexOf().query('70% of Charlotte protesters arrested were from out of state', { limit: 1 });
    expect(hits[0].id).toBe(3);
    expect(hits[0].score).toBeGreaterThan(0.3);
  });

  it('flags a negated claim as a likely contradiction rather than hiding it', () => {
    const hits = indexOf().query('North Korea sent troops to Russia', { limit: 5 });
    const denial = hits.find((h) => h.id === 6);
    const same = hits.find((h) => h.id === 1);
    expect(denial?.negationMismatch).toBe(true);
    expect(same?.negationMismatch).toBe(false);
  });

  it('gives scores that say how close a match is, not just the order', () => {
    const index = indexOf();
    const close = index.query('North Korea has sent thousands of troops to Russia', { limit: 1 })[0];
    const weak = index.query('troops parade in a stadium', { limit: 1 })[0];
    expect(close.score).toBeGreaterThan(0.8);
    expect(weak.score).toBeLessThan(close.score / 2);
  });

  it('leaves out the claim being compared and honours the limit', () => {
    const index = indexOf();
    const hits = index.query(CLAIMS[0][1], { limit: 2, excludeId: 1 });
    expect(hits.map((h) => h.id)).not.toContain(1);
    expect(hits.length).toBeLessThanOrEqual(2);
  });

  it('returns nothing for text with no indexable words, and for an empty index', () => {
    expect(indexOf().query('the of and', { limit: 5 })).toEqual([]);
    expect(createSimilarityIndex().query('troops', { limit: 5 })).toEqual([]);
  });

  it('reflects edits: a replaced claim is found by its new words, a removed one not at all', () => {
    const index = indexOf();
    index.add(5, 'The finance minister resigned after the budget vote');
    expect(index.query('dragon baseball stadium', { limit: 5 }).map((h) => h.id)).not.toContain(5);
    expect(index.query('finance minister resigned', { limit: 1 })[0].id).toBe(5);
    index.remove(5);
    expect(index.has(5)).toBe(false);
    expect(index.query('finance minister resigned', { limit: 5 }).map((h) => h.id)).not.toContain(5);
  });

  it('stays correct through many removals (postings are compacted)', () => {
    const index = createSimilarityIndex();
    for (let i = 1; i <= 400; i++) index.add(i, `claim number ${i} about topic${i % 7} and subject${i}`);
    for (let i = 1; i <= 300; i++) index.remove(i);
    expect(index.size).toBe(100);
    const hits = index.query('subject350 topic0', { limit: 3 });
    expect(hits[0].id).toBe(350);
    expect(hits.every((h) => h.id > 300)).toBe(true);
  });

  it('copes with odd input: emoji only, control characters, a very long text', () => {
    const index = indexOf();
    expect(index.query('🔥🔥🇺🇸', { limit: 3 })).toEqual([]);
    expect(() => index.query('\u0000troops\u0007 to Russia\uFFFF', { limit: 3 })).not.toThrow();
    const long = `${'North Korea troops Russia - - — '.repeat(2_000)}`;
    expect(index.query(long, { limit: 1 })[0].id).toBe(1);
    index.add(99, long);
    expect(index.has(99)).toBe(true);
  });

  it('plain BM25 order is available as a baseline', () => {
    const hits = indexOf().query('troops Russia', { limit: 3, rerank: false });
    expect(hits.map((h) => h.id).sort()).toEqual([1, 6]);
  });
});
