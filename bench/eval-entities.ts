// Entity quality on a small hand-labelled set (bench/data/entities-gold.json): English articles of
// ../shared/data/readability/en/ (their Readability rendering, expected.html, as paragraphs), entities from findEntities.
// Usage: npm run eval:entities [-- --split tune|report|all] [--verbose]
// Prints per-split precision, recall (people, organisations, places), type accuracy and duplicate rate.
//   precision      predicted entities whose name is a labelled entity or one of its aliases
//   recall         labelled person/organisation/place entities found by at least one predicted entity
//   type accuracy  matched predictions of a labelled person/organisation/place with an accepted type
//   duplicates     predicted entities that match a labelled entity another prediction already matches
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityType } from '../shared/domain';
import { findEntities } from '../main/extraction/entities';
import { segment } from '../main/extraction/segment';
import { parseHTML } from 'linkedom';

const ROOT = resolve(import.meta.dirname, '..');
const PAGES = resolve(ROOT, '../shared/data/readability/en');
const TYPES: Record<string, EntityType> = { p: 'person', o: 'organisation', l: 'place', x: 'other' };

interface Gold {
  names: Set<string>;
  types: EntityType[];
  label: string;
}

/** Names compare without case, dots, soft hyphens, a leading "the" or a possessive. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/'s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseGold(line: string): Gold {
  const [types, ...names] = line.split('|');
  return { names: new Set(names.map(normaliseName)), types: types.split('/').map((t) => TYPES[t]), label: names[0] };
}

interface Tally {
  predicted: number;
  correct: number;
  duplicates: number;
  gold: number;
  found: number;
  typed: number;
  typedRight: number;
  articles: number;
}

/** The readable text of the page's Readability rendering: one paragraph per block, as an import gives. */
function pageText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td')].filter(
    (el) => !el.querySelector('p, li, blockquote, pre, td, h1, h2, h3, h4, h5, h6'),
  );
  return blocks
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

async function main() {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'all' }, verbose: { type: 'boolean', default: false } } });
  const data = JSON.parse(readFileSync(join(ROOT, 'bench/data/entities-gold.json'), 'utf8')) as {
    articles: { id: string; split: 'tune' | 'report'; entities: string[] }[];
  };
  const tallies: Record<string, Tally> = {};
  const blank = (): Tally => ({ predicted: 0, correct: 0, duplicates: 0, gold: 0, found: 0, typed: 0, typedRight: 0, articles: 0 });
  let ms = 0;
  for (const article of data.articles) {
    if (values.split !== 'all' && article.split !== values.split) continue;
    const text = pageText(readFileSync(join(PAGES, article.id, 'expected.html'), 'utf8'));
    const t0 = performance.now();
    const { entities } = findEntities(text, segment(text));
    ms += performance.now() - t0;
    const gold = article.entities.map(parseGold);
    const t = (tallies[article.split] ??= blank());
    t.articles++;
    const matchedBy = new Map<Gold, number>();
    const wrong: string[] = [];
    for (const e of entities) {
      t.predicted++;
      const g = gold.find((x) => x.names.has(normaliseName(e.name)));
      if (!g) {
        wrong.push(`${e.name} (${e.type})`);
        continue;
      }
      t.correct++;
      matchedBy.set(g, (matchedBy.get(g) ?? 0) + 1);
      if (matchedBy.get(g)! > 1) t.duplicates++;
      if (!g.types.includes('other')) {
        t.typed++;
        if (g.types.includes(e.type)) t.typedRight++;
        else wrong.push(`${e.name} typed ${e.type}, is ${g.types.join('/')}`);
      }
    }
    const counted = gold.filter((g) => !g.types.includes('other'));
    t.gold += counted.length;
    t.found += counted.filter((g) => matchedBy.has(g)).length;
    if (values.verbose) {
      const missed = counted.filter((g) => !matchedBy.has(g)).map((g) => g.label);
      const dups = [...matchedBy].filter(([, n]) => n > 1).map(([g, n]) => `${g.label}×${n}`);
      console.error(
        `${article.id} [${article.split}]\n  not entities / wrong type: ${wrong.join('; ')}\n  missed: ${missed.join('; ')}\n  duplicates: ${dups.join('; ')}`,
      );
    }
  }
  const report = Object.fromEntries(
    Object.entries(tallies).map(([split, t]) => [
      split,
      {
        articles: t.articles,
        predicted: t.predicted,
        precision: ratio(t.correct, t.predicted),
        recall: ratio(t.found, t.gold),
        typeAccuracy: ratio(t.typedRight, t.typed),
        duplicateRate: ratio(t.duplicates, t.predicted),
      },
    ]),
  );
  console.log(
    JSON.stringify({ ...report, findEntitiesMs: Math.round(ms), targets: { precision: '>= 0.90', duplicateRate: '<= 0.02' } }, null, 2),
  );
}

await main();
