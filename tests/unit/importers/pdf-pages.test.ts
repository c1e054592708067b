// Issue #19: a claim from a PDF knows the page its passage is on. The importer keeps where each page
// starts in the article's text (stored with the article, in the archive and its .claimdesk file), and
// a claim's page is derived from its passage's start offset, for claims made before or after.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import { exportArchiveJson, importArchiveJson, renderArchiveJson } from '../../../main/archive/exchange';
import { createImportPool } from '../../../main/importers/pool';
import { createImportService } from '../../../main/importers/service';
import { pageAt } from '../../../shared/domain';
import { claimPage } from '../../../main/app/originals';
import { buildReportModel, renderMarkdown, renderReportHtml } from '../../../main/reports';

const PAGES = [
  ['Troops at the border', 'The ministry said on Monday that 3,000 troops had crossed the border overnight.'],
  ['Reaction', 'The neighbouring government denied that any soldier had entered its territory.'],
  ['Aid', 'Officials said 12 lorries of food aid reached the city on Wednesday afternoon.'],
];

async function threePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [heading, body] of PAGES) {
    const page = doc.addPage([595, 842]);
    page.drawText(heading, { x: 50, y: 780, size: 20, font });
    page.drawText(body, { x: 50, y: 740, size: 11, font });
  }
  return doc.save();
}

const pool = createImportPool({ concurrency: 1 });
let archive: Archive;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-pdf-pages-'));
  archive = await openArchive({ dir: join(dir, 'archive'), actor: 'test' });
});
afterAll(async () => {
  await pool.close();
  await archive.close();
});

describe('page numbers of claims from a PDF', () => {
  it('keeps where each page starts, so a passage on page 3 is on page 3, also in a restored .claimdesk file', async () => {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, await threePagePdf());
    const service = createImportService({ archive, pool, emit: () => {}, extract: () => [] });
    const summary = await service.importPaths([file]);
    expect(summary).toMatchObject({ imported: 1, failed: [] });
    const article = archive.articles.get(summary.articleIds[0]);
    expect(article.pageStarts).toHaveLength(3);

    // Each page's text starts where the archive says it does.
    const pageTexts = article.pageStarts!.map((s, i) => article.text.slice(s, article.pageStarts![i + 1] ?? undefined));
    PAGES.forEach(([heading, body], i) => {
      expect(pageTexts[i]).toContain(heading);
      expect(pageTexts[i].replace(/\s+/g, ' ')).toContain(body);
    });

    const quote = 'Officials said 12 lorries of food aid reached the city';
    const start = article.text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    const claim = await archive.claims.insert({
      articleId: article.id,
      quote,
      start,
      end: start + quote.length,
      statement: '12 lorries of aid arrived',
    });
    expect(pageAt(article.pageStarts, claim.start)).toBe(3);
    // What the editor asks (originals.claimPage) and what the report prints beside the source.
    expect(claimPage({ archive }, claim.id)).toBe(3);
    const model = await buildReportModel(archive, { claimIds: [claim.id], fields: ['quote', 'sources'] });
    expect(renderMarkdown(model)).toMatch(/- \*\*Source:\*\* .*, p\. 3 \[1\]/);
    expect(renderReportHtml(model)).toContain(', p. 3');
    const first = article.text.indexOf('3,000 troops');
    expect(pageAt(article.pageStarts, first)).toBe(1);
    expect(pageAt(article.pageStarts, article.text.indexOf('denied that'))).toBe(2);

    // The .claimdesk file carries the page starts: a restored archive still knows the page.
    const restored = await openArchive({ dir: join(dir, 'restored'), actor: 'test' });
    try {
      const json = renderArchiveJson(exportArchiveJson(archive));
      expect((await importArchiveJson(restored, json, 'all.claimdesk')).mode).toBe('restored');
      expect(restored.articles.get(article.id).pageStarts).toEqual(article.pageStarts);
      expect(pageAt(restored.articles.get(article.id).pageStarts, restored.claims.get(claim.id).start)).toBe(3);
    } finally {
      await restored.close();
    }
  });

  it('says no page for text that has none (a text file, an article imported before pages were kept)', async () => {
    const typed = await archive.articles.insert({ title: 'Typed in', text: 'The mayor said the depot would close in May.' });
    const claim = await archive.claims.insert({
      articleId: typed.id,
      quote: 'the depot would close',
      start: 15,
      end: 36,
      statement: 'The depot closes',
    });
    expect(claimPage({ archive }, claim.id)).toBeNull();
    const model = await buildReportModel(archive, { claimIds: [claim.id], fields: ['quote', 'sources'] });
    expect(renderMarkdown(model)).not.toContain('p. ');
    expect(pageAt([], 10)).toBeNull();
    expect(pageAt(undefined, 10)).toBeNull();
    expect(pageAt([0, 5], null)).toBeNull();
  });
});
