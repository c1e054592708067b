// Fast metadata tuning loop (not part of npm test; the official figure is `npm run eval:metadata`): parses
// every page of ../shared/data/metadata in ONE process with the importer `claimdesk extract` uses, then
// scores title/author/date with score.py's own matching functions (imported from the scorer, not ported),
// for a TUNE half and a REPORT half of the pages (split by a hash of the page folder). Look only at tune
// failures when changing rules; a rule that helps tune but not report is overfitting.
// Usage: npx tsx bench/metadata-fast.ts [--data DIR] [--limit N] [--failures tune|report FILE] [--by-language]
// Pages are read in place, never copied.
import { spawnSync } from 'node:child_process';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseFile } from '../main/importers';
import { metadataHalf, metadataPages } from './metadata-pages';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const data = resolve(opt('--data', '../shared/data/metadata'));
const limit = Number(opt('--limit', '0'));

const all = metadataPages(data).slice(0, limit || undefined);
const half = (p: string) => metadataHalf(data, p);
/** The language a page declares about itself (<html lang>), as eval:metadata groups them; "?" when none. */
function declaredLanguage(page: string): string {
  const head = readFileSync(join(page, 'source.html')).subarray(0, 20_000).toString('latin1');
  return /<html[^>]*\slang=["']?([a-z]{2,3})/i.exec(head)?.[1].toLowerCase() ?? '?';
}
const rows: { page: string; half: string; lang: string; got: Record<string, unknown> | null; error?: string }[] = [];
const t0 = Date.now();
for (const page of all) {
  try {
    const parsed = await parseFile(join(page, 'source.html'));
    if (parsed.kind !== 'article') throw new Error('not an article');
    const { title, author, published } = parsed.article;
    rows.push({ page: relative(data, page), half: half(page), lang: declaredLanguage(page), got: { title, author, published } });
  } catch (e) {
    rows.push({ page: relative(data, page), half: half(page), lang: declaredLanguage(page), got: null, error: (e as Error).message });
  }
}
const file = join(os.tmpdir(), `claimdesk-metadata-fast-${process.pid}.json`);
writeFileSync(file, JSON.stringify(rows));
const py = String.raw`
import json, sys, importlib.util, os
spec = importlib.util.spec_from_file_location('score', sys.argv[1]); S = importlib.util.module_from_spec(spec); spec.loader.exec_module(S)
rows = json.load(open(sys.argv[2])); data = sys.argv[3]; fail_half = sys.argv[4]; fail_file = sys.argv[5]; by_lang = sys.argv[6] == '1'
tot = {}; fails = []
for r in rows:
    exp = json.load(open(os.path.join(data, r['page'], 'expected.json'), encoding='utf-8'))
    for f in S.FIELDS:
        if exp.get(f) is None: continue
        ok = bool(r['got']) and S.MATCH[f](exp[f], (r['got'] or {}).get('published' if f == 'date' else f))
        for h in (r['half'], 'all', 'lang:' + r['lang']):
            t = tot.setdefault(h, {}).setdefault(f, [0, 0]); t[0] += ok; t[1] += 1
        if not ok and r['half'] == fail_half: fails.append({'page': r['page'], 'field': f, 'expected': exp[f], 'got': (r['got'] or {}).get('published' if f == 'date' else f), 'error': r.get('error')})
for h in ('tune', 'report', 'all'):
    print(h.ljust(7), '  '.join(f'{f} {tot[h][f][0] / tot[h][f][1]:.3f} ({tot[h][f][0]}/{tot[h][f][1]})' for f in S.FIELDS if f in tot.get(h, {})))
if by_lang:
    langs = sorted((k for k in tot if k.startswith('lang:')), key=lambda k: -sum(v[1] for v in tot[k].values()))
    for k in langs:
        print(k[5:].ljust(5), '  '.join(f'{f} {tot[k][f][0]}/{tot[k][f][1]} = {tot[k][f][0] / tot[k][f][1]:.2f}'.ljust(22) for f in S.FIELDS if f in tot[k]))
if fail_file != '-': json.dump(fails, open(fail_file, 'w'), indent=1, ensure_ascii=False)
`;
const failures = args.includes('--failures') ? [opt('--failures', 'tune'), resolve(args[args.indexOf('--failures') + 2])] : ['tune', '-'];
const run = spawnSync('python3', ['-c', py, join(data, 'score.py'), file, data, ...failures, args.includes('--by-language') ? '1' : '0'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
unlinkSync(file);
process.stdout.write(run.stdout ?? '');
console.error(`${all.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(run.status ?? 1);
