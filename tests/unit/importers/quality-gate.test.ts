// The gate on whole articles: clean text is 'ok' without a warning; a DOCX or text file whose text
// is junk (a wrong or unknown encoding) is kept as 'unreadable' with a warning (the import service
// then stores no suggestions for it: tests/e2e/ocr.spec.ts).
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import { judgeArticleText, pageRanges } from '../../../main/importers/quality';
import { makeDocx } from '../../fixtures/importers/make';

const JUNK = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0xe000 + (i % 80), 0xfffd, 0x41 + (i % 26))).join(' ');

async function articleOf(name: string, bytes: Uint8Array) {
  const parsed = await parseBytes(name, bytes);
  if (parsed.kind !== 'article') throw new Error('expected an article');
  return parsed.article;
}

describe('text quality of imported articles', () => {
  it('leaves clean text alone', async () => {
    const a = await articleOf(
      'clean.txt',
      new TextEncoder().encode('Floods hit the coast\n\nHeavy rain flooded several towns on Tuesday, officials said.'),
    );
    expect(a).toMatchObject({ textQuality: 'ok', textWarning: null });
  });

  it('keeps a junk DOCX as unreadable, with a warning that no claims were suggested', async () => {
    const a = await articleOf('junk.docx', makeDocx({ paragraphs: ['Quarterly report', JUNK] }));
    expect(a.textQuality).toBe('unreadable');
    expect(a.textWarning).toMatch(/^The text of this file is unreadable \(control, private-use or replacement characters/);
    expect(a.textWarning).toContain('wrong or unknown text encoding. No claims were suggested; read the original file.');
  });

  it('keeps a junk text file as unreadable', async () => {
    expect((await articleOf('junk.txt', new TextEncoder().encode(`Report\n\n${JUNK}`))).textQuality).toBe('unreadable');
  });

  it('words OCR and page-cap warnings by page ranges', () => {
    expect(pageRanges([2, 3, 4, 7, 9, 10])).toBe('2–4, 7, 9–10');
    const english = 'The council said on Tuesday that the new wall would be built by the end of the year. '.repeat(5);
    expect(judgeArticleText(english, { ocrPages: [2, 3], skippedPages: [53], maxPages: 50 })).toEqual({
      textQuality: 'ocr',
      textWarning:
        'Pages 2–3 had no usable text layer and were read by OCR (English): check quotes against the original. Page 53 was not read (OCR stops after 50 pages).',
    });
  });
});
