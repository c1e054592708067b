// Latency and memory of cross-referencing over generated claims (prints JSON):
//  1. the similarity index alone (in memory): build time, heap, query and update latency;
//  2. `similar` and friends through a real archive of the same size (generated once into a cache
//     folder with bench/generate.ts, reused on later runs).
// Usage: node --expose-gc --import tsx bench/crossref.ts [--claims 100000] [--queries 500]
//        [--archive-dir DIR] [--index-only]
import os from 'node:os';
import path from 'node:path';
import { openArchive } from '../main/archive';
import { createCrossref, type Crossref } from '../main/crossref';
import { createSimilarityIndex } from '../main/crossref/similarity';
import { cachedArchive } from './cache';
import { seededRandom } from '../main/util/random';

const COMMON = `government minister president troops border election vaccine police army report million
percent people country city officials war military attack deal tax prices oil economy court law health
children women workers company bank market video photo shows claimed says denied confirmed killed sent
deployed arrested banned announced plans increase decrease record since first largest`.split(/\s+/);
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'shi', 'du', 'pel', 'an', 'gor', 'is', 'un', 'bre', 'sa', 'ti'];

/** A Zipf-distributed vocabulary: a few very common words, a long tail of rare names. */
function makeVocabulary(random: () => number, size: number): string[] {
  const words = [...COMMON];
  while (words.length < size) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.push(w);
  }
  return words;
}

function zipfPick(random: () => number, vocab: string[]): string {
  // Inverse-CDF of a ~1/rank distribution: rank = size^u.
  const rank = Math.floor(Math.pow(vocab.length, random())) - 1;
  return vocab[Math.min(rank, vocab.length - 1)];
}

function makeClaim(random: () => number, vocab: string[]): string {
  const length = 10 + Math.floor(random() * 20);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(zipfPick(random, vocab));
  if (random() < 0.3) words.splice(3, 0, `${Math.floor(random() * 10_000)}`, 'per', 'cent');
  if (random() < 0.2) words.splice(2, 0, 'did', 'not');
  return words.join(' ') + '.';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (x: number) => Math.round(x * 100) / 100;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) };
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function queryLatencies(crossref: Crossref, claimCount: number, queryCount: number) {
  const random = seededRandom(7);
  const similar: number[] = [];
  const cluster: number[] = [];
  const independence: number[] = [];
  const timeline: number[] = [];
  for (let i = 0; i < queryCount; i++) {
    const id = 1 + Math.floor(random() * claimCount);
    similar.push(timed(() => crossref.similar({ claimId: id }, { limit: 10 }))[1]);
    if (i % 5 === 0) {
      cluster.push(timed(() => crossref.clusterOf(id))[1]);
      independence.push(timed(() => crossref.independence(id))[1]);
      timeline.push(timed(() => crossref.timeline({ clusterOf: id }))[1]);
    }
  }
  return { similarMs: stats(similar), clusterOfMs: stats(cluster), independenceMs: stats(independence), timelineMs: stats(timeline) };
}

/** `similar`, clusters, independence and timelines through the archive's public API. */
async function archiveBench(claimCount: number, queryCount: number, dir: string) {
  const generateMs = (await cachedArchive(dir, { articles: Math.max(1, Math.round(claimCount / 10)), claims: claimCount })) ?? 0;
  const archive = await openArchive({ dir, actor: 'bench' });
  try {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const crossref = createCrossref(archive);
    const warmStart = performance.now();
    const indexed = await crossref.warm();
    const warmMs = performance.now() - warmStart;
    global.gc?.();
    const indexHeap = process.memoryUsage().heapUsed - heapBefore;
    return {
      claims: indexed,
      generateMs,
      /** Background build in 50 ms slices (the event loop keeps running between them). */
      buildFromArchiveMs: Math.round(warmMs),
      indexHeapMB: mb(indexHeap),
      ...queryLatencies(crossref, claimCount, queryCount),
      rssMB: mb(process.memoryUsage().rss),
    };
  } finally {
    await archive.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const claimCount = flag('--claims', 100_000);
  const queryCount = flag('--queries', 500);
  const random = seededRandom(42);
  const vocab = makeVocabulary(random, 60_000);
  const claims = Array.from({ length: claimCount }, () => makeClaim(random, vocab));

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = createSimilarityIndex();
  const buildStart = performance.now();
  claims.forEach((text, i) => index.add(i + 1, text));
  const buildMs = performance.now() - buildStart;
  global.gc?.();
  const heapIndex = process.memoryUsage().heapUsed - heapBefore;

  const measure = (rerank: boolean) => {
    const times: number[] = [];
    for (let q = 0; q < queryCount; q++) {
      const id = 1 + Math.floor(random() * claimCount);
      // A paraphrase-like query: the claim with a few words dropped and one added.
      const words = claims[id - 1].split(' ').filter(() => random() > 0.2);
      words.push(zipfPick(random, vocab));
      const t0 = performance.now();
      index.query(words.join(' '), { limit: 10, excludeId: id, rerank });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times[times.length - 1]) };
  };

  const updates: number[] = [];
  for (let i = 0; i < 1_000; i++) {
    const id = 1 + Math.floor(random() * claimCount);
    const t0 = performance.now();
    index.add(id, makeClaim(random, vocab));
    updates.push(performance.now() - t0);
  }
  updates.sort((a, b) => a - b);

  const indexOnly = args.includes('--index-only');
  const dirFlag = args.indexOf('--archive-dir');
  const dir = dirFlag >= 0 ? args[dirFlag + 1] : path.join(os.tmpdir(), 'claimdesk-bench-crossref');
  const throughArchive = indexOnly ? null : await archiveBench(claimCount, queryCount, dir);

  console.log(
    JSON.stringify(
      {
        claims: claimCount,
        queries: queryCount,
        buildMs: Math.round(buildMs),
        indexHeapMB: mb(heapIndex),
        rssMB: mb(process.memoryUsage().rss),
        similarMs: measure(true),
        bm25OnlyMs: measure(false),
        updateMs: { p50: round(percentile(updates, 50)), p95: round(percentile(updates, 95)) },
        targetP95Ms: 50,
        gcExposed: typeof global.gc === 'function',
        throughArchive,
      },
      null,
      2,
    ),
  );
}

await main();
