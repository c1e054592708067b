// Report benchmark (not part of npm test): a 500-claim report from an archive to a PDF file,
// end to end (read model, render HTML, print with headless Chromium, write). Prints JSON.
//   npx tsx bench/report.ts [--claims 500] [--runs 3] [--keep /tmp/report-500.pdf]
import { mkdtempSync, rmSync, statSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
import { openArchive, type Archive } from '../main/archive';
import type { Article, NewClaim } from '../shared/domain';
import { buildReportModel } from '../main/reports/build-model';
import { pdfFooterTemplate, renderReportHtml } from '../main/reports/html';
import { renderPdf } from '../main/reports/pdf';

const { values } = parseArgs({
  options: { claims: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' }, keep: { type: 'string' } },
});
const CLAIMS = Number(values.claims);
const RUNS = Number(values.runs);
const VERDICTS = ['true', 'mostly-true', 'mixed', 'misleading', 'mostly-false', 'false', 'unprovable', null];
const NAMES = ['Kim Jong Gyu', '김정규', 'Мария Захарова', 'Volodymyr Zelensky', 'Pentagon', 'NATO', 'Yonhap', 'KCNA'];

async function seed(archive: Archive): Promise<void> {
  const articles: Article[] = [];
  for (let i = 0; i < 25; i++) {
    const text =
      `Article ${i}. ` + 'Officials said troops crossed the border near the river and were seen at bases in the Far East. '.repeat(20);
    articles.push(
      await archive.articles.insert({
        title: `Report ${i} on troop movements`,
        outlet: ['AFP', 'Reuters', 'Yonhap', 'TASS', 'BBC'][i % 5],
        published: `2024-10-${String((i % 28) + 1).padStart(2, '0')}`,
        url: `https://example.org/${i}`,
        text,
      }),
    );
  }
  const claims: NewClaim[] = Array.from({ length: CLAIMS }, (_, i) => ({
    articleId: articles[i % articles.length].id,
    statement: `Claim ${i + 1}: officials said ${i * 37} soldiers crossed the border near sector ${i % 17}, according to ${NAMES[i % NAMES.length]}.`,
    quote: i % 2 === 0 ? `${i * 37} soldiers crossed the border` : '',
    claimant: NAMES[i % NAMES.length],
    attribution: [
      { name: NAMES[i % NAMES.length], role: 'speaker' },
      { name: 'AFP', role: 'agency' },
    ],
    claimDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    verdict: VERDICTS[i % VERDICTS.length],
    verdictNote: VERDICTS[i % VERDICTS.length] ? `Checked against satellite imagery and two independent sources (${i}).` : null,
    tags: ['troops', `sector-${i % 17}`],
    entities: [{ name: NAMES[i % NAMES.length], type: 'person', role: 'claimant' }],
  }));
  const created = await archive.claims.insertMany(claims);
  for (const c of created.filter((_, i) => i % 4 === 0)) {
    await archive.evidence.add({
      claimId: c.id,
      articleId: articles[(c.id + 3) % articles.length].id,
      quote: '',
      stance: 'supports',
      note: 'Independent confirmation.',
    });
  }
}

async function pageCount(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-report-bench-'));
try {
  const archive = await openArchive({ dir: path.join(dir, 'archive') });
  await seed(archive);
  const out = path.join(dir, 'report.pdf');
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const model = await buildReportModel(archive, {
      search: {},
      title: `${CLAIMS}-claim benchmark report`,
      author: 'Bench',
      verifiable: true,
      date: '2024-11-02',
    });
    const t1 = performance.now();
    const html = renderReportHtml(model);
    const t2 = performance.now();
    await renderPdf(html, out, { footerTemplate: pdfFooterTemplate(model.title) });
    const t3 = performance.now();
    runs.push({ modelMs: t1 - t0, htmlMs: t2 - t1, pdfMs: t3 - t2, totalMs: t3 - t0, htmlBytes: html.length });
  }
  if (values.keep) copyFileSync(out, values.keep);
  const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  const median = [...runs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(runs.length / 2)];
  const round = (n: number) => Math.round(n);
  console.log(
    JSON.stringify(
      {
        claims: CLAIMS,
        runs: RUNS,
        pages: await pageCount(out),
        pdfBytes: statSync(out).size,
        htmlBytes: median.htmlBytes,
        median: {
          modelMs: round(median.modelMs),
          htmlMs: round(median.htmlMs),
          pdfMs: round(median.pdfMs),
          totalMs: round(median.totalMs),
        },
        best: { totalMs: round(best.totalMs) },
        targets: { pdfSeconds: { value: Math.round(median.totalMs) / 1000, target: 5, op: '<=' } },
      },
      null,
      2,
    ),
  );
  await archive.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
