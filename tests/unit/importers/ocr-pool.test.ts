// OCR through the worker pool: a PDF page whose text is junk is OCR'd in the import worker, which
// reports progress page by page; cancelling mid-OCR rejects at once (the worker, and tesseract's
// thread inside it, are terminated).
import { afterAll, describe, expect, it } from 'vitest';
import { createImportPool } from '../../../main/importers/pool';
import type { ParseProgress } from '../../../main/importers/types';
import { makePdf } from '../../fixtures/importers/make';

const pool = createImportPool({ concurrency: 1 });
afterAll(() => pool.close());

const JUNK = Array.from({ length: 40 }, (_, i) => String.fromCharCode(2 + (i % 20), 3 + (i % 5), 0x15)).join(' ');
const pdf = makePdf({
  pages: [[{ text: 'Harbour council approves a new sea wall after winter storms flooded the old town twice.' }], [{ text: JUNK }]],
});

describe('OCR in the import worker', () => {
  it('OCRs the junk page with progress and keeps the readable page, noting what was OCR-read', async () => {
    const seen: ParseProgress[] = [];
    const parsed = await pool.parseBytes('mixed.pdf', pdf, { onProgress: (p) => seen.push(p) });
    if (parsed.kind !== 'article') throw new Error('expected an article');
    expect(seen).toEqual([
      { stage: 'ocr', page: 0, pages: 1 },
      { stage: 'ocr', page: 1, pages: 1 },
    ]);
    expect(parsed.article.text).toContain('Harbour council approves a new sea wall');
    expect(parsed.article.text).not.toContain('\u0015');
    expect(parsed.article).toMatchObject({ textQuality: 'ocr', textWarning: expect.stringContaining('Page 2 had no usable text layer') });
  }, 120_000);

  it('cancels while OCR runs', async () => {
    const controller = new AbortController();
    const parsing = pool.parseBytes('mixed-2.pdf', pdf, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(parsing).rejects.toMatchObject({ code: 'CANCELLED' });
    // The pool goes on with the next file.
    const next = await pool.parseBytes('mixed-3.pdf', pdf);
    expect(next.kind).toBe('article');
  }, 120_000);
});
