// Every command of the CLI contract (docs/cli.md), driven in-process as a script would use it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { cli } from './cli-run';

const SAMPLE = resolve(import.meta.dirname, '../../../resources/samples/nk-troops-russia-2024-10-25.txt');

let dir: string;
let archive: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-cmds-'));
  archive = join(dir, 'archive');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimdesk commands', () => {
  it('extract prints the article and its proposed claims without an archive', async () => {
    const r = await cli(['extract', SAMPLE, '--json']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.article).toMatchObject({ published: '2024-10-25', title: expect.stringContaining('North Korea') });
    const kim = out.claims.find((c: { quote: string }) => c.quote.includes('There will evidently exist forces'));
    expect(kim).toMatchObject({ claimant: 'Kim Jong Gyu', kind: 'direct' });
    expect(out.article.text.slice(kim.start, kim.end)).toBe(kim.quote);
    expect(out.claims.some((c: { quote: string }) => c.quote.includes('(AFP file)'))).toBe(false);
  });

  it('checkworthy scores one sentence per line, in order', async () => {
    const r = await cli(['checkworthy'], 'Seoul says 10,000 North Korean troops arrived in Russia in October.\nWhat a lovely day!\n');
    expect(r.code).toBe(0);
    const scores = r.stdout.trim().split('\n').map(Number);
    expect(scores).toHaveLength(2);
    for (const s of scores) expect(s).toBeGreaterThanOrEqual(0);
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it('import creates the archive, accepts proposed claims on request, and reports duplicates', async () => {
    const first = await cli(['import', '--archive', archive, SAMPLE, '--accept-above', '0.5', '--json']);
    expect(first.code).toBe(0);
    expect(first.json()).toEqual({ imported: 1, duplicates: 0, failed: [] });
    const again = await cli(['import', '--archive', archive, SAMPLE, '--json']);
    expect(again.json()).toEqual({ imported: 0, duplicates: 1, failed: [] });
    const claims = (await cli(['claims', '--archive', archive, '--json'])).json().claims;
    expect(claims.length).toBeGreaterThanOrEqual(10);
  });

  it('import exits non-zero and names the file when one fails', async () => {
    const junk = join(dir, 'junk.txt');
    await writeFile(junk, Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 8, 0]));
    const r = await cli(['import', '--archive', archive, junk, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.json().failed).toEqual([{ path: junk, error: expect.stringMatching(/binary/i) }]);
  });

  it('status, verdict and tag edit a claim and are recorded in its history', async () => {
    const [claim] = (await cli(['claims', '--archive', archive, '--search', 'Seoul Washington accused', '--json'])).json().claims;
    expect((await cli(['status', '--archive', archive, String(claim.id), 'in_progress', '--note', 'started'])).code).toBe(0);
    expect((await cli(['verdict', '--archive', archive, String(claim.id), 'mostly-true'])).code).not.toBe(0); // the note is required
    expect((await cli(['verdict', '--archive', archive, String(claim.id), 'mostly-true', '--note', 'NIS briefing confirms'])).code).toBe(0);
    expect((await cli(['tag', '--archive', archive, String(claim.id), 'troops', 'russia'])).code).toBe(0);
    const listed = (await cli(['claims', '--archive', archive, '--verdict', 'mostly-true', '--json'])).json().claims;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: claim.id, status: 'in_progress', verdict: 'mostly-true' });
    expect([...listed[0].tags].sort()).toEqual(['russia', 'troops']);
    const s = await createServices({ archiveDir: archive, actor: 'tester' });
    const verdictChange = s.archive.claims.history(claim.id).find((h) => h.field === 'verdict');
    await s.close();
    expect(verdictChange).toMatchObject({ to: { scale: 'claimdesk', verdict: 'mostly-true' }, note: 'NIS briefing confirms' });
    expect((await cli(['status', '--archive', archive, String(claim.id), 'finished'])).stderr).toMatch(/STATUS must be one of/);
  });

  it('search and similar rank claims', async () => {
    const found = (await cli(['search', '--archive', archive, 'international law', '--json'])).json();
    expect(found.claims.length).toBeGreaterThan(0);
    expect(found.articles[0].title).toMatch(/North Korea/);
    const similar = (
      await cli([
        'similar',
        '--archive',
        archive,
        '--text',
        'troops deployed to Russia would conform with international law',
        '--limit',
        '3',
        '--json',
      ])
    ).json();
    expect(similar.length).toBeGreaterThan(0);
    expect(similar[0]).toMatchObject({
      claimId: expect.any(Number),
      score: expect.any(Number),
      text: expect.stringMatching(/international law/),
    });
  });

  it('export writes CSV and JSON files', async () => {
    const csv = join(dir, 'claims.csv');
    expect((await cli(['export', '--archive', archive, '--format', 'csv', '--search', 'troops', '--out', csv])).code).toBe(0);
    expect(await readFile(csv, 'utf8')).toMatch(/^id,statement,/);
    const json = join(dir, 'all.claimdesk');
    expect((await cli(['export', '--archive', archive, '--format', 'json', '--out', json])).code).toBe(0);
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ format: 'claimdesk-archive', version: 1 });
    expect((await cli(['export', '--archive', archive, '--format', 'docx', '--out', csv])).stderr).toMatch(/Unknown export format/);
  });

  it('import merges a .claimdesk file into an archive that holds work, and a second time adds nothing', async () => {
    const file = join(dir, 'all.claimdesk'); // written by the export test above
    const other = join(dir, 'other-archive');
    const note = join(dir, 'note.txt');
    await writeFile(note, 'Seoul said on Friday that 1,500 soldiers had arrived in Vladivostok.\n');
    expect((await cli(['import', '--archive', other, note])).code).toBe(0);
    const claims = (await cli(['claims', '--archive', archive, '--json'])).json().claims.length;

    const merged = await cli(['import', '--archive', other, file, '--json']);
    expect(merged.code).toBe(0);
    expect(merged.json()).toMatchObject({
      imported: 1,
      failed: [],
      archives: [{ path: file, mode: 'merged', added: { articles: 1, claims }, present: { articles: 0, claims: 0 } }],
    });
    expect((await cli(['claims', '--archive', other, '--json'])).json().claims).toHaveLength(claims);
    const again = await cli(['import', '--archive', other, file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^all\.claimdesk: nothing new \(1 article, \d+ claims, \d+ entities already here\)$/m);
  });
});
