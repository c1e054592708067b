// Okapi BM25 over FTS4's matchinfo, as an SQL function used inside `rankWith`:
//   SELECT docid FROM t WHERE t MATCH ? ORDER BY bm25(matchinfo(t, 'pcxl')) DESC
// Document count and average column lengths are the same for every row of a query, so they are
// read once (matchinfo 'na') and handed over with the weights instead of being decoded per row.
import type { Database as SqlJsDatabase } from 'sql.js';

const K1 = 1.2;
const B = 0.75;

export interface RankContext {
  /** Number of documents in the index. */
  docs: number;
  /** Average tokens per column. */
  avgLengths: number[];
  /** Weight per column. */
  weights: number[];
  /** How many rows were ranked: a sort evaluates its key once per row that passed the filters. */
  ranked: number;
}

let current: RankContext | null = null;

/** Runs `fn` (synchronous SQL) with bm25() ranking against `context`. */
export function rankWith<T>(context: RankContext, fn: () => T): T {
  current = context;
  try {
    return fn();
  } finally {
    current = null;
  }
}

/** Decodes matchinfo 'na' (any matching row) into what bm25 needs. */
export function rankContext(na: Uint8Array, weights: number[]): RankContext {
  const avgLengths = [];
  for (let c = 0; c < weights.length; c++) avgLengths.push(u32(na, 1 + c));
  return { docs: u32(na, 0), avgLengths, weights, ranked: 0 };
}

// matchinfo blobs are native-endian uint32 arrays; reading in place avoids an allocation per row.
const u32 = (b: Uint8Array, i: number) => (b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (b[4 * i + 3] << 24)) >>> 0;

/** BM25 of one row from matchinfo 'pcxl'. */
export function bm25(pcxl: Uint8Array, ctx: RankContext): number {
  ctx.ranked++;
  const phrases = u32(pcxl, 0);
  const columns = u32(pcxl, 1);
  const lenOffset = 2 + 3 * phrases * columns;
  let score = 0;
  for (let p = 0; p < phrases; p++) {
    const first = 2 + 3 * p * columns;
    const idf = phraseIdf(pcxl, first, columns, ctx.docs);
    for (let c = 0; c < columns; c++) {
      const tf = u32(pcxl, first + 3 * c);
      const weight = ctx.weights[c] ?? 1;
      if (tf === 0 || weight === 0) continue;
      const norm = 1 - B + B * (u32(pcxl, lenOffset + c) / Math.max(ctx.avgLengths[c] ?? 1, 1));
      score += weight * idf * ((tf * (K1 + 1)) / (tf + K1 * norm));
    }
  }
  return score;
}

/**
 * One IDF per phrase (not per column), so a term is not rated rarer just because it sits in a
 * sparse column such as tags. Documents containing it ≈ the most in any one column. Lucene's
 * formula stays positive for terms found in most documents (small archives).
 */
function phraseIdf(pcxl: Uint8Array, first: number, columns: number, docs: number): number {
  let docsWithHits = 0;
  for (let c = 0; c < columns; c++) docsWithHits = Math.max(docsWithHits, u32(pcxl, first + 3 * c + 2));
  return Math.log(1 + (docs - docsWithHits + 0.5) / (docsWithHits + 0.5));
}

export function registerBm25(db: SqlJsDatabase): void {
  db.create_function('bm25', (pcxl: unknown) => (pcxl instanceof Uint8Array && current ? bm25(pcxl, current) : 0));
}
