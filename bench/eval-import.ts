// Importer evaluation (not part of npm test). Three modes:
//   npx tsx bench/eval-import.ts [../shared/data/readability]      metadata vs Readability's expected output
//   npx tsx bench/eval-import.ts --files [../shared/data/files]     every file through the worker pool
//   npx tsx bench/eval-import.ts --sniff [../shared/data/files/html-nonutf8/html5lib-encoding-sniffing]
// Data stays in shared/ (research use only); it is read from there, never copied.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createImportPool } from '../main/importers/pool';
import { prescanHtmlCharset } from '../main/importers/charset-prescan';
import { dayOf } from '../main/importers/meta/dates';
import type { ParsedArticle } from '../main/importers/types';

const args = process.argv.slice(2);
const mode = args[0]?.startsWith('--') ? args.shift()! : '--metadata';
const defaults: Record<string, string> = {
  '--metadata': '../shared/data/readability',
  '--files': '../shared/data/files',
  '--sniff': '../shared/data/files/html-nonutf8/html5lib-encoding-sniffing',
};
const root = resolve(args[0] ?? defaults[mode]);

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const normByline = (s: string | null | undefined) => norm(s).replace(/^(by|von|par|por)\s+/, '');
const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

async function evalMetadata(): Promise<void> {
  const pool = createImportPool({ concurrency: 2 });
  const pages = ['en', 'non-english'].flatMap((set) =>
    existsSync(join(root, set)) ? readdirSync(join(root, set)).map((d) => join(root, set, d)) : [],
  );
  const tally = { title: [0, 0], date: [0, 0], bylineSet: [0, 0], bylineAll: [0, 0] };
  const misses: string[] = [];
  for (const page of pages.filter((p) => existsSync(join(p, 'source.html')))) {
    const expected = JSON.parse(readFileSync(join(page, 'expected-metadata.json'), 'utf8')) as {
      title?: string;
      byline?: string | null;
      publishedTime?: string | null;
    };
    const parsed = await pool.parse(join(page, 'source.html'));
    const a = (parsed as { article: ParsedArticle }).article;
    const name = relative(root, page);
    const count = (key: keyof typeof tally, ok: boolean, detail: string) => {
      tally[key][1]++;
      if (ok) tally[key][0]++;
      else misses.push(`${key} ${name}: ${detail}`);
    };
    count('title', norm(a.title) === norm(expected.title), `${JSON.stringify(a.title)} vs ${JSON.stringify(expected.title)}`);
    if (expected.publishedTime)
      count('date', dayOf(a.published) === expected.publishedTime.slice(0, 10), `${a.published} vs ${expected.publishedTime}`);
    if (expected.byline)
      count(
        'bylineSet',
        normByline(a.author) === normByline(expected.byline),
        `${JSON.stringify(a.author)} vs ${JSON.stringify(expected.byline)}`,
      );
    count(
      'bylineAll',
      normByline(a.author) === normByline(expected.byline),
      `${JSON.stringify(a.author)} vs ${JSON.stringify(expected.byline)}`,
    );
  }
  await pool.close();
  const rate = (k: keyof typeof tally) => ({ matched: tally[k][0], of: tally[k][1], percent: pct(tally[k][0], tally[k][1]) });
  console.log(
    JSON.stringify(
      {
        pages: tally.title[1],
        title: rate('title'),
        publishedDate: rate('date'),
        bylineWhereExpected: rate('bylineSet'),
        bylineAllPages: rate('bylineAll'),
        misses,
      },
      null,
      2,
    ),
  );
}

async function evalFiles(): Promise<void> {
  const pool = createImportPool({ concurrency: 2 });
  const files = walk(root).filter((f) => !/(^|\/)(README\.md|MANIFEST\.tsv|LICENSE[^/]*)$/.test(f));
  const rows: { file: string; result: string; ms: number; error: string }[] = [];
  for (const file of files) {
    const start = performance.now();
    try {
      const parsed = await pool.parse(file);
      const what = parsed.kind === 'article' ? `article ${parsed.article.text.length} chars` : `${parsed.claims.length} claims`;
      rows.push({ file: relative(root, file), result: what, ms: Math.round(performance.now() - start), error: '' });
    } catch (err) {
      const e = err as { code?: string; message?: string };
      rows.push({
        file: relative(root, file),
        result: e.code ?? 'CRASH',
        ms: Math.round(performance.now() - start),
        error: e.message ?? String(err),
      });
    }
  }
  await pool.close();
  const width = Math.max(...rows.map((r) => r.file.length));
  for (const r of rows) console.log(`${r.file.padEnd(width)}  ${r.result.padEnd(22)} ${String(r.ms).padStart(6)} ms  ${r.error}`);
  const byCode = (code: string) => rows.filter((r) => r.result === code).length;
  const summary = {
    files: rows.length,
    parsed: rows.filter((r) => !r.error).length,
    refused: rows.filter((r) => r.error).length,
    crashes: rows.filter((r) => r.result === 'CRASH' || r.result === 'INTERNAL').length,
    hangs: byCode('TIMEOUT'),
    refusalsWithoutMessage: rows.filter((r) => r.error === '' && r.result !== '' && /^[A-Z_]+$/.test(r.result)).length,
    slowestMs: Math.max(...rows.map((r) => r.ms)),
    totalMs: rows.reduce((s, r) => s + r.ms, 0),
  };
  console.log(JSON.stringify(summary, null, 2));
}

/** html5lib-tests encoding/*.dat: #data ... #encoding ... cases for the meta prescan. */
function evalSniff(): void {
  let total = 0;
  let matched = 0;
  const misses: string[] = [];
  const canonical = (l: string) =>
    l
      .toLowerCase()
      .replace(/^(iso[-_]?8859[-_]?1|latin1|us-ascii|ascii)$/, 'windows-1252')
      .replace(/^iso8859-?(\d+)$/, 'iso-8859-$1');
  for (const file of readdirSync(root).filter((f) => f.endsWith('.dat'))) {
    for (const block of readFileSync(join(root, file), 'latin1')
      .split(/^#data\n/m)
      .slice(1)) {
      const [data, rest = ''] = block.split(/^#encoding\n/m);
      const expected = rest.split('\n')[0].trim();
      const bytes = Buffer.from(data.replace(/\n$/, ''), 'latin1');
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf; // decodeText checks the BOM first
      const found = bom ? 'utf-8' : (prescanHtmlCharset(bytes) ?? 'windows-1252');
      total++;
      if (canonical(found) === canonical(expected)) matched++;
      else misses.push(`${file}: expected ${expected}, got ${found}: ${JSON.stringify(data.slice(0, 80))}`);
    }
  }
  console.log(JSON.stringify({ cases: total, matched, percent: pct(matched, total), misses }, null, 2));
}

if (mode === '--files') await evalFiles();
else if (mode === '--sniff') evalSniff();
else await evalMetadata();
process.exit(0);
