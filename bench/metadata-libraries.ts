// Issue #16 item 4: do well-kept libraries beat our own metadata rules on the same pages, with the same scorer?
// Not part of npm test and not a dependency of the app: it measures, on every page of ../shared/data/metadata,
//  1. title / author / date from our importer (parseFile, as `claimdesk extract`), from metascraper (with
//     metascraper-title/-author/-date/-publisher, given the page's URL from expected.json and the page's HTML
//     decoded as our importer decodes it), and from each as a candidate behind the other ("ours, else
//     metascraper" and "metascraper, else ours"), with the time each takes per page;
//  2. dates read from the visible text a reader sees beside the headline (<time>, date/dateline-classed
//     elements, short texts): our parser (normaliseDate) against chrono-node's parsers for the page's
//     language (de, fr, es, it, pt, nl, ru, ja, ...; English otherwise), and ours-else-chrono;
// scored with score.py's own match functions, for the tune and report halves (the split of metadata-fast.ts).
// The libraries are not installed with the app: `npm install --no-save metascraper metascraper-author
// metascraper-date metascraper-title metascraper-publisher chrono-node`, or point --modules at a folder whose
// node_modules holds them.
// Usage: npx tsx bench/metadata-libraries.ts [--data DIR] [--modules DIR] [--limit N] [--rows FILE (every page's values)]
import { spawnSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { parseFile } from '../main/importers';
import { metadataHalf, metadataPages } from './metadata-pages';
import { decodeText } from '../main/importers/decode';
import { normaliseDate } from '../main/importers/meta/dates';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const data = resolve(opt('--data', '../shared/data/metadata'));
const limit = Number(opt('--limit', '0'));
const load = createRequire(join(resolve(opt('--modules', '.')), 'package.json'));

type Rules = (opts: { html: string; url: string }) => Promise<Record<string, unknown>>;
const metascraper = (load('metascraper') as (rules: unknown[]) => Rules)(
  ['metascraper-author', 'metascraper-date', 'metascraper-title', 'metascraper-publisher'].map((m) => (load(m) as () => unknown)()),
);
interface ChronoResult {
  start: { get(c: string): number | null; isCertain(c: string): boolean };
}
type ChronoParser = { parse(text: string): ChronoResult[] };
const chrono = load('chrono-node') as Record<string, ChronoParser | unknown>;
const LOCALES = ['de', 'fr', 'es', 'it', 'pt', 'nl', 'ru', 'ja', 'zh', 'uk', 'sv', 'fi'];

const half = (p: string) => metadataHalf(data, p);

/** A date chrono-node reads in a text, in the page's language, only when day, month and year are all written. */
function chronoDate(textValue: string, lang: string): string | null {
  const parser = ((LOCALES.includes(lang) ? chrono[lang] : null) ?? chrono.en) as ChronoParser;
  for (const r of parser.parse(textValue)) {
    const s = r.start;
    if (!['day', 'month', 'year'].every((c) => s.isCertain(c))) continue;
    const [y, m, d] = ['year', 'month', 'day'].map((c) => s.get(c) ?? 0);
    if (y >= 1995 && y <= new Date().getUTCFullYear() + 1) return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

/** The short texts beside a headline where a reader looks for the date, in page order. */
function visibleDateTexts(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const els = document.querySelectorAll(
    'time, [itemprop="datePublished"], [class*="date"], [class*="Date"], [class*="dateline"], [class*="time"], [class*="publish"], [class*="posted"], [class*="datum"], [class*="fecha"], [class*="byline"], [class*="meta"]',
  );
  for (let i = 0; i < els.length && out.length < 40; i++) {
    const el = els[i];
    if (/updat|modif|comment/i.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= 6 && t.length <= 120 && /\d/.test(t)) out.push(t);
  }
  return out;
}

interface Row {
  page: string;
  half: string;
  systems: Record<string, { title?: unknown; author?: unknown; date?: unknown }>;
}
const rows: Row[] = [];
const ms = { ours: 0, metascraper: 0, visibleOurs: 0, visibleChrono: 0 };
const all = metadataPages(data).slice(0, limit || undefined);
for (const page of all) {
  const expected = JSON.parse(readFileSync(join(page, 'expected.json'), 'utf8')) as { url?: string };
  const bytes = readFileSync(join(page, 'source.html'));
  const html = decodeText(bytes, 'html', 'source.html').text;
  const lang = /<html[^>]*\slang=["']?([a-z]{2,3})/i.exec(html.slice(0, 20_000))?.[1].toLowerCase() ?? '';

  let t = performance.now();
  const none = { title: null, author: null, date: null };
  let ours: Row['systems'][string] = none;
  try {
    const parsed = await parseFile(join(page, 'source.html'));
    if (parsed.kind === 'article') ours = { title: parsed.article.title, author: parsed.article.author, date: parsed.article.published };
  } catch {
    // nothing found counts as a miss
  }
  ms.ours += performance.now() - t;

  t = performance.now();
  let theirs: Row['systems'][string] = none;
  try {
    const got = await metascraper({ html, url: expected.url ?? 'https://example.invalid/' });
    theirs = { title: got.title ?? null, author: got.author ?? null, date: got.date ?? null };
  } catch {
    // a miss
  }
  ms.metascraper += performance.now() - t;

  const texts = visibleDateTexts(html);
  t = performance.now();
  const visibleOurs = texts.map((x) => normaliseDate(x)?.slice(0, 10) ?? null).find((d) => d && +d.slice(0, 4) >= 1995) ?? null;
  ms.visibleOurs += performance.now() - t;
  t = performance.now();
  const visibleChrono = texts.map((x) => chronoDate(x, lang)).find((d) => d) ?? null;
  ms.visibleChrono += performance.now() - t;

  const or = (a: unknown, b: unknown) => (a === null || a === undefined || a === '' ? b : a);
  const fields = ['title', 'author', 'date'] as const;
  const combine = (a: Row['systems'][string], b: Row['systems'][string]) => Object.fromEntries(fields.map((f) => [f, or(a[f], b[f])]));
  rows.push({
    page: relative(data, page),
    half: half(page),
    systems: {
      ours,
      metascraper: theirs,
      'ours, else metascraper': combine(ours, theirs),
      'metascraper, else ours': combine(theirs, ours),
      'visible text: ours': { date: visibleOurs },
      'visible text: chrono-node': { date: visibleChrono },
      'visible text: ours, else chrono': { date: visibleOurs ?? visibleChrono },
    },
  });
}

const file = join(os.tmpdir(), `claimdesk-metadata-libraries-${process.pid}.json`);
writeFileSync(file, JSON.stringify(rows));
if (args.includes('--rows')) writeFileSync(resolve(opt('--rows', '')), JSON.stringify(rows, null, 1));
const py = String.raw`
import json, sys, importlib.util, os
spec = importlib.util.spec_from_file_location('score', sys.argv[1]); S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
rows = json.load(open(sys.argv[2])); data = sys.argv[3]
tot = {}; order = []
for r in rows:
    exp = json.load(open(os.path.join(data, r['page'], 'expected.json'), encoding='utf-8'))
    for name, got in r['systems'].items():
        if name not in order: order.append(name)
        for f in S.FIELDS:
            if exp.get(f) is None or f not in got: continue
            ok = S.MATCH[f](exp[f], got[f])
            for h in (r['half'], 'all'):
                t = tot.setdefault((name, f), {}).setdefault(h, [0, 0]); t[0] += ok; t[1] += 1
for f in S.FIELDS:
    print(f)
    for name in order:
        if (name, f) in tot:
            t = tot[(name, f)]
            print('  ' + name.ljust(34) + '  '.join(f'{h} {t[h][0] / t[h][1]:.3f} ({t[h][0]}/{t[h][1]})' for h in ('tune', 'report', 'all')))
`;
const run = spawnSync('python3', ['-c', py, join(data, 'score.py'), file, data], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
unlinkSync(file);
process.stdout.write(run.stdout ?? '');
const per = (v: number) => `${(v / all.length).toFixed(1)} ms/page`;
console.log(
  `time: ours ${per(ms.ours)}, metascraper ${per(ms.metascraper)}; visible-text dates: ours ${per(ms.visibleOurs)}, chrono-node ${per(ms.visibleChrono)} (${all.length} pages)`,
);
process.exit(run.status ?? 1);
