// Opening the stored original from the reader: a researcher imports a PDF and a saved web page, opens
// each from the reader (button, key o, command palette), and the file handed to the system's viewer
// is the imported PDF byte for byte, while the web page only ever leaves as a copy without its
// scripts. "Save original as…" writes the stored file where they choose.
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { makePdf } from '../fixtures/importers/make';
import { shoot } from './pages/shots';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-originals-e2e-'));
test.use({ seedSample: false, serviceOptions: { chooseSavePath: async (o) => join(dir, `saved-${o.defaultName}`) } });

const PAGE = `<!doctype html><html><head><title>Tram depot plan approved</title>
<script>document.title = 'ran'; fetch('https://tracker.example/?reader=1')</script></head>
<body onload="alert('hello')"><article><h1>Tram depot plan approved</h1>
<p>The council said on Monday that 240 flats would be built on the old depot site by 2028, a third of them for social rent.</p>
<p>Opponents said the plan would remove the last green space in the ward.</p></article></body></html>`;

async function importFile(app: AppHarness, name: string, bytes: Uint8Array | string): Promise<Buffer> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  await app.dropFiles([file]);
  // A PDF is read in the import worker: on a busy machine that takes more than a few seconds.
  await expect(app.page.getByRole('region', { name: 'Import progress' })).toContainText('1 article imported', { timeout: 60_000 });
  return readFile(file);
}

test('the researcher opens an imported PDF from the reader and the viewer gets the very file imported', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const pdf = await importFile(
    app,
    'harbour-wall.pdf',
    makePdf({
      info: { Title: 'Harbour wall to be raised' },
      pages: [
        [
          { text: 'Harbour wall to be raised', size: 20 },
          { text: 'The harbour council voted on Tuesday to raise the sea wall by two metres before 2030.' },
        ],
      ],
    }),
  );
  await ui.openArticle(/Harbour wall/);

  await page.getByRole('button', { name: 'Open original' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened “harbour-wall.pdf” in your PDF viewer' })).toBeVisible();
  expect(app.opened).toHaveLength(1);
  expect(app.opened[0]).toMatch(/harbour-wall\.pdf$/);
  expect(Buffer.compare(await readFile(app.opened[0]), pdf), 'the file opened is the imported PDF, byte for byte').toBe(0);
  await shoot(app.page, 'reader-open-original');

  // From the keyboard, and the help and the palette name it.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('o');
  await expect.poll(() => app.opened.length).toBe(2);
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: /Keyboard shortcuts/i })).toContainText('Open the original file in your system’s viewer');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('open the original');
  await page.keyboard.press('Enter');
  await expect.poll(() => app.opened.length).toBe(3);

  // Save original as… writes the stored bytes where the researcher chose.
  await page.getByRole('button', { name: 'Save original as…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the original to' })).toBeVisible();
  expect(Buffer.compare(await readFile(join(dir, 'saved-harbour-wall.pdf')), pdf)).toBe(0);
});

test('a saved web page opens only as a copy without its scripts or trackers', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await importFile(app, 'depot.html', PAGE);
  await ui.openArticle(/Tram depot plan approved/);

  await page.keyboard.press('o');
  await expect(page.getByRole('status').filter({ hasText: 'the saved page without its scripts or remote content' })).toBeVisible();
  expect(app.opened).toHaveLength(1);
  expect(app.opened[0]).toMatch(/depot \(safe copy\)\.html$/);
  const copy = await readFile(app.opened[0], 'utf8');
  expect(copy).toContain('240 flats would be built on the old depot site');
  expect(copy).not.toMatch(/<script|onload|tracker\.example/i);

  // Opened by a browser, the copy runs nothing and asks nothing of the network.
  const requests: string[] = [];
  const viewer = await page.context().newPage();
  viewer.on('request', (r) => requests.push(r.url()));
  const dialogs: string[] = [];
  viewer.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await viewer.goto(`file://${app.opened[0]}`);
  await expect(viewer.getByRole('heading', { name: 'Tram depot plan approved' })).toBeVisible();
  await expect(viewer.getByRole('note')).toContainText('scripts, frames and remote content are removed');
  expect(await viewer.title()).toBe('Tram depot plan approved');
  expect(dialogs).toEqual([]);
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await viewer.close();
});

test('an article typed in by hand offers no original to open', async ({ app }) => {
  const { page, services } = app;
  const ui = new Claimdesk(page);
  await services.archive.articles.insert({ title: 'Notes from the phone call', text: 'The mayor said the depot would close in May.' });
  await page.reload();
  await ui.openArticle(/Notes from the phone call/);
  await expect(page.getByRole('button', { name: 'Edit details…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open original' })).toHaveCount(0);
  await page.keyboard.press('o');
  expect(app.opened).toEqual([]);
});
