// The report builder: choose claims, see them in the live preview, export to a file.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { promisify } from 'node:util';
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { readPdfAttachments } from '../../main/reports/verify';
import { ROOT } from './serve';

const run = promisify(execFile);

const exportDir = mkdtempSync(join(tmpdir(), 'claimdesk-reports-'));
test.use({ serviceOptions: { chooseSavePath: async (o) => join(exportDir, o.defaultName) } });

test('the preview shows the chosen claims and follows the cover text; exports write files with the claims', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.goTo('Reports');
  const preview = page.frameLocator('iframe[title^="Preview of"]');
  await expect(page.getByRole('region', { name: 'Report preview' })).toContainText('12 claims');
  await expect(preview.locator('body')).toContainText('Seoul and Washington have accused');

  await page.getByLabel('Choose claims by').selectOption('entity');
  await expect(page.getByRole('region', { name: 'Report preview' })).toContainText('Choose an entity.');
  await page.getByLabel('Entity', { exact: true }).selectOption({ label: 'Kim Jong Gyu (person)' });
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText('5 claims');
  await expect(preview.locator('body')).toContainText('act conforming with the regulations of international law');
  await expect(preview.locator('body')).not.toContainText('Seoul and Washington have accused');

  await page.getByLabel('Title').fill('Pyongyang on the deployment');
  await page.getByLabel('Author').fill('R. Searcher');
  await page.getByLabel('Group by').selectOption('none');
  await expect(preview.locator('body')).toContainText('Pyongyang on the deployment');
  await expect(preview.locator('body')).toContainText('R. Searcher');
  // The preview is inert: no scripts survive sanitising, and the frame may not run any.
  await expect(page.locator('iframe[title^="Preview of"]')).toHaveAttribute('sandbox', '');
  expect(await preview.locator('script').count()).toBe(0);
  // Screenshots for a human to look at, only when CLAIMDESK_SHOTS names a folder (see editing-screens).
  const shots = process.env.CLAIMDESK_SHOTS;
  for (const scheme of shots ? (['light', 'dark'] as const) : []) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${shots}/reports-${scheme}.png` });
  }

  const toolbar = page.getByRole('toolbar', { name: 'Export' });
  await toolbar.getByRole('button', { name: 'CSV' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved 5 claims to' });
  await expect(saved).toBeVisible();
  const csvPath = (await saved.textContent())!.replace(/^Saved 5 claims to /, '').trim();
  const csv = await readFile(csvPath, 'utf8');
  expect(csv).toContain('regulations of international law');
  expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(6);

  await toolbar.getByRole('button', { name: 'HTML' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\.html$/ })).toBeVisible();
  const htmlPath = (await page
    .getByRole('status')
    .filter({ hasText: /\.html$/ })
    .textContent())!
    .replace(/^Saved 5 claims to /, '')
    .trim();
  expect(await readFile(htmlPath, 'utf8')).toContain('Pyongyang on the deployment');
});

test('reports start from the claims selected in the Claims table, and an empty title is refused', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await ui.goTo('Claims');
  await ui.rows().nth(0).click();
  await ui
    .rows()
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await ui.goTo('Reports');
  await expect(page.getByLabel('Choose claims by')).toHaveValue('selection');
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText('2 claims');
  await page.getByLabel('Title').fill('  ');
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText('Give the report a title.');
  await expect(page.getByRole('toolbar', { name: 'Export' }).getByRole('button', { name: 'PDF' })).toBeDisabled();
});

test('a verifiable PDF made in Reports carries its ClaimReview, sources and verdict histories, and claimdesk verify says they match', async ({
  app,
}) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await ui.goTo('Reports');
  await page.getByLabel('Choose claims by').selectOption('entity');
  await page.getByLabel('Entity', { exact: true }).selectOption({ label: 'Kim Jong Gyu (person)' });
  const toolbar = page.getByRole('toolbar', { name: 'Export' });
  await expect(toolbar).toContainText('5 claims');
  await page.getByLabel('Title').fill('Kim Jong Gyu, checked');
  await page.getByRole('checkbox', { name: 'Verifiable bundle' }).check();

  await toolbar.getByRole('button', { name: 'PDF' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved 5 claims to .*\.pdf$/ });
  await expect(saved).toBeVisible({ timeout: 60_000 });
  const pdfPath = (await saved.textContent())!.replace(/^Saved 5 claims to /, '').trim();

  // What pdfdetach -list shows, and the check a reader of the report runs (the built claimdesk command).
  const pdf = await readFile(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const attached = (await readPdfAttachments(new Uint8Array(pdf))).files.map((f) => f.name).sort();
  expect(attached).toEqual(['claimreview.jsonld', 'manifest.json', 'sources.json', 'verdict-history.json']);
  const { stdout } = await run(process.execPath, [join(ROOT, 'out/main/cli.js'), 'verify', pdfPath, '--json'], { timeout: 60_000 });
  const verified = JSON.parse(stdout) as { ok: boolean; report: { title: string }; checks: { status: string }[] };
  expect(verified.report.title).toBe('Kim Jong Gyu, checked');
  expect(verified.ok).toBe(true);
  expect(verified.checks.length).toBeGreaterThan(0);
  expect(verified.checks.filter((c) => c.status !== 'match')).toEqual([]);
});
