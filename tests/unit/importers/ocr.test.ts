// OCR loads everything locally: run in a child process whose fetch/http/https throw (preloaded into
// every worker thread too), tesseract.js still starts, reads the English model and recognises text.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ocrWorkerOptions } from '../../../main/importers/ocr';
import { ocrParagraphs } from '../../../main/importers/formats/pdf-ocr';
import { ROOT } from '../release/built';

const run = promisify(execFile);
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'importers');

describe('OCR', () => {
  it('names only local files: worker script, wasm core folder and the English model; no cache', () => {
    const o = ocrWorkerOptions();
    for (const p of [o.workerPath, o.corePath, o.langPath]) expect(p.startsWith(join(ROOT, 'node_modules'))).toBe(true);
    expect(o).toMatchObject({ cacheMethod: 'none', gzip: true, workerBlobURL: false });
  });

  it('recognises a rendered line with the network blocked in every thread', async () => {
    const line = 'Harbour council approves new sea wall';
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', join(FIXTURES, 'no-network.cjs'), '--import', 'tsx', join(FIXTURES, 'ocr-run.ts'), line],
      { cwd: ROOT, timeout: 120_000 },
    );
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect((JSON.parse(stdout) as { text: string }).text.trim()).toBe(line);
  }, 150_000);

  it('joins lines into paragraphs, undoing hyphenation and blocks split mid-sentence', () => {
    expect(ocrParagraphs('Floods hit\nthe coast.\n\nA second para-\ngraph\n\nwhich goes on.\n')).toBe(
      'Floods hit the coast.\n\nA second paragraph which goes on.',
    );
  });
});
