// The short fuzz run of CI: mutated fixtures of every format (and the shared research files when
// they are present) through the importers' worker pool. `npm run fuzz` runs the long form.
// .claimdesk archive files too (tests/fuzz/archive-cases.ts). Then the API: every method, with a huge array or a key given as undefined anywhere in its
// arguments, answers (INVALID_ARGUMENT, or a result) and never fails with INTERNAL.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHARED_FILES, filesUnder } from '../../fuzz/corpus';
import { runFuzz } from '../../fuzz/harness';
import { runArchiveFuzz } from '../../fuzz/archive-cases';
import { createServices, type Services } from '../../../main/services';
import type { MethodName } from '../../../main/api/contract';
import { HUGE, hugeArrayCases, undefinedKeyCases } from './contract-schemas';

const SEED = Number(process.env.CLAIMDESK_FUZZ_SEED ?? 20241025);

describe('importer fuzzing', () => {
  it('survives 150 mutated files (OCR up to 2 pages each): each one is parsed or refused with a clear error, none hangs', async () => {
    const sharedFiles = filesUnder(DEFAULT_SHARED_FILES);
    const report = await runFuzz({ iterations: 150, seed: SEED, sharedFiles, timeoutMs: 8_000, maxOcrPages: 2 });
    expect(report.problems, `seed ${SEED}`).toEqual([]);
    expect(report.files).toBe(150 + sharedFiles.length);
    expect(report.parsed + Object.values(report.refused).reduce((a, b) => a + b, 0)).toBe(report.files);
    expect(report.parsed).toBeGreaterThan(0);
    expect(report.serviceAlive).toBe(true);
  }, 180_000);

  it('refuses oversized and broken .claimdesk files in the worker, each with a clear message naming what is wrong', async () => {
    const report = await runArchiveFuzz({ seed: SEED, mutants: 30 });
    expect(report.problems, `seed ${SEED}`).toEqual([]);
    expect(report.refused.TOO_LARGE).toBe(5);
    expect(report.parsed).toBeGreaterThanOrEqual(2);
  }, 180_000);
});

/** An archive with an article and a claim (id 1 each), so calls with id 1 reach the handlers. */
async function withSeededServices(run: (s: Services) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-api-fuzz-'));
  const s = await createServices({ archiveDir: dir, actor: 'fuzzer', chooseFiles: async () => [], chooseSavePath: async () => null });
  try {
    const article = await s.archive.articles.insert({
      title: 'Seoul: troops arrived',
      text: 'Seoul said 1,500 soldiers arrived in Vladivostok.',
    });
    await s.archive.claims.insert({
      articleId: article.id,
      statement: '1,500 soldiers arrived in Vladivostok',
      claimant: 'Seoul',
    } as never);
    await run(s);
  } finally {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The calls among `cases` that answered INTERNAL (or with another code than the allowed ones), with the answer. */
async function wrongAnswers(s: Services, cases: [MethodName, unknown[]][], allowed: (code: string) => boolean): Promise<string[]> {
  const wrong: string[] = [];
  for (const [method, args] of cases) {
    const res = await s.dispatch(method, args);
    if (!res.ok && !allowed(res.error.code)) wrong.push(`${method}: ${res.error.code} ${res.error.message.slice(0, 160)}`);
  }
  return wrong;
}

describe('API fuzzing', () => {
  it(`refuses a ${HUGE.toLocaleString('en-US')}-item array anywhere in any method's arguments with INVALID_ARGUMENT`, async () => {
    const cases = hugeArrayCases();
    expect(new Set(cases.map(([m]) => m))).toContain('claims.list');
    await withSeededServices(async (s) => {
      const answers = await Promise.all(cases.map(async ([m, args]) => [m, await s.dispatch(m, args)] as const));
      const wrong = answers
        .filter(([, r]) => r.ok || r.error.code !== 'INVALID_ARGUMENT')
        .map(([m, r]) => `${m}: ${JSON.stringify(r).slice(0, 160)}`);
      expect(wrong).toEqual([]);
      // The message stays short, however many items were wrong.
      for (const [, r] of answers) expect(!r.ok && r.error.message.length).toBeLessThan(2_000);
    });
  }, 120_000);

  it('treats a key given as undefined like a key left out: never INTERNAL, for any method', async () => {
    const cases = undefinedKeyCases();
    expect(cases).toContainEqual(['articles.update', [1, { title: undefined }]]);
    await withSeededServices(async (s) => {
      expect(await wrongAnswers(s, cases, (code) => code !== 'INTERNAL')).toEqual([]);
      expect(await s.dispatch('articles.update', [1, { title: undefined, outlet: 'Yonhap' }])).toMatchObject({
        ok: true,
        value: { title: 'Seoul: troops arrived', outlet: 'Yonhap' },
      });
    });
  }, 120_000);
});
