// Fast attribution tuning loop (not part of npm test): runs the app's importer + extraction on every
// PolNeAR article of a split in ONE process and writes each output where score.py's --cache option
// looks for it, so `score.py --cache DIR` then scores without starting a process per article.
// Usage: npx tsx bench/attribution-fast.ts --split train [--limit N] --cache DIR [--cmd "node out/main/cli.js"]
// Data is read in place from ../shared/data/attribution/polnear, never copied.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractClaims } from '../main/extraction/index';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const split = opt('--split', 'dev');
const limit = Number(opt('--limit', '0'));
const cache = resolve(opt('--cache', '/tmp/attribution-cache'));
const cmd = opt('--cmd', 'node out/main/cli.js');
const dir = resolve(opt('--data', '../shared/data/attribution/polnear/data'), split, 'text');

let arts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
if (limit && limit < arts.length) arts = Array.from({ length: limit }, (_, i) => arts[Math.floor((i * arts.length) / limit)]);
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
const t0 = Date.now();
for (const art of arts) {
  const bytes = readFileSync(join(dir, art));
  const raw = bytes.toString('utf8');
  // The raw text as the article body (the importer's metadata lines matter little here; score.py maps
  // claims back to the raw text either way). The real CLI run is `npm run eval:attribution`.
  const text = raw;
  const [published, language, wireAgency, outlet] = [null, 'en', null, null];
  const threshold = args.includes('--threshold') ? Number(opt('--threshold', '0.5')) : undefined;
  const { claims } = extractClaims({ text, published, language, wireAgency, outlet }, { threshold });
  const key = createHash('sha1')
    .update(cmd + '\0' + raw)
    .digest('hex');
  writeFileSync(join(cache, key + '.json'), JSON.stringify({ article: { text }, claims }));
}
console.error(`${arts.length} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
