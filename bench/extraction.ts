// Claim extraction bench. Usage:
//   npx tsx bench/extraction.ts            → JSON: scoring speed (sentences/s) and extraction speed
//   npx tsx bench/extraction.ts --sample [PATH]  → also a per-claim table for the sample article
import { resolve } from 'node:path';
import { extractClaims, scoreSentences, splitSentences } from '../main/extraction/index';
import { readSample, SAMPLE_PATH } from './sample-article';

function printTable(path: string): void {
  const { text, published } = readSample(path);
  const { claims } = extractClaims({ text, published });
  const cell = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
  console.log(`${cell('quote', 42)} | ${cell('claimant', 28)} | ${cell('kind', 8)} | score | ${cell('resolveBy', 10)} | chain`);
  for (const c of claims) {
    const chainText = c.attribution.map((h) => h.name).join(' → ');
    console.log(
      `${cell(c.quote, 42)} | ${cell(c.claimant ?? '—', 28)} | ${cell(c.kind, 8)} | ${c.score.toFixed(2)}  | ${cell(c.resolveBy ?? '', 10)} | ${chainText}`,
    );
  }
  console.log();
}

function timeIt(run: () => void, minMs = 1_000): { iterations: number; ms: number } {
  run(); // warm-up: loads the model
  const t0 = performance.now();
  let iterations = 0;
  while (performance.now() - t0 < minMs) {
    run();
    iterations++;
  }
  return { iterations, ms: performance.now() - t0 };
}

const args = process.argv.slice(2);
const samplePath = resolve(args.find((a) => !a.startsWith('--')) ?? SAMPLE_PATH);
if (args.includes('--sample')) printTable(samplePath);

const { text, published } = readSample(samplePath);
const sentences = splitSentences(text).map((s) => text.slice(s.start, s.end));
const batch = Array.from({ length: 2_000 }, (_, i) => sentences[i % sentences.length]);
const scoring = timeIt(() => scoreSentences(batch));
const extraction = timeIt(() => extractClaims({ text, published }));
console.log(
  JSON.stringify({
    scoringSentencesPerSecond: Math.round((scoring.iterations * batch.length * 1000) / scoring.ms),
    extractionArticlesPerSecond: Math.round((extraction.iterations * 1000) / extraction.ms),
    extractionSentencesPerSecond: Math.round((extraction.iterations * sentences.length * 1000) / extraction.ms),
    sampleSentences: sentences.length,
  }),
);
