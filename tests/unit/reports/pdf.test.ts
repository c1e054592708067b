// Prints the report through real headless Chromium and reads the PDF back with pdf.js.
// Needs Chromium (/usr/bin/chromium or $CHROMIUM_PATH): without it these tests fail, unless
// CLAIMDESK_SKIP_BROWSER=1 says to skip them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromiumPdf, renderPdf } from '../../../main/reports/pdf';
import { pdfFooterTemplate, renderReportHtml } from '../../../main/reports/html';
import { CYRILLIC, KOREAN, sampleModel, XSS_IMG, XSS_SCRIPT } from './fixtures';
import { tempDir } from './archive-fixture';

const skip = process.env.CLAIMDESK_SKIP_BROWSER === '1';
if (skip) console.warn('[reports/pdf.test] skipped: CLAIMDESK_SKIP_BROWSER=1 (these tests need Chromium)');

async function pdfText(bytes: Uint8Array): Promise<{ pages: string[] }> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return { pages };
}

/** Text with line breaks and runs of spaces folded, so wrapped lines still match. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(skip)('report PDF through Chromium', () => {
  const model = sampleModel();
  let pages: string[] = [];
  let requests: string[] = [];

  beforeAll(async () => {
    const out = path.join(tempDir(), 'report.pdf');
    const result = await renderPdf(renderReportHtml(model), out, { footerTemplate: pdfFooterTemplate(model.title) });
    requests = result.requests;
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    pages = (await pdfText(new Uint8Array(readFileSync(out)))).pages;
  }, 120_000);

  it('contains every claim, with hostile text printed literally', () => {
    const text = flat(pages.join(' '));
    for (const c of model.claims) expect(text).toContain(flat(c.statement));
    expect(text).toContain(XSS_SCRIPT);
    expect(text).toContain(XSS_IMG);
  });

  it('keeps Korean and Cyrillic names as extractable text', () => {
    const text = flat(pages.join(' '));
    expect(text).toContain(KOREAN);
    expect(text).toContain(CYRILLIC);
    expect(text).toContain('Это очередной фейк');
  });

  it('numbers its pages in the footer and makes no network request', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(flat(pages[1])).toContain(`Page 2 of ${pages.length}`);
    expect(requests).toEqual([]);
  });

  it('blocks and reports any request a document tries to make', async () => {
    const hostile = '<!doctype html><p>hello</p><img src="http://127.0.0.1:9/pixel.png"><link rel="stylesheet" href="file:///etc/passwd">';
    const result = await chromiumPdf(hostile);
    expect(result.requests.length).toBeGreaterThanOrEqual(1);
    expect(result.requests.join(' ')).toContain('127.0.0.1:9/pixel.png');
    expect(flat((await pdfText(result.pdf)).pages[0])).toContain('hello');
  }, 120_000);
});
