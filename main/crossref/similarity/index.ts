// createSimilarityIndex: "which claims say the same thing as this text?" BM25 over normalised
// terms picks candidates, the re-ranker orders them by how much of the whole claim they share.
import { analyse as analyseText, stem, type Analysis } from '../text/normalize';
import { splitCompound } from './compound';
import { Bm25Index, DEFAULT_BM25, type Bm25Params } from './bm25';
import {
  bigramOverlap,
  bigramSet,
  combine,
  coverage,
  DEFAULT_WEIGHTS,
  profileCosine,
  tfidfCosine,
  trigramProfile,
  type CandidateFeatures,
  type RerankWeights,
} from './rerank';
import { learnedScore, loadReranker, type LearnedReranker } from './learned';
import shippedModel from '../../../resources/models/crossref-reranker.json' with { type: 'json' };
import { alignment, meanCosine, shippedWordVectors, vectorBag, vectorIds, type VectorBag, type WordVectors } from './word-vectors';

export interface SimilarityHit {
  id: number;
  /** 0..~1, higher is more similar; comparable across queries (not relative to the best hit). */
  score: number;
  /** Raw BM25 score of the first stage. */
  bm25: number;
  /** One side is negated or denied and the other is not: likely a contradiction, not a copy. */
  negationMismatch: boolean;
  text: string;
  /** The re-ranking features, when asked for with `explain`. */
  features?: CandidateFeatures;
}

export interface QueryOptions {
  limit?: number;
  /** Leave this id out (the claim being compared). */
  excludeId?: number;
  /** false = plain BM25 order (the baseline). */
  rerank?: boolean;
  /** Attach each hit's re-ranking features (for tuning and for showing why a claim matched). */
  explain?: boolean;
}

export interface SimilarityOptions {
  bm25?: Bm25Params;
  /** Hand weights, used only when `reranker` is null (the eval's comparisons). */
  weights?: RerankWeights;
  /** The re-ranking model; default: the shipped one; null = `weights`. */
  reranker?: LearnedReranker | null;
  /** Word vectors for the vector features (default: the shipped ones when the re-ranker uses them). */
  wordVectors?: WordVectors | null;
  /** How many BM25 candidates the re-ranker sees (at least the requested limit). */
  candidates?: number;
  /** Text → terms; the default is the full normaliser (only the eval's plain baseline swaps it). */
  analyse?: (text: string) => Analysis;
  /** Split unknown glued words ("#stonemanshooting") into known halves (default true). */
  splitCompounds?: boolean;
}

export interface SimilarityIndex {
  readonly size: number;
  /** Adds or replaces the document with this id. */
  add(id: number, text: string): void;
  remove(id: number): void;
  has(id: number): boolean;
  ids(): IterableIterator<number>;
  text(id: number): string | undefined;
  query(text: string, opts?: QueryOptions): SimilarityHit[];
}

interface PreparedQuery {
  analysis: Analysis;
  ids: number[];
  weights: Map<string, number>;
  bag?: VectorBag;
}

/** Ids for query terms the index has never seen: distinct, and below the bigram key limit. */
const UNSEEN_TERM_BASE = 0x3000000;

export function createSimilarityIndex(options: SimilarityOptions = {}): SimilarityIndex {
  const params = options.bm25 ?? DEFAULT_BM25;
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const reranker = options.reranker === undefined ? defaultReranker() : options.reranker;
  const vectors = options.wordVectors !== undefined ? options.wordVectors : reranker?.usesVectors ? defaultWordVectors() : null;
  const candidateCount = options.candidates ?? 60;
  const analyse = options.analyse ?? analyseText;
  const splitCompounds = options.splitCompounds ?? true;
  const bm25 = new Bm25Index(params);
  const slotOf = new Map<number, number>();
  const idOf: number[] = [];
  const texts: string[] = [];
  const negated: boolean[] = [];
  /** Per claim: lexicon ids of its words and the BM25 term of each (for idf weights at query time). */
  const vectorWords: ({ ids: Int32Array; terms: string[] } | undefined)[] = [];

  function add(id: number, text: string): void {
    remove(id);
    const analysis = analyse(text);
    const slot = bm25.add(analysis.terms);
    slotOf.set(id, slot);
    idOf[slot] = id;
    texts[slot] = text;
    negated[slot] = analysis.negated;
    if (vectors) {
      const v = vectorIds(vectors, analysis.words);
      vectorWords[slot] = { ids: v.ids, terms: v.words.map(stem) };
    }
  }

  function remove(id: number): void {
    const slot = slotOf.get(id);
    if (slot === undefined) return;
    bm25.remove(slot);
    slotOf.delete(id);
    texts[slot] = '';
    vectorWords[slot] = undefined;
  }

  const termIdf = (term: string) => bm25.idf(bm25.termId(term));

  function bagOf(ids: Int32Array, terms: readonly string[]): VectorBag {
    return vectorBag(vectors!, ids, Float32Array.from(terms, termIdf));
  }

  const docFreq = (term: string) => bm25.docFreq(bm25.termId(term));

  /** Query terms plus the halves of compound words the index does not know. */
  function queryTerms(analysis: Analysis): string[] {
    if (!splitCompounds) return analysis.terms;
    const extra = analysis.words.filter((w) => docFreq(stem(w)) === 0).flatMap((w) => splitCompound(w, docFreq) ?? []);
    return extra.length ? [...analysis.terms, ...extra] : analysis.terms;
  }

  function prepare(text: string): PreparedQuery {
    const analysis = analyse(text);
    const weightsByTerm = new Map<string, number>();
    const unseen = new Map<string, number>();
    const ids = queryTerms(analysis).map((t) => {
      weightsByTerm.set(t, 1); // each distinct term once: tweets repeat hashtags and names
      const id = bm25.termId(t);
      if (id !== undefined) return id;
      if (!unseen.has(t)) unseen.set(t, UNSEEN_TERM_BASE + unseen.size);
      return unseen.get(t)!;
    });
    let bag: VectorBag | undefined;
    if (vectors) {
      const v = vectorIds(vectors, analysis.words);
      bag = bagOf(v.ids, v.words.map(stem));
    }
    return { analysis, ids, weights: weightsByTerm, bag };
  }

  /** BM25 of the query against itself: the most a document could score, to make scores absolute. */
  function selfScore(q: PreparedQuery): number {
    const { k1 } = params;
    let s = 0;
    for (const id of new Set(q.ids)) s += (bm25.idf(id < UNSEEN_TERM_BASE ? id : undefined) * (k1 + 1)) / (1 + k1);
    return s || 1;
  }

  function features(
    q: PreparedQuery,
    slot: number,
    rawBm25: number,
    rank: number,
    best: number,
    self: number,
    qTri: Map<string, number>,
    qBi: Set<number>,
  ): CandidateFeatures {
    const docIds = bm25.termsOf(slot)!;
    const idf = (id: number) => bm25.idf(id < UNSEEN_TERM_BASE ? id : undefined);
    let vectorMean = 0;
    let vectorAlign = 0;
    let vectorCover = 0;
    const dv = vectorWords[slot];
    if (vectors && q.bag && dv) {
      const bag = bagOf(dv.ids, dv.terms);
      vectorMean = meanCosine(q.bag, bag);
      const a = alignment(vectors, q.bag, bag);
      vectorAlign = a.both;
      vectorCover = a.bToA;
    }
    const qn = new Set(q.ids).size;
    const dn = new Set(docIds).size;
    return {
      bm25: Math.min(1, rawBm25 / self),
      cosine: tfidfCosine(q.ids, docIds, idf),
      trigram: profileCosine(qTri, trigramProfile(analyse(texts[slot]).words)),
      bigram: bigramOverlap(qBi, bigramSet(docIds)),
      coverage: coverage(q.ids, docIds, idf),
      reciprocalRank: 1 / (1 + rank),
      bm25VsBest: best > 0 ? rawBm25 / best : 0,
      lengthRatio: qn && dn ? Math.min(qn, dn) / Math.max(qn, dn) : 0,
      vectorMean,
      vectorAlign,
      vectorCover,
    };
  }

  function query(text: string, opts: QueryOptions = {}): SimilarityHit[] {
    const limit = Math.max(0, Math.floor(opts.limit ?? 10));
    if (limit === 0 || bm25.size === 0) return [];
    const q = prepare(text);
    const rerank = opts.rerank ?? true;
    const skip = opts.excludeId !== undefined ? (slotOf.get(opts.excludeId) ?? -1) : -1;
    const found = bm25.search(q.weights, rerank ? Math.max(limit, candidateCount) : limit, skip);
    const self = selfScore(q);
    const qTri = trigramProfile(q.analysis.words);
    const qBi = bigramSet(q.ids);
    const best = found[0]?.score ?? 0;
    const hits = found.map(({ slot, score }, rank): SimilarityHit => {
      const f = rerank || opts.explain ? features(q, slot, score, rank, best, self, qTri, qBi) : undefined;
      return {
        id: idOf[slot],
        score: rerank && f ? (reranker ? learnedScore(reranker, f) : combine(f, weights)) : Math.min(1, score / self),
        bm25: score,
        negationMismatch: negated[slot] !== q.analysis.negated,
        text: texts[slot],
        ...(opts.explain ? { features: f } : {}),
      };
    });
    if (rerank) hits.sort((a, b) => b.score - a.score || b.bm25 - a.bm25);
    return hits.slice(0, limit);
  }

  return {
    get size() {
      return bm25.size;
    },
    add,
    remove,
    has: (id) => slotOf.has(id),
    ids: () => slotOf.keys(),
    text: (id) => {
      const slot = slotOf.get(id);
      return slot === undefined ? undefined : texts[slot];
    },
    query,
  };
}

let shippedReranker: LearnedReranker | undefined;

/** The shipped model (resources/models/crossref-reranker.json), validated on first use. */
export function defaultReranker(): LearnedReranker {
  shippedReranker ??= loadReranker(shippedModel);
  return shippedReranker;
}

function defaultWordVectors(): WordVectors {
  return shippedWordVectors();
}
