// Issue #19: PDFs imported before page numbers were kept get them when the archive opens. An archive
// holding such a PDF article (its text, its original stored, no page starts) is opened by the services: in the background the original is read again, the page
// starts are kept, the window is told (data.changed), and a claim on page 3 says page 3. An article
// whose original is missing stays without pages, and no error is shown.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { parsePdfArticle } from '../../../main/importers/formats/pdf';
import type { Emit } from '../../../shared/events';

async function pdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 50, y: 760, size: 12, font });
  return doc.save();
}

let dir: string;
const opened: Services[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-page-backfill-'));
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

async function services(name: string, opts: { emit?: Emit; log?: (m: string) => void } = {}): Promise<Services> {
  const s = await createServices({ archiveDir: join(dir, name), actor: 'tester', ...opts });
  opened.push(s);
  return s;
}

describe('page numbers for PDFs imported before they were kept', () => {
  it('are read from the stored original when the archive opens; a missing original leaves the article as it was, and a scan whose text differs is not read again at the next start', async () => {
    // Two PDF articles as a Claimdesk without page numbers imported them: the text, no page starts;
    // only the second one's original is stored.
    const before = await services('before');
    const stored = async (pages: string[], name: string, keep: boolean, read?: string) => {
      const bytes = await pdf(pages);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const parsed = await parsePdfArticle(bytes, undefined, 0);
      const { title } = parsed;
      const text = read ?? parsed.text;
      if (keep) await before.archive.originals.put(sha256, 'pdf', bytes);
      return before.archive.articles.insert({ title, text, source: { sha256, name, type: 'pdf', size: bytes.length } });
    };
    await stored(['A first page that will lose its original.', 'And a second one.'], 'lost.pdf', false);
    await stored(
      ['Troops at the border, page one.', 'Reaction from the neighbours.', 'Officials said 12 lorries of aid arrived.'],
      'kept.pdf',
      true,
    );
    // A scan whose text came from OCR: its original gives another text, so it gets no pages.
    await stored(['Scanned letter, page one.', 'Page two.'], 'scan.pdf', true, 'Scanned Ietter, page one. Page tw0.');
    const [lostId, keptId, scanId] = before.archive.articles.list({ sort: 'importedAt', order: 'asc' }).items.map((a) => a.id);
    const text = before.archive.articles.get(keptId).text;
    const quote = 'Officials said 12 lorries of aid arrived';
    const claim = await before.archive.claims.insert({
      articleId: keptId,
      quote,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      statement: quote,
    });
    expect(before.archive.articles.get(keptId).pageStarts).toEqual([]);
    const pageOf = async (s: Services) => {
      const res = await s.dispatch('originals.claimPage', [claim.id]);
      if (!res.ok) throw new Error(res.error.message);
      return res.value;
    };
    expect(await pageOf(before)).toBeNull();
    await before.close();
    opened.splice(opened.indexOf(before), 1);

    // Opened again: the page starts come in the background, the window hears of the article.
    const events: unknown[] = [];
    const logs: string[] = [];
    const after = await services('before', { emit: (event, payload) => events.push({ event, payload }), log: (m) => logs.push(m) });
    const pagesOf = async (id: number) => {
      const res = await after.dispatch('articles.get', [id]);
      return res.ok ? (res.value as { pageStarts?: number[] }).pageStarts : undefined;
    };
    await expect.poll(async () => (await pagesOf(keptId))?.length, { timeout: 60_000 }).toBe(3);
    expect(await pageOf(after)).toBe(3);
    expect(events).toContainEqual({
      event: 'data.changed',
      payload: expect.arrayContaining([expect.objectContaining({ type: 'article' })]),
    });
    // The article whose original is missing was tried first and left as it was, without an error for the window.
    expect(await pagesOf(lostId)).toEqual([]);
    expect(await pagesOf(scanId)).toEqual([]);
    expect(events.filter((e) => (e as { event: string }).event !== 'data.changed')).toEqual([]);
    await expect.poll(() => logs.some((m) => m.includes('Page numbers: 1 PDF article(s) now have them, 2 left without'))).toBe(true);
    await after.close();
    opened.splice(opened.indexOf(after), 1);

    // The next start does not read the scan's original again (its text was seen to differ); the article
    // whose original is missing is looked for again, in case it came back.
    const again: string[] = [];
    const third = await services('before', { log: (m) => again.push(m) });
    await expect
      .poll(() => again.find((m) => m.startsWith('Page numbers:')), { timeout: 60_000 })
      .toBe('Page numbers: 0 PDF article(s) now have them, 1 left without (no readable original with the same text).');
    expect((third.archive.articles.get(scanId) as { pageStarts?: number[] }).pageStarts).toEqual([]);
  });
});
