// The similar-claims panel's cut-off: below which score a "match" is not listed. Measured on CLEF
// 2020 CheckThat! task 2 (tweets as queries, verified claims indexed, qrels say which is the match):
// the panel's top 8 per query, each hit labelled true or false. The cut-off is chosen on train (best
// F2 of listed hits), then only measured on dev. F2, not F1: a researcher who misses a real match loses more than one who
// reads past a weak one, so recall counts twice.
// Usage: npx tsx bench/similar-cutoff.ts [../shared/data/claims/clef2020-task2-claim-retrieval]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSimilarityIndex } from '../main/crossref/similarity';
import { load, parseTsv } from './eval-crossref';

const dir = resolve(process.argv[2] ?? '../shared/data/claims/clef2020-task2-claim-retrieval');
const PANEL_LIMIT = 8;

function split(name: 'train' | 'dev') {
  const queries = parseTsv(readFileSync(join(dir, `${name}/tweets.queries.tsv`), 'utf8')).slice(1);
  const relevant = new Map<string, Set<number>>();
  for (const line of readFileSync(join(dir, `${name}/tweet-vclaim-pairs.qrels`), 'utf8').split('\n')) {
    const [qid, , cid, rel] = line.trim().split(/\s+/);
    if (!qid || rel === '0') continue;
    if (!relevant.has(qid)) relevant.set(qid, new Set());
    relevant.get(qid)!.add(Number(cid));
  }
  return { queries: queries.filter(([id]) => relevant.has(id)), relevant };
}

const index = createSimilarityIndex();
for (const c of load(dir).claims) index.add(c.id, c.text);

function hits(name: 'train' | 'dev') {
  const { queries, relevant } = split(name);
  const out: { score: number; ok: boolean }[] = [];
  let matches = 0;
  for (const [id, text] of queries) {
    matches += relevant.get(id)!.size;
    for (const h of index.query(text, { limit: PANEL_LIMIT })) out.push({ score: h.score, ok: relevant.get(id)!.has(h.id) });
  }
  return { out, matches };
}

function at(cut: number, { out, matches }: ReturnType<typeof hits>) {
  const listed = out.filter((h) => h.score >= cut);
  const tp = listed.filter((h) => h.ok).length;
  const precision = listed.length ? tp / listed.length : 1;
  const recall = tp / matches;
  return {
    cut,
    precision: +precision.toFixed(3),
    recall: +recall.toFixed(3),
    f2: +((5 * precision * recall) / (4 * precision + recall || 1)).toFixed(3),
  };
}

const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))] ?? NaN;
const train = hits('train');
const dev = hits('dev');
const trueScores = train.out.filter((h) => h.ok).map((h) => h.score);
const falseScores = train.out.filter((h) => !h.ok).map((h) => h.score);
let best = at(0, train);
for (let cut = 0.02; cut <= 0.9; cut += 0.01) {
  const r = at(+cut.toFixed(2), train);
  if (r.f2 > best.f2) best = r;
}
console.log(
  JSON.stringify(
    {
      train: {
        trueMatches: { n: trueScores.length, p10: q(trueScores, 0.1), p25: q(trueScores, 0.25), median: q(trueScores, 0.5) },
        falseMatches: { n: falseScores.length, median: q(falseScores, 0.5), p90: q(falseScores, 0.9), p99: q(falseScores, 0.99) },
        chosen: best,
        at: [0.1, 0.16, 0.2, 0.25, 0.3].map((c) => at(c, train)),
      },
      dev: { atChosen: at(best.cut, dev), noCut: at(0, dev) },
    },
    null,
    1,
  ),
);
