// Import workers hold ~60-80 MB each: they exit once idle and the next file starts a fresh one, and
// with a large archive on a 2-core machine one worker parses (importWorkers).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportPool, importWorkers, LARGE_ARCHIVE_BYTES, resolveWorkerEntry, type ImportPool } from '../../../main/importers/pool';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pool-idle-'));
const starts = join(dir, 'starts.log');
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const article = (i: number) => file(`a${i}.txt`, `Seoul said on Friday that talks number ${i} would resume next week (AFP).`);
/** The real worker, started through an entry that notes each start in a file. */
function countingEntry() {
  const real = resolveWorkerEntry(new URL('../../../main/importers/pool.ts', import.meta.url).href);
  if (!real.eval || typeof real.script !== 'string') throw new Error('expected the tsx eval entry from sources');
  return { eval: true, script: `require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'start\\n');\n${real.script}` };
}
const started = () => readFileSync(starts, 'utf8').split('\n').filter(Boolean).length;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

let pool: ImportPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('import pool workers', () => {
  it('reuse a worker for files in a row, exit when idle, and start afresh for the next file', async () => {
    writeFileSync(starts, '');
    pool = createImportPool({ concurrency: 2, idleMs: 200, entry: countingEntry() });
    for (let i = 0; i < 3; i++) expect((await pool.parse(article(i))).kind).toBe('article');
    expect(started()).toBe(1);
    await pause(1_000); // idle well past 200 ms: the worker has exited
    const again = await pool.parse(article(3));
    expect(again.kind === 'article' && again.article.text).toMatch(/talks number 3/);
    expect(started()).toBe(2);
  });

  it('parse with as many workers as the concurrency asks for when each file starts', async () => {
    writeFileSync(starts, '');
    let workers = 1;
    pool = createImportPool({ concurrency: () => workers, idleMs: 60_000, entry: countingEntry() });
    // Bytes go to the queue at once (no file read in between): all four wait for a worker together.
    const parseAll = (ids: number[]) => Promise.all(ids.map((i) => pool!.parseBytes(`a${i}.txt`, readFileSync(article(i)))));
    const one = await parseAll([0, 1, 2, 3]);
    expect(one.every((p) => p.kind === 'article')).toBe(true);
    expect(started()).toBe(1);
    workers = 2;
    await parseAll([4, 5, 6, 7]);
    expect(started()).toBe(2);
  });

  it('are one on a 2-core machine while the archive is large, two otherwise', () => {
    expect(importWorkers(LARGE_ARCHIVE_BYTES, 2)).toBe(1);
    expect(importWorkers(LARGE_ARCHIVE_BYTES - 1, 2)).toBe(2);
    expect(importWorkers(LARGE_ARCHIVE_BYTES * 3, 4)).toBe(2);
  });
});
