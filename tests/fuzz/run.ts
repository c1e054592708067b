// The long fuzz run: npm run fuzz -- --iterations 2000 --seed 7 [--shared ../shared/data/files] [--timeout 10000] [--ocr-pages 50]
// Prints a JSON report on stdout; exits 1 if any file hung or was refused without a clear error.
// Then `.claimdesk` archive files: oversized, broken and mutated ones (archive-cases.ts).
import { parseArgs } from 'node:util';
import { runArchiveFuzz } from './archive-cases';
import { DEFAULT_SHARED_FILES, filesUnder } from './corpus';
import { runFuzz } from './harness';

const { values } = parseArgs({
  options: {
    iterations: { type: 'string', default: '1000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    shared: { type: 'string', default: DEFAULT_SHARED_FILES },
    'no-shared': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '10000' },
    'ocr-pages': { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '2' },
  },
});

const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${v}"`);
  return n;
};

const sharedFiles = values['no-shared'] ? [] : filesUnder(values.shared);
const report = await runFuzz({
  iterations: positive('iterations', values.iterations),
  seed: positive('seed', values.seed),
  sharedFiles,
  timeoutMs: positive('timeout', values.timeout),
  maxOcrPages: positive('ocr-pages', values['ocr-pages']),
  concurrency: Math.max(1, positive('concurrency', values.concurrency)),
  onProgress: (done, total) => {
    if (done % 100 === 0 || done === total) process.stderr.write(`fuzz: ${done}/${total}\n`);
  },
});
const archives = await runArchiveFuzz({
  seed: positive('seed', values.seed),
  mutants: Math.ceil(positive('iterations', values.iterations) / 10),
});
console.log(JSON.stringify({ ...report, sharedDir: sharedFiles.length ? values.shared : null, archives }, null, 2));
process.exitCode = report.problems.length || archives.problems.length ? 1 : 0;
