// The re-ranking stage: BM25 finds candidates by shared rare terms; these features then judge
// how much of the *whole* claim matches. Character trigrams forgive spelling and transliteration
// ("Zelenskyy"/"Zelensky"), bigrams reward shared phrases, the tf-idf cosine penalises documents
// that match a few rare words but are otherwise about something else.

import type { FeatureVector } from './learned';

export interface RerankWeights {
  bm25: number;
  cosine: number;
  trigram: number;
  bigram: number;
  coverage: number;
}

/**
 * Hand weights of the first re-ranker, kept as the baseline the learned model is compared with
 * (bench/eval-crossref.ts). They were first picked on the dev set; see the model card for their
 * figures re-tuned on train.
 */
export const DEFAULT_WEIGHTS: RerankWeights = { bm25: 0.4, cosine: 0.5, trigram: 0.1, bigram: 0, coverage: 0 };

/** Each feature lies in 0..1 (the hand weights read the first five). */
export type CandidateFeatures = FeatureVector;

export function combine(f: CandidateFeatures, w: RerankWeights): number {
  return w.bm25 * f.bm25 + w.cosine * f.cosine + w.trigram * f.trigram + w.bigram * f.bigram + w.coverage * f.coverage;
}

/**
 * Share of the candidate's own (idf-weighted) terms that the query contains. A long text (a
 * tweet, an article paragraph) contains all of a short claim that it repeats.
 */
export function coverage(query: ArrayLike<number>, candidate: ArrayLike<number>, idf: (id: number) => number): number {
  const inQuery = new Set<number>();
  for (let i = 0; i < query.length; i++) inQuery.add(query[i]);
  let covered = 0;
  let total = 0;
  for (const id of new Set(Array.from(candidate))) {
    const w = idf(id);
    total += w;
    if (inQuery.has(id)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}

/** Cosine of tf-idf vectors; `idf` weights a term id. */
export function tfidfCosine(a: ArrayLike<number>, b: ArrayLike<number>, idf: (id: number) => number): number {
  const va = counts(a);
  const vb = counts(b);
  let dot = 0;
  for (const [id, ca] of va) {
    const cb = vb.get(id);
    if (cb) dot += ca * cb * idf(id) ** 2;
  }
  if (dot === 0) return 0;
  return dot / (norm(va, idf) * norm(vb, idf));
}

function counts(ids: ArrayLike<number>): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i], (m.get(ids[i]) ?? 0) + 1);
  return m;
}

function norm(v: Map<number, number>, idf: (id: number) => number): number {
  let s = 0;
  for (const [id, c] of v) s += (c * idf(id)) ** 2;
  return Math.sqrt(s);
}

/** Character trigrams of each word, padded so word starts and ends count ("^ze", "ky$"). */
export function trigramProfile(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) {
    const padded = `^${w}$`;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
  }
  return m;
}

export function profileCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, c] of a) {
    na += c * c;
    const d = b.get(g);
    if (d) dot += c * d;
  }
  for (const c of b.values()) nb += c * c;
  return dot === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Unordered adjacent pairs of term ids: "troops sent" and "sent troops" are the same phrase. */
export function bigramSet(ids: ArrayLike<number>): Set<number> {
  const s = new Set<number>();
  for (let i = 0; i + 1 < ids.length; i++) {
    const [x, y] = ids[i] < ids[i + 1] ? [ids[i], ids[i + 1]] : [ids[i + 1], ids[i]];
    s.add(x * 0x4000000 + y); // ids stay far below 2^26
  }
  return s;
}

/** Share of the query's bigrams found in the candidate. */
export function bigramOverlap(query: Set<number>, candidate: Set<number>): number {
  if (query.size === 0) return 0;
  let hit = 0;
  for (const g of query) if (candidate.has(g)) hit++;
  return hit / query.size;
}
