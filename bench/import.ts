// Import throughput: N generated HTML articles into a fresh archive through the real pipeline
// (worker pool parsing, hashing, near-duplicate index, originals, durable inserts). Prints JSON.
//   npx tsx bench/import.ts [count=1000] [concurrency=2]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../main/archive';
import { createImportService } from '../main/importers/service';
import { seededRandom } from '../main/util/random';

const count = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 2);
const WORDS =
  'government minister said troops border talks economy budget election court police report agency official week country president claims percent million region security plan'.split(
    ' ',
  );


function article(i: number): string {
  const rand = seededRandom(i + 1);
  const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const paragraphs = Array.from(
    { length: 8 },
    () => `<p>${sentence()}, the ${WORDS[i % WORDS.length]} said on Monday. ${sentence()}.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Story ${i}</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Reporter ${i % 37}">
<meta property="article:published_time" content="2024-0${(i % 9) + 1}-1${i % 10}T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Story ${i}</h1>${paragraphs}</article><footer>© Bench News</footer></body></html>`;
}

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-import-'));
try {
  mkdirSync(join(dir, 'files'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, 'files', `story-${String(i).padStart(5, '0')}.html`), article(i));
  const archive = await openArchive({ dir: join(dir, 'archive'), actor: 'bench' });
  const service = createImportService({ archive, emit: () => {}, concurrency });
  const start = performance.now();
  const summary = await service.importPaths([join(dir, 'files')]);
  const seconds = (performance.now() - start) / 1000;
  await service.close();
  await archive.close();
  console.log(
    JSON.stringify({
      bench: 'import-html',
      articles: count,
      concurrency,
      imported: summary.imported,
      duplicates: summary.duplicates,
      failed: summary.failed.length,
      seconds: Math.round(seconds * 100) / 100,
      articlesPerSecond: Math.round((summary.imported / seconds) * 10) / 10,
      targetArticlesPerSecond: 20,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
