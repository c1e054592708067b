// The learned re-ranker: a logistic model over the candidate features, trained on the CLEF 2020
// CheckThat! task 2 training split (bench/eval-crossref.ts --train; model card in
// resources/models/crossref-reranker.md). Its output is a probability-like score in 0..1 that is
// comparable across queries, so the panel's cut-off means the same thing for every claim.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

/** Every feature lies in 0..1. */
export const FEATURE_NAMES = [
  'bm25',
  'cosine',
  'trigram',
  'bigram',
  'coverage',
  'reciprocalRank',
  'bm25VsBest',
  'lengthRatio',
  'vectorMean',
  'vectorAlign',
  /** The claim's words found in the query, synonyms counted by their cosine. */
  'vectorCover',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

export const RerankerFile = z
  .object({
    meta: z.object({ name: z.literal('crossref-reranker'), version: z.literal(1) }).passthrough(),
    /** 'weighted-sum': score = Σ weight × feature (hand-style weights summing to 1, score 0..1);
     *  'logistic': score = sigmoid(bias + Σ weight × feature). */
    kind: z.enum(['weighted-sum', 'logistic']),
    bias: z.number().finite(),
    weights: z.record(z.string(), z.number().finite()),
  })
  .refine((m) => Object.keys(m.weights).every((k) => (FEATURE_NAMES as readonly string[]).includes(k)), 'unknown feature name');
export type RerankerFile = z.infer<typeof RerankerFile>;

export interface LearnedReranker {
  kind: 'weighted-sum' | 'logistic';
  bias: number;
  weights: Partial<FeatureVector>;
  /** True when any word-vector feature has a weight (the index then keeps word ids per claim). */
  usesVectors: boolean;
}

export function loadReranker(raw: unknown): LearnedReranker {
  const parsed = RerankerFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('PARSE_FAILED', `The similar-claims re-ranking model is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  const weights = parsed.data.weights as Partial<FeatureVector>;
  return {
    kind: parsed.data.kind,
    bias: parsed.data.bias,
    weights,
    usesVectors: !!(weights.vectorMean || weights.vectorAlign || weights.vectorCover),
  };
}

export function learnedScore(model: LearnedReranker, f: FeatureVector): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += (model.weights[name] ?? 0) * f[name];
  return model.kind === 'logistic' ? 1 / (1 + Math.exp(-z)) : z;
}

export interface TrainingQuery {
  /** Candidates' features and whether each candidate is a correct match. */
  candidates: { features: FeatureVector; relevant: boolean }[];
}

/**
 * Pairwise logistic ranking (RankNet with a linear scorer): for every query, each correct candidate
 * should outscore each wrong one; every query weighs the same. Solved by Newton's method (the
 * features are few), then Platt-scaled on the candidates so the score reads as a probability.
 */
export function trainReranker(
  queries: TrainingQuery[],
  features: readonly FeatureName[],
  opts: { l2?: number; iterations?: number } = {},
): LearnedReranker {
  const l2 = opts.l2 ?? 1e-3;
  const diffs: number[][] = [];
  const pairWeights: number[] = [];
  const points: { x: number[]; y: number; w: number }[] = [];
  for (const q of queries) {
    const pos = q.candidates.filter((c) => c.relevant);
    const neg = q.candidates.filter((c) => !c.relevant);
    if (pos.length === 0 || neg.length === 0) continue;
    const vec = (c: TrainingQuery['candidates'][number]) => features.map((n) => c.features[n]);
    for (const p of pos) {
      const xp = vec(p);
      for (const n of neg) {
        const xn = vec(n);
        diffs.push(xp.map((v, k) => v - xn[k]));
        pairWeights.push(1 / (pos.length * neg.length));
      }
    }
    for (const c of q.candidates) points.push({ x: vec(c), y: c.relevant ? 1 : 0, w: 0.5 / (c.relevant ? pos.length : neg.length) });
  }
  const w = newtonLogistic(
    diffs,
    diffs.map(() => 1),
    pairWeights,
    l2,
    opts.iterations ?? 30,
  );
  // Platt scaling: p = sigmoid(a * (w·x) + b).
  const s = points.map((p) => [p.x.reduce((acc, v, k) => acc + v * w[k], 0), 1]);
  const [a, b] = newtonLogistic(
    s,
    points.map((p) => p.y),
    points.map((p) => p.w),
    1e-6,
    50,
  );
  const weights: Partial<FeatureVector> = {};
  features.forEach((n, k) => (weights[n] = Math.round(a * w[k] * 1e4) / 1e4));
  return {
    kind: 'logistic',
    bias: Math.round(b * 1e4) / 1e4,
    weights,
    usesVectors: !!(weights.vectorMean || weights.vectorAlign || weights.vectorCover),
  };
}

/** Weighted L2-regularised logistic regression without intercept (add a constant column for one). */
function newtonLogistic(x: number[][], y: number[], weight: number[], l2: number, iterations: number): number[] {
  const d = x[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  const total = weight.reduce((s, v) => s + v, 0) || 1;
  for (let it = 0; it < iterations; it++) {
    const g = w.map((v) => l2 * v);
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? l2 : 0)));
    for (let r = 0; r < x.length; r++) {
      const row = x[r];
      let z = 0;
      for (let k = 0; k < d; k++) z += w[k] * row[k];
      const p = 1 / (1 + Math.exp(-z));
      const c = weight[r] / total;
      const e = (p - y[r]) * c;
      const v = p * (1 - p) * c;
      for (let i = 0; i < d; i++) {
        g[i] += e * row[i];
        for (let j = 0; j <= i; j++) h[i][j] += v * row[i] * row[j];
      }
    }
    for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) h[j][i] = h[i][j];
    const step = solve(h, g);
    let moved = 0;
    for (let k = 0; k < d; k++) {
      w[k] -= step[k];
      moved = Math.max(moved, Math.abs(step[k]));
    }
    if (moved < 1e-7) break;
  }
  return w;
}

/** Gaussian elimination with partial pivoting (small dense systems). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / piv;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}

export function toRerankerFile(model: LearnedReranker, meta: Record<string, unknown>): RerankerFile {
  return { meta: { name: 'crossref-reranker', version: 1, ...meta }, kind: model.kind, bias: model.bias, weights: model.weights };
}

/** Hand weights as a model file ('weighted-sum', no bias): the same scores as rerank.ts's combine. */
export function weightedSum(weights: Partial<FeatureVector>): LearnedReranker {
  return { kind: 'weighted-sum', bias: 0, weights, usesVectors: !!(weights.vectorMean || weights.vectorAlign || weights.vectorCover) };
}
