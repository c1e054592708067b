import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createImportPool, parseFile, resolveWorkerEntry } from '../../../main/importers/pool';
import { extractFile } from '../../../main/importers/extract-file';
import { makePdf } from '../../fixtures/importers/make';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pool-'));
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const pool = createImportPool({ concurrency: 2 });
afterAll(() => pool.close());

// A PDF with many pages takes pdf.js long enough to run into a tiny time limit.
const bigPdf = file(
  'big.pdf',
  makePdf({
    pages: Array.from({ length: 300 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => ({ text: `Page ${i} line ${j} with some words in it.` })),
    ),
  }),
);

describe('import pool (worker threads)', () => {
  it('parses files in a worker', async () => {
    const parsed = await pool.parse(file('a.txt', 'date 2024-10-25 Seoul said on Friday that talks would resume next week (AFP).'));
    expect(parsed.kind).toBe('article');
    expect(parsed.source).toMatchObject({ name: 'a.txt', type: 'txt' });
    if (parsed.kind === 'article') expect(parsed.article.published).toBe('2024-10-25');
  });

  it('parseFile uses a shared pool', async () => {
    const parsed = await parseFile(file('b.md', '# Heading\n\nSome body text for the article.'));
    expect(parsed.kind === 'article' && parsed.article.title).toBe('Heading');
  });

  it('stops a parse that runs past the time limit, and keeps working afterwards', async () => {
    await expect(pool.parse(bigPdf, { timeoutMs: 50 })).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Parsing took longer than 0.05 s and was stopped',
    });
    const next = await pool.parse(file('c.txt', 'Still alive after a timeout, the pool said on Monday.'));
    expect(next.kind).toBe('article');
  });

  it('reports refusals with specific errors without crashing the pool', async () => {
    await expect(pool.parse(file('empty.txt', ''))).rejects.toThrow('Empty file: empty.txt');
    await expect(pool.parse(file('x.xyz', 'hello'))).rejects.toThrow('Unsupported file type .xyz');
    await expect(pool.parse(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const junk = Uint8Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256);
    await expect(pool.parse(file('junk.txt', junk))).rejects.toThrow('File looks binary, not text: junk.txt');
    await expect(pool.parse(file('big.txt', 'x'.repeat(2048)), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('cancels queued and running parses', async () => {
    const controller = new AbortController();
    const runs = [1, 2, 3].map(() => pool.parse(bigPdf, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await Promise.all(runs.map((run) => expect(run).rejects.toMatchObject({ code: 'CANCELLED' })));
  });

  it("extractFile returns the article fields and the extractor's claims, and refuses claim lists", async () => {
    const path = file('e.txt', 'title Talks resume\ndate 2024-10-25\nThe minister said talks would resume on Monday.');
    const result = await extractFile(path, { pool, extract: (a) => [{ statement: a.text }] });
    expect(result.article).toMatchObject({ title: 'Talks resume', published: '2024-10-25', outlet: null, url: null });
    expect(result.claims).toEqual([{ statement: 'The minister said talks would resume on Monday.' }]);
    await expect(extractFile(file('l.csv', 'claim\nA claim\n'), { pool })).rejects.toThrow('l.csv is a claim list, not an article');
  });

  it('finds the built worker next to the bundle or one folder up from a chunk', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimdesk-out-'));
    mkdirSync(join(out, 'chunks'));
    writeFileSync(join(out, 'importWorker.js'), '');
    const fromIndex = resolveWorkerEntry(pathToFileURL(join(out, 'index.js')).href);
    const fromChunk = resolveWorkerEntry(pathToFileURL(join(out, 'chunks', 'pool-abc.js')).href);
    expect(fromIndex).toEqual({ script: pathToFileURL(join(out, 'importWorker.js')), eval: false });
    expect(fromChunk.script).toEqual(pathToFileURL(join(out, 'importWorker.js')));
    expect(() => resolveWorkerEntry(pathToFileURL(join(dir, 'nowhere', 'index.js')).href)).toThrow(
      'Import worker (importWorker.js) not found',
    );
  });
});
