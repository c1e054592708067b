// An in-memory inverted index scored with Okapi BM25. Documents live in numbered slots; removal
// leaves a tombstone that queries skip, and postings are compacted once tombstones pile up, so
// edits stay O(document length) and the index never needs a full rebuild to stay correct.

export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75 };

export interface ScoredSlot {
  slot: number;
  score: number;
}

interface Posting {
  /** Interleaved [slot, tf, slot, tf, …]: half the objects of two arrays. */
  data: number[];
}

const COMPACT_RATIO = 0.25;

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly postings: Posting[] = [];
  private readonly dfs: number[] = [];
  private readonly slotTerms: (Uint32Array | null)[] = [];
  private readonly slotLength: number[] = [];
  private liveDocs = 0;
  private totalLength = 0;
  private tombstones = 0;
  private scores = new Float64Array(0);

  constructor(private readonly params: Bm25Params = DEFAULT_BM25) {}

  get size(): number {
    return this.liveDocs;
  }

  /** Term ids of a live slot, in text order (for re-ranking features). */
  termsOf(slot: number): Uint32Array | null {
    return this.slotTerms[slot] ?? null;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** Live documents containing the term (0 for unknown terms). */
  docFreq(termId: number | undefined): number {
    return termId === undefined ? 0 : this.dfs[termId];
  }

  /** Inverse document frequency, BM25's non-negative variant. Unknown terms get the maximum. */
  idf(termId: number | undefined): number {
    const n = this.liveDocs;
    const df = termId === undefined ? 0 : this.dfs[termId];
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds a document; returns its slot. */
  add(terms: readonly string[]): number {
    const slot = this.slotTerms.length;
    const ids = new Uint32Array(terms.length);
    const tf = new Map<number, number>();
    terms.forEach((t, i) => {
      const id = this.internTerm(t);
      ids[i] = id;
      tf.set(id, (tf.get(id) ?? 0) + 1);
    });
    for (const [id, count] of tf) {
      this.postings[id].data.push(slot, count);
      this.dfs[id]++;
    }
    this.slotTerms.push(ids);
    this.slotLength.push(terms.length);
    this.liveDocs++;
    this.totalLength += terms.length;
    return slot;
  }

  remove(slot: number): void {
    const ids = this.slotTerms[slot];
    if (!ids) return;
    for (const id of new Set(ids)) this.dfs[id]--;
    this.slotTerms[slot] = null;
    this.liveDocs--;
    this.totalLength -= this.slotLength[slot];
    this.tombstones++;
    if (this.tombstones > COMPACT_RATIO * (this.liveDocs + this.tombstones) && this.tombstones > 64) this.compact();
  }

  /**
   * Scores every document sharing a term with the query and returns the best `limit`, best first.
   * `queryTerms` maps term → weight (e.g. a saturated query term frequency).
   */
  search(queryTerms: Map<string, number>, limit: number, skipSlot = -1): ScoredSlot[] {
    if (this.scores.length < this.slotTerms.length) this.scores = new Float64Array(this.slotTerms.length * 2);
    const scores = this.scores;
    const touched: number[] = [];
    const { k1, b } = this.params;
    const avgdl = this.liveDocs ? this.totalLength / this.liveDocs : 1;
    for (const [term, weight] of queryTerms) {
      const id = this.termIds.get(term);
      if (id === undefined || this.dfs[id] === 0) continue;
      const idf = this.idf(id) * weight;
      const data = this.postings[id].data;
      for (let i = 0; i < data.length; i += 2) {
        const slot = data[i];
        if (this.slotTerms[slot] === null) continue;
        const tf = data[i + 1];
        const norm = k1 * (1 - b + (b * this.slotLength[slot]) / avgdl);
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    const best = topK(touched, scores, limit, skipSlot);
    for (const slot of touched) scores[slot] = 0;
    return best;
  }

  private internTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.termIds.set(term, id);
      this.postings.push({ data: [] });
      this.dfs.push(0);
    }
    return id;
  }

  /** Drops tombstoned slots from every posting list. */
  private compact(): void {
    for (const posting of this.postings) {
      const kept: number[] = [];
      for (let i = 0; i < posting.data.length; i += 2) {
        if (this.slotTerms[posting.data[i]] !== null) kept.push(posting.data[i], posting.data[i + 1]);
      }
      posting.data = kept;
    }
    this.tombstones = 0;
  }
}

/** The `limit` highest-scoring slots, best first, via a bounded min-heap. */
function topK(slots: number[], scores: Float64Array, limit: number, skipSlot: number): ScoredSlot[] {
  const heap: ScoredSlot[] = [];
  const less = (a: ScoredSlot, b: ScoredSlot) => a.score < b.score || (a.score === b.score && a.slot > b.slot);
  for (const slot of slots) {
    if (slot === skipSlot) continue;
    const item = { slot, score: scores[slot] };
    if (heap.length < limit) {
      heap.push(item);
      siftUp(heap, heap.length - 1, less);
    } else if (limit > 0 && less(heap[0], item)) {
      heap[0] = item;
      siftDown(heap, 0, less);
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}

type Less = (a: ScoredSlot, b: ScoredSlot) => boolean;

function siftUp(heap: ScoredSlot[], i: number, less: Less): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i], heap[parent])) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: ScoredSlot[], i: number, less: Less): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let min = i;
    if (l < heap.length && less(heap[l], heap[min])) min = l;
    if (r < heap.length && less(heap[r], heap[min])) min = r;
    if (min === i) return;
    [heap[i], heap[min]] = [heap[min], heap[i]];
    i = min;
  }
}
