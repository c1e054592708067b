import { describe, expect, it } from 'vitest';
import { createSimilarityIndex } from '../../../main/crossref/similarity';
import { defaultReranker } from '../../../main/crossref/similarity/index';
import { FEATURE_NAMES, learnedScore, loadReranker, trainReranker, type FeatureVector } from '../../../main/crossref/similarity/learned';
import { alignment, shippedWordVectors, vectorBag, vectorIds } from '../../../main/crossref/similarity/word-vectors';

// Made-up claims: one event, and claims that share only a place or only a word with it.
const CLAIMS: [number, string][] = [
  [1, 'Troops were deployed to the border city of Kherson on Tuesday, the defence ministry said.'],
  [2, 'The mayor of Kherson opened a new bakery downtown.'],
  [3, 'Soldiers in the parade wore new uniforms.'],
  [4, 'Wheat prices rose 4% after the harvest report.'],
  [5, 'The city council voted to close the public library on Sundays.'],
];

function archive() {
  const index = createSimilarityIndex();
  for (const [id, text] of CLAIMS) index.add(id, text);
  return index;
}

describe('the shipped similar-claims re-ranker', () => {
  it('loads the model trained on the CLEF train split', () => {
    const model = defaultReranker();
    expect(Object.values(model.weights).reduce((s, w) => s + (w ?? 0), 0)).toBeCloseTo(1, 5);
    expect(model.weights.bm25).toBeGreaterThan(0);
  });

  it('"soldiers were sent to Kherson" finds "troops were deployed to Kherson" first, above claims sharing one word', () => {
    const hits = archive().query('Soldiers were sent to Kherson, the ministry confirmed.', { limit: 5 });
    expect(hits[0].id).toBe(1);
    const byId = new Map(hits.map((h) => [h.id, h.score]));
    // The bakery claim shares only the city, the parade claim only "soldiers".
    expect(byId.get(2) ?? 0).toBeLessThan(hits[0].score * 0.75);
    expect(byId.get(3) ?? 0).toBeLessThan(hits[0].score);
  });

  it('lists nothing for a clear non-match, and gives a one-word overlap a low score', () => {
    const index = archive();
    expect(index.query('A cat was rescued from a tree by firefighters in Leeds.', { limit: 5 })).toEqual([]);
    const weak = index.query('Library hours in Leeds are changing', { limit: 5 });
    expect(weak.map((h) => h.id)).toEqual([5]);
    expect(weak[0].score).toBeLessThan(0.5);
  });

  it('scores the same claim worded identically near the top of the scale', () => {
    const hits = archive().query(CLAIMS[3][1], { limit: 1 });
    expect(hits[0].id).toBe(4);
    expect(hits[0].score).toBeGreaterThan(0.9);
  });

  it('rejects a damaged model file with a clear message', () => {
    expect(() =>
      loadReranker({ meta: { name: 'crossref-reranker', version: 1 }, kind: 'logistic', bias: 0, weights: { shoeSize: 1 } }),
    ).toThrow(/re-ranking model is damaged/);
    expect(() => loadReranker({ weights: {} })).toThrow(/re-ranking model is damaged/);
  });
});

describe('word vectors (measured in the eval, not shipped in the ranking)', () => {
  const vectors = shippedWordVectors();
  const bag = (text: string) => {
    const v = vectorIds(vectors, text.toLowerCase().split(/\W+/));
    return vectorBag(vectors, v.ids, new Float32Array(v.ids.length).fill(1));
  };

  it('aligns "soldiers were sent" with "troops deployed" more than with an unrelated sentence', () => {
    const q = bag('soldiers sent border');
    expect(alignment(vectors, q, bag('troops deployed frontier')).both).toBeGreaterThan(
      alignment(vectors, q, bag('mayor opened bakery')).both,
    );
  });
});

describe('training the re-ranker', () => {
  const features = (bm25: number, vectorAlign: number): FeatureVector => ({
    ...(Object.fromEntries(FEATURE_NAMES.map((n) => [n, 0])) as FeatureVector),
    bm25,
    vectorAlign,
  });

  it('learns to put the candidate with the telling feature first, and its score reads as a probability', () => {
    // Made-up queries: the right candidate always has the higher vectorAlign, BM25 is noise.
    const queries = Array.from({ length: 40 }, (_, i) => ({
      candidates: [
        { features: features(((i * 7) % 10) / 10, 0.8), relevant: true },
        { features: features(((i * 3) % 10) / 10, 0.3), relevant: false },
        { features: features(((i * 5) % 10) / 10, 0.2), relevant: false },
      ],
    }));
    const model = trainReranker(queries, ['bm25', 'vectorAlign'], { l2: 1e-3 });
    expect(model.weights.vectorAlign!).toBeGreaterThan(Math.abs(model.weights.bm25!));
    const good = learnedScore(model, features(0.1, 0.8));
    const bad = learnedScore(model, features(0.9, 0.2));
    expect(good).toBeGreaterThan(bad);
    expect(good).toBeLessThanOrEqual(1);
    expect(bad).toBeGreaterThanOrEqual(0);
  });
});
