// The text quality gate, end to end: a PDF with no text layer (text drawn on a canvas, printed by
// Chromium as an image) is OCR'd with visible progress and reads as text; a file of junk is kept
// with a warning and no suggestions, and its 5,000-character unbroken run cannot push the side
// panel off-screen.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

const LINES = [
  'Harbour Council Approves New Sea Wall',
  'The harbour council voted on Tuesday to build',
  'a new sea wall after storms flooded the old',
  'town twice this winter, the mayor said.',
];

/** A one-page PDF whose only content is an image of LINES (no text layer at all). */
async function imageOnlyPdf(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent('<body style="margin:0"><img id="scan"></body>');
    await page.evaluate((lines) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1400;
      canvas.height = 420;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = '#000';
      lines.forEach((line, i) => {
        ctx.font = i === 0 ? 'bold 52px serif' : '44px serif';
        ctx.fillText(line, 60, i === 0 ? 90 : 150 + i * 58);
      });
      const img = document.getElementById('scan') as HTMLImageElement;
      img.style.width = '700px';
      img.src = canvas.toDataURL('image/png');
      return img.decode();
    }, LINES);
    return await page.pdf({ format: 'A4' });
  } finally {
    await page.close();
  }
}

test.describe('text quality gate', () => {
  let dir: string;
  test.beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimdesk-ocr-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a PDF without a text layer shows OCR progress, then reads as text with a note', async ({ app, browser }) => {
    test.setTimeout(240_000); // OCR takes seconds of CPU per page
    const { page, services } = app;
    const ui = new Claimdesk(page);
    const file = join(dir, 'harbour-scan.pdf');
    await writeFile(file, await imageOnlyPdf(browser));

    await ui.goTo('Library');
    await app.dropFiles([file]);
    const panel = page.getByRole('region', { name: 'Import progress' });
    await expect(panel.getByRole('progressbar', { name: 'OCR of harbour-scan.pdf' })).toBeVisible({ timeout: 60_000 });
    await expect(panel).toContainText('OCR: page 0 of 1');
    await expect(panel).toContainText('1 article imported', { timeout: 180_000 });

    const [summary] = services.archive.articles.list({ search: 'sea wall' }).items;
    expect(summary).toMatchObject({ textQuality: 'ocr' });
    await expect(ui.articles.getByRole('button', { name: /^Harbour Council/i })).toContainText('text read by OCR');
    await ui.openArticle(/Harbour Council/i);
    const article = page.getByRole('article');
    await expect(article).toContainText('harbour council voted on Tuesday to build a new sea wall');
    await expect(article.getByRole('note', { name: 'Text quality' })).toContainText('Page 1 had no usable text layer and was read by OCR');
  });

  test('a junk-only file is kept with a warning and no suggestions; a 5,000-character run stays in its pane', async ({ app }) => {
    const { page, services } = app;
    const ui = new Claimdesk(page);
    const junk = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0xe000 + (i % 90), 0xfffd, 0x41 + (i % 26))).join(' ');
    const run = 'x\ue015'.repeat(2_500);
    const file = join(dir, 'garbled-report.txt');
    await writeFile(file, `Garbled report\n\n${junk}\n\n${run}\n\n${junk}\n`);

    await ui.goTo('Library');
    await app.dropFiles([file]);
    await expect(page.getByRole('region', { name: 'Import progress' })).toContainText('1 article imported');
    const [summary] = services.archive.articles.list({ search: 'Garbled' }).items;
    expect(summary).toMatchObject({ textQuality: 'unreadable' });
    expect(services.archive.suggestions.list(summary.id)).toEqual([]);

    // A claim with a 5,000-character unbroken statement sits in the side panel.
    await services.archive.claims.insert({ articleId: summary.id, statement: `Long${'y'.repeat(5_000)}` } as never);
    await expect(ui.articles.getByRole('button', { name: /^Garbled report/ })).toContainText('unreadable text');
    await ui.openArticle(/Garbled report/);
    const note = page.getByRole('article').getByRole('note', { name: 'Text quality' });
    await expect(note).toContainText('Unreadable text');
    await expect(note).toContainText('No claims were suggested; read the original file.');
    await expect(page.getByRole('tab', { name: /Suggestions/ })).toContainText('0');

    // The side panel stays within the window and the text does not scroll sideways.
    const viewport = page.viewportSize()!;
    const panel = page.getByRole('complementary', { name: 'Claims, suggestions and highlights' });
    await expect(ui.readerClaims).toContainText('Longyyy');
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const aside = await panel.boundingBox();
    expect(aside!.x + aside!.width).toBeLessThanOrEqual(viewport.width);
    expect(aside!.x).toBeGreaterThan(viewport.width / 2);
    const pane = page.locator('.pane');
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    await page.screenshot({ path: test.info().outputPath('unreadable-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: test.info().outputPath('unreadable-dark.png') });
  });
});
