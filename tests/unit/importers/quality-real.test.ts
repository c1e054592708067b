// The junk detector on the real corpus (../shared/data/files): TAMReview.pdf has a font without a
// text mapping on pages 2-22 (pdf.js returns control characters); the other real PDFs, DOCX and
// plain-text files read as text. Skipped, saying so, when the shared data folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessText } from '../../../main/importers/quality';
import { ROOT } from '../release/built';

const FILES = join(ROOT, '..', 'shared', 'data', 'files');
const present = existsSync(join(FILES, 'pdf-real', 'TAMReview.pdf'));

async function pageTexts(path: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return texts;
}

describe.skipIf(!present)(`real files in ${FILES} (absent: these tests are skipped)`, () => {
  it('finds the unmapped-font pages of TAMReview.pdf (2-22) and passes its cover and back page', async () => {
    const verdicts = (await pageTexts(join(FILES, 'pdf-real', 'TAMReview.pdf'))).map((t) => assessText(t).verdict);
    expect(verdicts).toHaveLength(23);
    const junk = verdicts.flatMap((v, i) => (v === 'junk' ? [i + 1] : []));
    expect(junk).toEqual(Array.from({ length: 21 }, (_, i) => i + 2));
    expect([verdicts[0], verdicts[22]]).toEqual(['ok', 'ok']);
  });

  it.each(['tracemonkey.pdf', 'pdfjs_wikipedia.pdf', 'issue13201.pdf', 'pdf-parse_04-valid_turkish-journal.pdf', 'issue19360.pdf'])(
    'passes every page of %s',
    async (name) => {
      const verdicts = (await pageTexts(join(FILES, 'pdf-real', name))).map((t) => assessText(t).verdict);
      expect(verdicts.filter((v) => v === 'junk')).toEqual([]);
    },
  );

  it('finds the garbage OCR layer of a Russian scan (issue12963.pdf) as junk', async () => {
    const text = (await pageTexts(join(FILES, 'pdf-real', 'issue12963.pdf'))).join('\n');
    expect(assessText(text).verdict).toBe('junk');
  });
});
