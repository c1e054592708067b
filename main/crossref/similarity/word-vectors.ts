// Word-vector features for the re-ranker: "soldiers were sent" and "troops deployed" share no term,
// but their words lie close in GloVe space. The vectors are the app's shipped lexicon
// (resources/models/checkworthy-lexicon.json: the 20,000 most frequent English words of GloVe 100-d,
// int8), so matching needs no new download and a claim's "embedding" is a list of word ids,
// looked up in microseconds when the claim enters the index (nothing to store in the archive).
import { loadLexicon, restrictLexicon, type Lexicon } from '../../extraction/checkworthy/lexicon';
import shippedLexicon from '../../../resources/models/checkworthy-lexicon.json' with { type: 'json' };

export interface WordVectors {
  dimensions: number;
  /** Unit-length vectors, row-major. */
  unit: Float32Array;
  indexOf: Map<string, number>;
}

let shipped: WordVectors | undefined;

/** The shipped vectors, frequent words only (the lexicon's extra ClaimBuster words are left out). */
export function shippedWordVectors(): WordVectors {
  shipped ??= fromLexicon(restrictLexicon(loadLexicon(shippedLexicon), []));
  return shipped;
}

export function fromLexicon(lexicon: Lexicon): WordVectors {
  const d = lexicon.dimensions;
  const unit = new Float32Array(lexicon.vectors.length);
  for (let w = 0; w < lexicon.words.length; w++) {
    let n = 0;
    for (let k = 0; k < d; k++) n += lexicon.vectors[w * d + k] ** 2;
    const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
    for (let k = 0; k < d; k++) unit[w * d + k] = lexicon.vectors[w * d + k] * inv;
  }
  return { dimensions: d, unit, indexOf: lexicon.indexOf };
}

/** A text's words that have a vector, with a weight each (idf of the word's term). */
export interface VectorBag {
  ids: Int32Array;
  weights: Float32Array;
  /** Weighted mean of the unit vectors, itself unit length (all zeros when no word has a vector). */
  mean: Float32Array;
}

/** Vector ids of a text's words (each once), and the words they came from. */
export function vectorIds(vectors: WordVectors, words: readonly string[]): { ids: Int32Array; words: string[] } {
  const ids: number[] = [];
  const kept: string[] = [];
  const seen = new Set<number>();
  for (const w of words) {
    const id = vectors.indexOf.get(w);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
    kept.push(w);
  }
  return { ids: Int32Array.from(ids), words: kept };
}

export function vectorBag(vectors: WordVectors, ids: Int32Array, weights: Float32Array): VectorBag {
  const d = vectors.dimensions;
  const mean = new Float32Array(d);
  for (let i = 0; i < ids.length; i++) {
    const row = ids[i] * d;
    for (let k = 0; k < d; k++) mean[k] += weights[i] * vectors.unit[row + k];
  }
  let n = 0;
  for (let k = 0; k < d; k++) n += mean[k] ** 2;
  if (n > 0) {
    const inv = 1 / Math.sqrt(n);
    for (let k = 0; k < d; k++) mean[k] *= inv;
  }
  return { ids, weights, mean };
}

export function meanCosine(a: VectorBag, b: VectorBag): number {
  let s = 0;
  for (let k = 0; k < a.mean.length; k++) s += a.mean[k] * b.mean[k];
  return Math.max(0, s);
}

/**
 * Soft word alignment: each word of one side finds its closest word on the other (cosine, floored
 * at 0), averaged with the words' weights: both directions averaged, and b's words in a alone
 * (how much of a short claim a long text covers, synonyms included). Exact repeats score 1.
 */
export function alignment(vectors: WordVectors, a: VectorBag, b: VectorBag): { both: number; bToA: number } {
  if (a.ids.length === 0 || b.ids.length === 0) return { both: 0, bToA: 0 };
  const d = vectors.dimensions;
  const u = vectors.unit;
  const sims = new Float32Array(a.ids.length * b.ids.length);
  for (let i = 0; i < a.ids.length; i++) {
    const ai = a.ids[i] * d;
    for (let j = 0; j < b.ids.length; j++) {
      const bj = b.ids[j] * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += u[ai + k] * u[bj + k];
      sims[i * b.ids.length + j] = s;
    }
  }
  const direction = (rows: number, cols: number, w: Float32Array, at: (r: number, c: number) => number) => {
    let total = 0;
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let c = 0; c < cols; c++) best = Math.max(best, at(r, c));
      sum += w[r] * best;
      total += w[r];
    }
    return total > 0 ? sum / total : 0;
  };
  const m = b.ids.length;
  const ab = direction(a.ids.length, m, a.weights, (r, c) => sims[r * m + c]);
  const ba = direction(m, a.ids.length, b.weights, (r, c) => sims[c * m + r]);
  return { both: (ab + ba) / 2, bToA: ba };
}
