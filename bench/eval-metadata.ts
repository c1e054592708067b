// Article metadata evaluation (npm run eval:metadata; not part of npm test): runs the dev set's scorer
// (../shared/data/metadata/score.py, third-party pages read in place) against the built CLI
// (`node out/main/cli.js extract FILE --json`) and prints the figures issue #16 targets, then the
// same figures per page language (the <html lang> the page declares, "?" when none).
// Builds first when out/main/cli.js is missing or older than any source file under main/.
// Usage: npm run eval:metadata [-- --data DIR] [--limit N] [--jobs N] [--details FILE] [--cli out/main/cli.js] [--no-build]
import { spawnSync } from 'node:child_process';
import { ensureBuiltCli } from './built-cli';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const data = resolve(opt('--data', '../shared/data/metadata'));
const scorer = join(resolve('../shared/data/metadata'), 'score.py');
const cli = opt('--cli', 'out/main/cli.js');
const TARGETS: [string, number][] = [
  ['date', 0.9],
  ['author', 0.85],
  ['title', 0.9],
];

if (!existsSync(scorer)) {
  console.error(`eval:metadata: ${scorer} not found (the dev set lives in ../shared/data/metadata)`);
  process.exit(2);
}
if (!args.includes('--no-build') && !args.includes('--cli')) ensureBuiltCli('eval:metadata');

const tmp = mkdtempSync(join(os.tmpdir(), 'claimdesk-eval-metadata-'));
const details = args.includes('--details') ? resolve(opt('--details', '')) : join(tmp, 'details.jsonl');
const pass = ['--limit', '--jobs'].flatMap((name) => (args.includes(name) ? [name, opt(name, '')] : []));
const run = spawnSync('python3', [scorer, data, '--cmd', `node ${cli}`, '--details', details, ...pass], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(run.stdout ?? '');
if (run.status !== 0) process.exit(run.status ?? 1);

const lines = run.stdout.trim().split('\n');
const result = JSON.parse(lines[lines.length - 1]) as Record<string, number | null>;
const fmt = (v: number | null | undefined) => (typeof v === 'number' ? v.toFixed(3) : 'n/a');
console.log(`\nIssue #16 targets (${String(result.n_pages)} pages, ${String(result.n_errors)} command errors):`);
for (const [field, target] of TARGETS) {
  const v = result[field];
  console.log(
    `  ${field.padEnd(7)} ${fmt(v)}  (${String(result[`ok_${field}`])}/${String(result[`n_${field}`])})  target ≥ ${target.toFixed(2)}  ${v !== null && v >= target ? 'met' : 'NOT met'}`,
  );
}

// Per language: the language each page declares about itself (read from the page, in place).
const byLang = new Map<string, Record<string, [number, number]>>();
for (const line of readFileSync(details, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const row = JSON.parse(line) as { page: string; match: Record<string, boolean> };
  const page = existsSync(join(data, row.page, 'source.html')) ? join(data, row.page) : data;
  const head = readFileSync(join(page, 'source.html')).subarray(0, 20_000).toString('latin1');
  const lang = /<html[^>]*\slang=["']?([a-z]{2,3})/i.exec(head)?.[1].toLowerCase() ?? '?';
  const counts = byLang.get(lang) ?? { date: [0, 0], author: [0, 0], title: [0, 0] };
  for (const [field, ok] of Object.entries(row.match)) {
    counts[field][0] += ok ? 1 : 0;
    counts[field][1] += 1;
  }
  byLang.set(lang, counts);
}
console.log('\nPer declared page language (ok/n):');
for (const [lang, c] of [...byLang].sort((a, b) => b[1].date[1] + b[1].title[1] - (a[1].date[1] + a[1].title[1]))) {
  const cell = (f: string) => (c[f][1] ? `${f} ${c[f][0]}/${c[f][1]} = ${(c[f][0] / c[f][1]).toFixed(2)}` : '').padEnd(24);
  console.log(`  ${lang.padEnd(4)} ${cell('date')}${cell('author')}${cell('title')}`);
}
console.log(JSON.stringify(result));
rmSync(tmp, { recursive: true, force: true });
