// Retrieval quality of the similarity engine on CLEF 2020 CheckThat! task 2: verified claims are
// indexed, each tweet is a query, qrels name the claim it matches. Everything learned (the hand
// weights' grid, the logistic re-ranker, its regularisation and feature set) is chosen on the train
// split by 5-fold cross-validation over train queries; dev is only measured.
// Usage: npx tsx bench/eval-crossref.ts [../shared/data/claims/clef2020-task2-claim-retrieval]
//          [--train] [--write] [--grid] [--failures] [--direct]
//   --train  cross-validate the variants on train, then train each on all of train and measure dev
//   --write  also write the best variant (by train CV) to resources/models/crossref-reranker.json
// Prints JSON: MAP@5 and MRR on dev for the BM25 baseline and the shipped (re-ranked) pipeline.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { claimText } from '../main/crossref/archive-port';
import { createImportPool } from '../main/importers';
import { createSimilarityIndex, type SimilarityHit, type SimilarityIndex, type SimilarityOptions } from '../main/crossref/similarity';
import type { Analysis } from '../main/crossref/text/normalize';
import { STOP_WORDS } from '../main/crossref/text/stopwords';
import { combine, type RerankWeights } from '../main/crossref/similarity/rerank';
import { parseDelimited } from '../main/importers/formats/csv';
import {
  FEATURE_NAMES,
  learnedScore,
  toRerankerFile,
  trainReranker,
  weightedSum,
  type FeatureName,
  type FeatureVector,
  type LearnedReranker,
  type TrainingQuery,
} from '../main/crossref/similarity/learned';
import { shippedWordVectors, vectorIds } from '../main/crossref/similarity/word-vectors';
import { analyse as analyseText } from '../main/crossref/text/normalize';

/** The data's TSV files, read with the importer's RFC 4180 parser. */
export const parseTsv = (text: string): string[][] => parseDelimited(text, '\t');

interface Dataset {
  claims: { id: number; text: string }[];
  queries: { id: string; text: string }[];
  relevant: Map<string, Set<number>>;
}

/** Queries and relevance judgements (read directly: they are not claims). */
function loadQueries(dir: string, split: 'dev' | 'train' = 'dev'): Pick<Dataset, 'queries' | 'relevant'> {
  const queries = parseTsv(readFileSync(join(dir, `${split}/tweets.queries.tsv`), 'utf8'))
    .slice(1)
    .map(([id, text]) => ({ id, text }));
  const relevant = new Map<string, Set<number>>();
  for (const line of readFileSync(join(dir, `${split}/tweet-vclaim-pairs.qrels`), 'utf8').split('\n')) {
    const [qid, , cid, rel] = line.trim().split(/\s+/);
    if (!qid || rel === '0') continue;
    if (!relevant.has(qid)) relevant.set(qid, new Set());
    relevant.get(qid)!.add(Number(cid));
  }
  return { queries: queries.filter((q) => relevant.has(q.id)), relevant };
}

/** Verified claims read straight from the TSV: vclaim and title, as the app joins statement and quote. */
export function load(dir: string): Dataset {
  // (dev queries; the train split is read by loadQueries(dir, 'train'))
  const claims = parseTsv(readFileSync(join(dir, 'verified_claims.docs.tsv'), 'utf8'))
    .slice(1)
    .map(([id, vclaim, title]) => ({ id: Number(id), text: claimText({ statement: vclaim, quote: title ?? '' }) }));
  return { claims, ...loadQueries(dir) };
}

/**
 * Verified claims through the app's claim-list importer (parseFile in its worker). The file's
 * "vclaim"/"title" headers are not ones the importer knows, so a renamed-header copy goes to a
 * temporary folder first (claim → statement, quote → quote), as a user would rename the columns.
 */
async function loadViaImporter(dir: string): Promise<Dataset> {
  const rows = parseTsv(readFileSync(join(dir, 'verified_claims.docs.tsv'), 'utf8')).slice(1);
  const tmp = mkdtempSync(join(os.tmpdir(), 'claimdesk-eval-'));
  const file = join(tmp, 'verified-claims.tsv');
  const cell = (v: string) => `"${(v ?? '').replace(/"/g, '""')}"`;
  writeFileSync(file, ['claim\tquote', ...rows.map(([, vclaim, title]) => `${cell(vclaim)}\t${cell(title)}`)].join('\n'));
  const pool = createImportPool({ concurrency: 1 });
  try {
    const parsed = await pool.parse(file);
    if (parsed.kind !== 'claims' || parsed.claims.length !== rows.length) {
      throw new Error(`importer returned ${parsed.kind === 'claims' ? parsed.claims.length : 0} claims for ${rows.length} rows`);
    }
    const claims = parsed.claims.map((c, i) => ({
      id: Number(rows[i][0]),
      text: claimText({ statement: c.statement, quote: c.quote ?? '' }),
    }));
    return { claims, ...loadQueries(dir) };
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function averagePrecisionAt5(ranked: number[], rel: Set<number>): number {
  let hits = 0,
    ap = 0;
  ranked.slice(0, 5).forEach((id, k) => {
    if (rel.has(id)) {
      hits++;
      ap += hits / (k + 1);
    }
  });
  return ap / Math.min(rel.size, 5);
}

interface Scores {
  map5: number;
  mrr: number;
  recallAt5: number;
  recallAt60: number;
}

function evaluate(index: SimilarityIndex, data: Dataset, rerank: boolean): Scores {
  let map5 = 0,
    mrr = 0,
    r5 = 0,
    r60 = 0;
  for (const q of data.queries) {
    const rel = data.relevant.get(q.id)!;
    const ranked = index.query(q.text, { limit: 100, rerank }).map((h) => h.id);
    map5 += averagePrecisionAt5(ranked, rel);
    const first = ranked.findIndex((id) => rel.has(id));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
    r5 += ranked.slice(0, 5).filter((id) => rel.has(id)).length / rel.size;
    r60 += ranked.slice(0, 60).filter((id) => rel.has(id)).length / rel.size;
  }
  const n = data.queries.length;
  const round = (x: number) => Math.round((x / n) * 10_000) / 10_000;
  return { map5: round(map5), mrr: round(mrr), recallAt5: round(r5), recallAt60: round(r60) };
}

/** Lower-case words minus stop words: what BM25 sees without the normaliser. */
function plainAnalyse(text: string): Analysis {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
  return { terms: words, words, negated: false };
}

function build(data: Dataset, options: SimilarityOptions = {}): SimilarityIndex {
  const index = createSimilarityIndex(options);
  for (const c of data.claims) index.add(c.id, c.text);
  return index;
}

interface Candidates {
  rel: Set<number>;
  hits: { id: number; features: NonNullable<SimilarityHit['features']> }[];
}

/** BM25's top 60 per query with every feature, computed once and re-scored by each variant. */
function candidates(index: SimilarityIndex, queries: Dataset['queries'], relevant: Dataset['relevant']): Candidates[] {
  return queries.map((q) => ({
    rel: relevant.get(q.id)!,
    hits: index.query(q.text, { limit: 60, rerank: false, explain: true }).map((h) => ({ id: h.id, features: h.features! })),
  }));
}

function scoreRanking(perQuery: Candidates[], score: (f: Candidates['hits'][number]['features']) => number): { map5: number; mrr: number } {
  let map5 = 0,
    mrr = 0;
  for (const { rel, hits } of perQuery) {
    const ranked = hits
      .map((h, i) => ({ id: h.id, s: score(h.features), i }))
      .sort((x, y) => y.s - x.s || x.i - y.i)
      .map((h) => h.id);
    map5 += averagePrecisionAt5(ranked, rel);
    const first = ranked.findIndex((id) => rel.has(id));
    mrr += first >= 0 ? 1 / (first + 1) : 0;
  }
  const r = (x: number) => Math.round((x / perQuery.length) * 10_000) / 10_000;
  return { map5: r(map5), mrr: r(mrr) };
}

const asTraining = (perQuery: Candidates[]): TrainingQuery[] =>
  perQuery.map(({ rel, hits }) => ({ candidates: hits.map((h) => ({ features: h.features, relevant: rel.has(h.id) })) }));

const LEXICAL: FeatureName[] = ['bm25', 'cosine', 'trigram', 'bigram', 'coverage', 'reciprocalRank', 'bm25VsBest', 'lengthRatio'];
const VARIANTS: Record<string, FeatureName[]> = {
  lexical: LEXICAL,
  'lexical+vectorMean': [...LEXICAL, 'vectorMean'],
  'lexical+vectorAlign': [...LEXICAL, 'vectorAlign'],
  'lexical+vectorCover': [...LEXICAL, 'vectorCover'],
  'lexical+wordVectors': [...LEXICAL, 'vectorMean', 'vectorAlign', 'vectorCover'],
};
const L2S = [1e-4, 1e-3, 1e-2];
const FOLDS = 5;
const MIN_GAIN = 0.005;

/** 5-fold cross-validation over train queries (fixed interleaved folds). */
function crossValidate(train: Candidates[], fit: (part: Candidates[]) => (f: Candidates['hits'][number]['features']) => number) {
  const held: { map5: number; mrr: number; n: number }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const test = train.filter((_, i) => i % FOLDS === k);
    const score = fit(train.filter((_, i) => i % FOLDS !== k));
    held.push({ ...scoreRanking(test, score), n: test.length });
  }
  const n = held.reduce((s, h) => s + h.n, 0);
  const r = (x: number) => Math.round(x * 10_000) / 10_000;
  return { map5: r(held.reduce((s, h) => s + h.map5 * h.n, 0) / n), mrr: r(held.reduce((s, h) => s + h.mrr * h.n, 0) / n) };
}

function bestGridWeights(perQuery: Candidates[]): RerankWeights {
  return grid(perQuery)[0].weights;
}

/** Train-CV and dev figures for the hand weights (grid on train) and each learned variant. */
function trainAndMeasure(train: Candidates[], dev: Candidates[]) {
  const table: Record<string, unknown>[] = [];
  const hand = bestGridWeights(train);
  table.push({
    variant: 'hand weights (grid re-tuned on train)',
    weights: hand,
    trainCv: crossValidate(train, (part) => {
      const w = bestGridWeights(part);
      return (f) => combine(f, w);
    }),
    dev: scoreRanking(dev, (f) => combine(f, hand)),
  });
  const handCv = (table[0].trainCv as { map5: number }).map5;
  const vectorSums: { name: string; weights: Partial<FeatureVector>; cv: { map5: number; mrr: number } }[] = [];
  for (const v of ['vectorMean', 'vectorAlign', 'vectorCover'] as const) {
    const w = vectorGrid(train, v);
    const model = weightedSum(w);
    const cv = crossValidate(train, (part) => {
      const m = weightedSum(vectorGrid(part, v));
      return (f) => learnedScore(m, f);
    });
    table.push({
      variant: `weighted sum: bm25/cosine/trigram + ${v} (grid on train)`,
      weights: w,
      trainCv: cv,
      dev: scoreRanking(dev, (f) => learnedScore(model, f)),
    });
    vectorSums.push({ name: `weighted sum + ${v}`, weights: w, cv });
  }
  // The simpler model stays unless a learned one beats it on train CV by MIN_GAIN (fold noise).
  let best: { name: string; model: LearnedReranker; cv: number } = {
    name: 'hand weights (grid re-tuned on train)',
    model: weightedSum(hand),
    cv: handCv,
  };
  for (const [name, feats] of Object.entries(VARIANTS)) {
    // Regularisation chosen by train CV too.
    let chosen = { l2: L2S[0], cv: { map5: -1, mrr: 0 } };
    for (const l2 of L2S) {
      const cv = crossValidate(train, (part) => {
        const m = trainReranker(asTraining(part), feats, { l2 });
        return (f) => learnedScore(m, f);
      });
      if (cv.map5 > chosen.cv.map5) chosen = { l2, cv };
    }
    const model = trainReranker(asTraining(train), feats, { l2: chosen.l2 });
    table.push({ variant: `logistic: ${name}`, l2: chosen.l2, trainCv: chosen.cv, dev: scoreRanking(dev, (f) => learnedScore(model, f)) });
    if (chosen.cv.map5 >= best.cv + MIN_GAIN) best = { name, model, cv: chosen.cv.map5 };
  }
  for (const v of vectorSums)
    if (v.cv.map5 >= Math.max(best.cv, handCv + MIN_GAIN)) best = { name: v.name, model: weightedSum(v.weights), cv: v.cv.map5 };
  return { table, best, handWeights: hand };
}

/** Grid over bm25 (the remainder), cosine, trigram and one word-vector feature, summing to 1. */
function vectorGrid(perQuery: Candidates[], vector: 'vectorMean' | 'vectorAlign' | 'vectorCover'): Partial<FeatureVector> {
  const steps = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
  let best: { w: Partial<FeatureVector>; map5: number } = { w: {}, map5: -1 };
  for (const cosine of steps)
    for (const trigram of steps)
      for (const v of steps) {
        const bm25 = Math.round((1 - cosine - trigram - v) * 10) / 10;
        if (bm25 < 0) continue;
        const w = { bm25, cosine, trigram, [vector]: v };
        const { map5 } = scoreRanking(perQuery, (f) => f.bm25 * bm25 + f.cosine * cosine + f.trigram * trigram + f[vector] * v);
        if (map5 > best.map5) best = { w, map5 };
      }
  return best.w;
}

/** Coarse grid over the hand re-ranking weights: features are computed once, then re-combined. */
function grid(perQuery: Candidates[]): { weights: RerankWeights; map5: number; mrr: number }[] {
  const steps = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
  const results: { weights: RerankWeights; map5: number; mrr: number }[] = [];
  for (const cosine of steps)
    for (const trigram of steps)
      for (const bigram of steps)
        for (const coverage of steps) {
          const bm25 = Math.round((1 - cosine - trigram - bigram - coverage) * 10) / 10;
          if (bm25 < 0) continue;
          const weights = { bm25, cosine, trigram, bigram, coverage };
          results.push({ weights, ...scoreRanking(perQuery, (f) => combine(f, weights)) });
        }
  return results.sort((x, y) => y.map5 - x.map5).slice(0, Number(process.env.GRID_TOP ?? 15));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = resolve(
    args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(k1|b)$/)) ?? '../shared/data/claims/clef2020-task2-claim-retrieval',
  );
  let loader = 'claim-list importer (parseFile, TSV with renamed headers in a temp folder)';
  let data: Dataset;
  try {
    data = args.includes('--direct') ? load(dir) : await loadViaImporter(dir);
    if (args.includes('--direct')) loader = 'TSV read directly (--direct)';
  } catch (err) {
    loader = `TSV read directly (importer failed: ${(err as Error).message})`;
    data = load(dir);
  }
  const started = performance.now();
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  const k1 = flag('--k1'),
    b = flag('--b');
  const index = build(data, k1 !== undefined || b !== undefined ? { bm25: { k1: k1 ?? 1.2, b: b ?? 0.75 } } : {});
  const buildMs = Math.round(performance.now() - started);
  const out: Record<string, unknown> = {
    dataset: 'CLEF 2020 CheckThat! task 2, dev',
    loader,
    claims: data.claims.length,
    queries: data.queries.length,
    buildMs,
    plainBm25: evaluate(build(data, { analyse: plainAnalyse, splitCompounds: false }), data, false),
    bm25Baseline: evaluate(index, data, false),
    fullPipeline: evaluate(index, data, true),
    targetMap5: 0.93,
    wordVectorThroughput: wordVectorThroughput(data),
    notes: {
      plainBm25: 'BM25 (k1 1.2, b 0.75) over lower-cased words minus stop words',
      bm25Baseline:
        "the same untuned BM25 over the normaliser's terms (tweet cleanup, numbers, aliases, negation, stems, compound splits), no re-ranking",
      fullPipeline:
        'top 60 BM25 candidates re-ranked by the shipped model (resources/models/crossref-reranker.json), trained and selected on the train split only; dev is only measured',
    },
  };
  if (args.includes('--grid')) out.grid = grid(candidates(index, data.queries, data.relevant)).slice(0, Number(process.env.GRID_TOP ?? 15));
  if (args.includes('--train') || args.includes('--write')) {
    // Features with word vectors always on, whatever the shipped model uses.
    const featureIndex = build(data, { reranker: null, wordVectors: shippedWordVectors() });
    const trainSplit = loadQueries(dir, 'train');
    const t0 = performance.now();
    const trainCands = candidates(featureIndex, trainSplit.queries, trainSplit.relevant);
    const devCands = candidates(featureIndex, data.queries, data.relevant);
    const { table, best, handWeights } = trainAndMeasure(trainCands, devCands);
    out.training = {
      trainQueries: trainCands.length,
      protocol: `${FOLDS}-fold CV over train queries picks l2 from ${L2S.join('/')} and the variant (a learned variant replaces the hand weights only if its CV MAP@5 is ${MIN_GAIN} higher); dev only measured`,
      table,
      chosenByTrainCv: best.name,
      ms: Math.round(performance.now() - t0),
    };
    if (args.includes('--write')) {
      const file = toRerankerFile(best.model, {
        variant: best.name,
        trainedOn: 'CLEF 2020 CheckThat! task 2 train split (800 tweets, qrels), BM25 top-60 candidates',
        trainCvMap5: best.cv,
        handWeightsOnTrain: handWeights,
        features: FEATURE_NAMES.filter((n) => best.model.weights[n] !== undefined),
        command: 'npx tsx bench/eval-crossref.ts --write',
      });
      writeFileSync(resolve('resources/models/crossref-reranker.json'), JSON.stringify(file, null, 2) + '\n');
      out.wrote = 'resources/models/crossref-reranker.json';
    }
  }
  if (args.includes('--failures')) out.failures = failures(index, data);
  console.log(JSON.stringify(out, null, 2));
}

/** Claims per second turned into word-vector ids (the "embedding" the vector features need), one thread. */
function wordVectorThroughput(data: Dataset): { claims: number; wordsWithVectors: number; claimsPerSecond: number } {
  const vectors = shippedWordVectors();
  const t = performance.now();
  let n = 0;
  for (const c of data.claims) n += vectorIds(vectors, analyseText(c.text).words).ids.length;
  const s = (performance.now() - t) / 1000;
  return { claims: data.claims.length, wordsWithVectors: n, claimsPerSecond: Math.round(data.claims.length / s) };
}

/** Queries whose matching claim is not ranked first: what to look at when tuning. */
function failures(index: SimilarityIndex, data: Dataset) {
  return data.queries.flatMap((q) => {
    const rel = data.relevant.get(q.id)!;
    const hits = index.query(q.text, { limit: 100 });
    const rank = hits.findIndex((h) => rel.has(h.id));
    if (rank === 0) return [];
    const expected = [...rel].map((id) => index.text(id));
    return [{ query: q.text, rank: rank < 0 ? null : rank + 1, expected, top: hits[0]?.text }];
  });
}

if (process.argv[1]?.endsWith('eval-crossref.ts')) await main();
