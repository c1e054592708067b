import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../main/reports/build-model';
import { exportArchive } from '../../../main/reports/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { parseDelimited } from '../../../main/importers/formats/csv';
import { AppError } from '../../../shared/errors';
import { freshArchive, seedArchive, tempDir } from './archive-fixture';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe('building a report from the archive', () => {
  it('reads the chosen claims with sources, entities, evidence and verdict history', async () => {
    const archive = await freshArchive();
    const { legal, troops, afp, nato } = await seedArchive(archive);
    const model = await buildReportModel(archive, {
      claimIds: [troops.id, legal.id],
      title: 'Week one',
      author: 'Alice',
      date: '2024-11-01',
      verifiable: true,
    });
    expect(model.claims.map((c) => c.id)).toEqual([troops.id, legal.id]);
    const kim = model.claims[1];
    expect(kim.verdict).toMatchObject({ key: 'misleading', label: 'Misleading', rating: 2, tone: 'mostly-false' });
    expect(kim.claimantType).toBe('person');
    expect(kim.verdictHistory.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, 'Mostly false', 'alice'],
      ['Mostly false', 'Misleading', 'alice'],
    ]);
    expect(model.claims[0].evidence).toEqual([expect.objectContaining({ stance: 'supports', articleId: nato.id })]);
    expect(model.sources.find((s) => s.articleId === afp.id)?.file?.sha256).toBe('ab'.repeat(32));
    expect(model.sources.map((s) => s.articleId).sort()).toEqual([afp.id, 2, nato.id].sort());
  });

  it('chooses claims by search, collection, entity or "same" cluster', async () => {
    const archive = await freshArchive();
    const { legal, fake, troops, kim, collection } = await seedArchive(archive);
    const ids = async (spec: object) => (await buildReportModel(archive, spec)).claims.map((c) => c.id).sort();
    expect(await ids({ search: { search: 'fake' } })).toEqual([fake.id]);
    expect(await ids({ collectionId: collection.id })).toEqual([legal.id, troops.id]);
    expect(await ids({ entityId: kim.id })).toEqual([legal.id]);
    await archive.links.add(fake.id, legal.id, 'same');
    expect(await ids({ clusterOf: legal.id })).toEqual([legal.id, fake.id].sort());
  });

  it('says clearly what is wrong with a report request', async () => {
    const archive = await freshArchive();
    const { legal } = await seedArchive(archive);
    await expect(buildReportModel(archive, { claimIds: [legal.id], collectionId: 1 })).rejects.toThrow(/choose the claims one way/);
    await expect(buildReportModel(archive, { claimIds: [999] })).rejects.toThrow(/Claim 999 does not exist/);
    await expect(buildReportModel(archive, { collectionId: 42 })).rejects.toThrow(/Collection 42 does not exist/);
    expect(await codeOf(buildReportModel(archive, { search: {} }, { maxClaims: 2 }))).toBe('TOO_LARGE');
  });
});

describe('exportArchive', () => {
  it('writes each data format to the file asked for', async () => {
    const archive = await freshArchive();
    await seedArchive(archive);
    const dir = tempDir();
    const out = (name: string) => path.join(dir, name);
    const html = await exportArchive(archive, { format: 'html', out: out('r.html'), report: { title: 'Deployment <week>' } });
    expect(html).toMatchObject({ format: 'html', claims: 3 });
    expect(readFileSync(out('r.html'), 'utf8')).toContain('<title>Deployment &lt;week&gt;</title>');
    await exportArchive(archive, { format: 'csv', search: 'fake', out: out('r.csv') });
    expect(parseDelimited(readFileSync(out('r.csv'), 'utf8'), ',')).toHaveLength(2);
    await exportArchive(archive, { format: 'md', out: out('r.md') });
    expect(readFileSync(out('r.md'), 'utf8')).toContain('## Summary by verdict');
    await exportArchive(archive, { format: 'claimreview', out: out('r.jsonld') });
    expect(JSON.parse(readFileSync(out('r.jsonld'), 'utf8'))).toHaveLength(3);
    const json = await exportArchive(archive, { format: 'JSON', out: out('a.json') });
    expect(json.format).toBe('json');
    const copy = await freshArchive();
    await importArchiveJson(copy, readFileSync(out('a.json'), 'utf8'));
    expect(copy.info().counts).toEqual(archive.info().counts);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'r.csv', 'r.html', 'r.jsonld', 'r.md']);
  });

  it('refuses an unknown format or a missing folder and leaves existing files alone', async () => {
    const archive = await freshArchive();
    await seedArchive(archive);
    const dir = tempDir();
    expect(await codeOf(exportArchive(archive, { format: 'docx', out: path.join(dir, 'x.docx') }))).toBe('UNSUPPORTED_FORMAT');
    expect(await codeOf(exportArchive(archive, { format: 'csv', out: path.join(dir, 'missing', 'x.csv') }))).toBe('IO');
    const existing = path.join(dir, 'report.pdf');
    writeFileSync(existing, 'previous report');
    const noChromium = exportArchive(archive, { format: 'pdf', out: existing, chromiumPath: path.join(dir, 'no-chromium') });
    await expect(noChromium).rejects.toThrow(/No Chromium found.*set CHROMIUM_PATH or install chromium/);
    expect(readFileSync(existing, 'utf8')).toBe('previous report');
    expect(readdirSync(dir)).toEqual(['report.pdf']);
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  });
});
