// The verifiable PDF report carries its proof: ClaimReview JSON-LD, source hashes and verdict
// histories attached as files with a manifest, and `verify` re-checks them (against the archive too).
// The printed pages here come from pdf-lib (a blank page), so no Chromium is needed; the CLI test
// (cli-verify.test.ts) prints real reports.
import { createHash } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { buildReportModel } from '../../../main/reports/build-model';
import {
  BUNDLE_FILES,
  buildBundle,
  bundleSources,
  finishReportPdf,
  type BundleManifest,
  type BundleSource,
} from '../../../main/reports/bundle';
import { readPdfAttachments, verifyReportPdf, type VerifyResult } from '../../../main/reports/verify';
import { AppError } from '../../../shared/errors';
import { freshArchive } from './archive-fixture';

const ORIGINAL = new TextEncoder().encode('<html><body><p>North Korea said Friday …</p></body></html>');
const ORIGINAL_SHA = createHash('sha256').update(ORIGINAL).digest('hex');
const TEXT = 'North Korea said Friday that any troop deployment to Russia would be in line with international law.';

async function printedPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Claim review report');
  return doc.save();
}

/** An archive holding an article imported from a file (the original stored) and one typed in. */
async function seed(archive: Archive, text = TEXT) {
  await archive.originals.put(ORIGINAL_SHA, 'html', ORIGINAL);
  const filed = await archive.articles.insert({
    title: 'North Korea says troop deployment would be legal',
    outlet: 'AFP',
    url: 'https://example.org/afp/1',
    published: '2024-10-25',
    text,
    source: { sha256: ORIGINAL_SHA, name: 'afp.html', type: 'text/html', size: ORIGINAL.length },
  });
  const typed = await archive.articles.insert({
    title: 'NATO confirms troops in Kursk',
    outlet: 'Yonhap',
    text: 'NATO confirmed North Korean troops were deployed to Kursk.',
  });
  const [legal, troops] = await archive.claims.insertMany([
    {
      articleId: filed.id,
      statement: 'A troop deployment to Russia would conform with international law.',
      claimant: 'Kim Jong Gyu',
      tags: ['legal'],
    },
    { articleId: typed.id, statement: 'North Korean troops are in Russia.', claimant: 'NATO' },
  ]);
  await archive.claims.setVerdict(legal.id, 'claimdesk', 'mostly-false', 'Law of armed conflict says otherwise.');
  await archive.claims.setVerdict(legal.id, 'claimdesk', 'misleading', 'Legal framing hides the deployment.');
  await archive.claims.setVerdict(troops.id, 'claimdesk', 'true', 'NATO confirmed it.');
  return { filed, typed, legal, troops };
}

/** A report of every claim in the archive, printed and finished as export does. */
async function reportOf(archive: Archive, verifiable = true) {
  const seeded = await seed(archive);
  const model = await buildReportModel(archive, {
    search: {},
    title: 'Deployment week',
    author: 'Alice',
    organisation: 'Desk',
    date: '2024-11-01',
    verifiable,
  });
  const pdf = await finishReportPdf(await printedPages(), model, verifiable ? bundleSources(archive, model) : null);
  return { ...seeded, model, pdf };
}

const find = (r: VerifyResult, kind: string, subject: string) => r.checks.find((c) => c.kind === kind && c.subject === subject);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('a verifiable PDF report', () => {
  it('carries the four files and its metadata, and verifies against the archive it came from', async () => {
    const archive = await freshArchive();
    const { pdf, filed, typed, legal } = await reportOf(archive);

    const { files, info } = await readPdfAttachments(pdf);
    expect(files.map((f) => f.name).sort()).toEqual(['claimreview.jsonld', 'manifest.json', 'sources.json', 'verdict-history.json']);
    expect(info.title).toBe('Deployment week');
    expect(info.author).toBe('Alice, Desk');
    expect(info.subject).toBe('Claim review report: 2 claims, 2 with a verdict, 2 sources');
    expect(info.keywords).toContain('verifiable bundle');
    expect(info.keywords).toContain('legal');

    const json = (name: string) => JSON.parse(new TextDecoder().decode(files.find((f) => f.name === name)!.bytes));
    const reviews = json(BUNDLE_FILES.claimreview);
    expect(reviews.map((r: { claimReviewed: string }) => r.claimReviewed)).toContain(
      'A troop deployment to Russia would conform with international law.',
    );
    const sources: BundleSource[] = json(BUNDLE_FILES.sources).sources;
    expect(sources.find((s) => s.articleId === filed.id)?.original?.sha256).toBe(ORIGINAL_SHA);
    expect(sources.find((s) => s.articleId === filed.id)?.textSha256).toBe(createHash('sha256').update(TEXT).digest('hex'));
    expect(sources.find((s) => s.articleId === typed.id)?.original).toBeNull();
    const history = json(BUNDLE_FILES.history).claims;
    expect(history.find((c: { claimId: number }) => c.claimId === legal.id).history.map((h: { to: string }) => h.to)).toEqual([
      'Mostly false',
      'Misleading',
    ]);
    const manifest: BundleManifest = json(BUNDLE_FILES.manifest);
    expect(manifest).toMatchObject({ format: 'claimdesk-report-bundle', title: 'Deployment week', claims: 2, sources: 2 });
    expect(manifest.reportId).toMatch(/^report-[0-9a-f]{16}$/);

    const alone = await verifyReportPdf(pdf);
    expect(alone.ok).toBe(true);
    expect(alone.checks.filter((c) => c.kind === 'attachment').map((c) => [c.subject, c.status])).toEqual([
      ['claimreview.jsonld', 'match'],
      ['sources.json', 'match'],
      ['verdict-history.json', 'match'],
    ]);

    const withArchive = await verifyReportPdf(pdf, { archive });
    expect(withArchive.counts).toMatchObject({ differs: 0, missing: 0 });
    expect(withArchive.ok).toBe(true);
    expect(find(withArchive, 'source-original', `article ${filed.id}`)?.detail).toContain('re-hashed');
    expect(find(withArchive, 'claim-history', `claim ${legal.id}`)?.detail).toBe('2 verdict changes as in the report');
  });

  it('reports an attachment changed or added after the report was made', async () => {
    const archive = await freshArchive();
    const { model } = await reportOf(archive);
    const { attachments } = buildBundle(model, bundleSources(archive, model));
    const doc = await PDFDocument.load(await printedPages());
    for (const a of attachments) {
      // Someone "corrects" a source's URL inside sources.json and leaves the manifest as it was.
      const text = new TextDecoder().decode(a.bytes);
      const bytes =
        a.name === BUNDLE_FILES.sources
          ? new TextEncoder().encode(text.replace('https://example.org/afp/1', 'https://example.org/afp/2'))
          : a.bytes;
      await doc.attach(bytes, a.name, { mimeType: a.mimeType });
    }
    await doc.attach(new TextEncoder().encode('{}'), 'extra.json', { mimeType: 'application/json' });
    const result = await verifyReportPdf(await doc.save());
    expect(result.ok).toBe(false);
    expect(find(result, 'attachment', 'sources.json')).toMatchObject({
      status: 'differs',
      detail: expect.stringContaining('changed after the report was made'),
    });
    expect(find(result, 'attachment', 'claimreview.jsonld')?.status).toBe('match');
    expect(find(result, 'attachment', 'extra.json')).toMatchObject({
      status: 'differs',
      detail: expect.stringContaining('not listed in the manifest'),
    });
  });

  it('reports a missing attachment', async () => {
    const archive = await freshArchive();
    const { model } = await reportOf(archive);
    const doc = await PDFDocument.load(await printedPages());
    for (const a of buildBundle(model, bundleSources(archive, model)).attachments)
      if (a.name !== BUNDLE_FILES.history) await doc.attach(a.bytes, a.name, { mimeType: a.mimeType });
    const result = await verifyReportPdf(await doc.save());
    expect(find(result, 'attachment', 'verdict-history.json')?.status).toBe('missing');
    expect(result.counts.missing).toBe(1);
    expect(result.ok).toBe(false);
  });

  it('says what changed in the archive since: a verdict, a stored original, a deleted claim', async () => {
    const archive = await freshArchive();
    const { pdf, filed, legal, troops } = await reportOf(archive);
    await archive.claims.setVerdict(legal.id, 'claimdesk', 'false', 'New evidence.');
    await archive.claims.delete(troops.id);
    writeFileSync(archive.originals.path(ORIGINAL_SHA)!, 'tampered');
    const result = await verifyReportPdf(pdf, { archive });
    expect(result.ok).toBe(false);
    expect(find(result, 'claim-verdict', `claim ${legal.id}`)).toMatchObject({
      status: 'differs',
      detail: 'the verdict is now False; the report says Misleading',
    });
    expect(find(result, 'claim-history', `claim ${legal.id}`)?.detail).toMatch(/^1 change not in the report \(Misleading → False by alice/);
    expect(find(result, 'claim-statement', `claim ${legal.id}`)?.status).toBe('match');
    expect(find(result, 'claim-verdict', `claim ${troops.id}`)).toMatchObject({
      status: 'missing',
      detail: expect.stringContaining('not in the archive'),
    });
    expect(find(result, 'source-original', `article ${filed.id}`)).toMatchObject({
      status: 'differs',
      detail: expect.stringContaining('changed or damaged'),
    });
    expect(find(result, 'source-text', `article ${filed.id}`)?.status).toBe('match');
    // The bundle itself is untouched.
    expect(result.checks.filter((c) => c.kind === 'attachment').every((c) => c.status === 'match')).toBe(true);

    unlinkSync(archive.originals.path(ORIGINAL_SHA)!);
    const gone = await verifyReportPdf(pdf, { archive });
    expect(find(gone, 'source-original', `article ${filed.id}`)).toMatchObject({
      status: 'missing',
      detail: expect.stringContaining('no longer keeps the original file afp.html'),
    });
  });

  it('finds a source by its file in another archive, and says when its text differs there', async () => {
    const { pdf, filed } = await reportOf(await freshArchive());
    const bob = await freshArchive('bob');
    await bob.articles.insert({ title: 'Something else', text: 'Another story entirely.' });
    await seed(bob, `${TEXT} Updated at 10:00.`);
    const result = await verifyReportPdf(pdf, { archive: bob });
    expect(find(result, 'source-original', `article ${filed.id}`)).toMatchObject({
      status: 'match',
      detail: expect.stringContaining(`(now article ${filed.id + 1})`),
    });
    expect(find(result, 'source-text', `article ${filed.id}`)).toMatchObject({
      status: 'differs',
      detail: expect.stringMatching(/text .* changed since the report .*\(now article \d+\)/),
    });
  });

  it('gives every PDF report its metadata, but attaches nothing unless it is verifiable', async () => {
    const archive = await freshArchive();
    const { pdf } = await reportOf(archive, false);
    const { files, info } = await readPdfAttachments(pdf);
    expect(files).toEqual([]);
    expect(info).toMatchObject({ title: 'Deployment week', author: 'Alice, Desk' });
    expect(info.keywords).not.toContain('verifiable');
    const err = await errorOf(verifyReportPdf(pdf, { label: 'plain.pdf' }));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(
      /^plain\.pdf carries no Claimdesk verification bundle: it has no attached files\. Export the report as PDF with “Verifiable bundle” ticked/,
    );
  });

  it('refuses a file that is not a PDF, or a damaged one, with a clear error', async () => {
    const notPdf = await errorOf(verifyReportPdf(new TextEncoder().encode('Hello, I am a text file.'), { label: 'notes.txt' }));
    expect(notPdf).toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: 'notes.txt is not a PDF (it does not start with %PDF-).' });
    const archive = await freshArchive();
    const { pdf } = await reportOf(archive);
    const cut = await errorOf(verifyReportPdf(pdf.subarray(0, 400), { label: 'cut.pdf' }));
    expect(cut.code === 'PARSE_FAILED' || cut.code === 'NOT_FOUND').toBe(true);
    expect(cut.message).toMatch(/^cut\.pdf (is a damaged PDF|carries no Claimdesk verification bundle)/);
  });
});
