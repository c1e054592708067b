// Attribution evaluation (npm run eval:attribution; not part of npm test): runs PolNeAR's scorer
// (../shared/data/attribution/score.py, third-party data read in place) against the built CLI
// (`node out/main/cli.js extract FILE --json`) and prints the figures issue #15 targets.
// Builds first when out/main/cli.js is missing or older than any source file under main/.
// Usage: npm run eval:attribution [-- --split dev|train] [--limit N] [--examples N] [--dump FILE] [--no-build]
import { spawnSync } from 'node:child_process';
import { ensureBuiltCli } from './built-cli';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const split = opt('--split', 'dev');
const data = resolve(opt('--data', '../shared/data/attribution'));
const scorer = join(data, 'score.py');
const cli = 'out/main/cli.js';

const TARGETS: [string, number][] = [
  ['full_named_recall', 0.8],
  ['named_source_acc', 0.9],
  ['pronoun_resolved', 0.85],
  ['content_recall', 0.85],
  ['attrib_precision', 0.95],
];

if (!existsSync(scorer)) {
  console.error(`eval:attribution: ${scorer} not found (the PolNeAR data lives in ../shared/data/attribution)`);
  process.exit(2);
}
if (!args.includes('--no-build')) ensureBuiltCli('eval:attribution');

const pass = ['--limit', '--examples', '--dump', '--cache', '--jobs'].flatMap((name) => (args.includes(name) ? [name, opt(name, '')] : []));
const run = spawnSync('python3', [scorer, join(data, 'polnear'), '--split', split, '--cmd', `node ${cli}`, ...pass], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
  maxBuffer: 64 * 1024 * 1024,
});
if (run.status !== 0) {
  process.stdout.write(run.stdout ?? '');
  process.exit(run.status ?? 1);
}
const lines = run.stdout.trim().split('\n');
const result = JSON.parse(lines[lines.length - 1]) as Record<string, unknown> & { by_kind: Record<string, Record<string, number | null>> };
for (const line of lines.slice(0, -1)) console.log(line);
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
console.log(
  `\nPolNeAR ${split}: ${String(result.n_articles)} articles, ${String(result.n_gold)} gold attributions (${String(result.n_named)} named, ${String(result.n_pronoun)} pronoun), ${String(result.n_failed)} failed, ${String(result.runtime_s)} s`,
);
for (const [key, target] of TARGETS) {
  const value = result[key] as number | null;
  console.log(
    `  ${key.padEnd(22)} ${fmt(value)}   target ≥ ${target.toFixed(2)}  ${value !== null && value >= target ? 'met' : 'NOT met'}`,
  );
}
for (const key of ['attrib_precision_src', 'nosource_null', 'kind_acc']) console.log(`  ${key.padEnd(22)} ${fmt(result[key])}`);
for (const [kind, v] of Object.entries(result.by_kind))
  console.log(
    `  ${kind.padEnd(9)} n=${String(v.n).padEnd(5)} content_recall ${fmt(v.content_recall)}  named_source_acc ${fmt(v.named_source_acc)}  full_named_recall ${fmt(v.full_named_recall)}`,
  );
console.log(JSON.stringify(result));
