// Import throughput: N generated HTML articles into a fresh archive through the real pipeline
// (worker pool parsing, hashing, near-duplicate index, originals, durable inserts). Prints JSON.
//   npx tsx bench/import.ts [count=1000] [concurrency=2]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../main/archive';
import { createImportService } from '../main/importers/service';
import { writeHtmlArticles } from './html-articles';
import { requireAllImported } from './imported';

const count = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bench-import-'));
try {
  writeHtmlArticles(join(dir, 'files'), count);
  const archive = await openArchive({ dir: join(dir, 'archive'), actor: 'bench' });
  const service = createImportService({ archive, emit: () => {}, concurrency });
  const start = performance.now();
  const summary = await service.importPaths([join(dir, 'files')]);
  const seconds = (performance.now() - start) / 1000;
  requireAllImported(summary, count);
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
