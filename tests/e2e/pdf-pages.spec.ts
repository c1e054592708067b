// A claim from a PDF knows its page (#19): the researcher imports a three-page PDF, selects a passage
// on page 3 and opens the original (told to go to page 3), makes a claim of it, and sees "p. 3" in the
// reader's claim list and in the claim editor.
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { makePdf } from '../fixtures/importers/make';
import { shoot } from './pages/shots';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pdf-pages-e2e-'));
test.use({ seedSample: false });

test('a claim made from page 3 of a PDF says p. 3, and the original is opened with "Go to page 3"', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const file = join(dir, 'flood-report.pdf');
  await writeFile(
    file,
    makePdf({
      info: { Title: 'Flood defences report for the river towns' },
      pages: [
        [{ text: 'Flood defences report', size: 20 }, { text: 'The agency said on Monday that the new barrier protects 4,000 homes.' }],
        [{ text: 'Residents said the pumps failed twice during the storm last winter.' }],
        [{ text: 'The council said the repairs will cost 2 million pounds this year.' }],
      ],
    }),
  );
  await app.dropFiles([file]);
  await expect(page.getByRole('region', { name: 'Import progress' })).toContainText('1 article imported', { timeout: 60_000 });
  await ui.openArticle(/Flood defences report/);

  await ui.selectInArticle('The council said the repairs will cost 2 million pounds this year.');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('o');
  await expect(page.getByRole('status').filter({ hasText: 'Opened “flood-report.pdf” in your PDF viewer. Go to page 3' })).toBeVisible();

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: /^Claims/ }).click();
  const claim = ui.readerClaims.getByRole('listitem');
  await expect(claim).toHaveCount(1);
  await expect(claim).toContainText('p. 3');
  await shoot(page, 'reader-claim-page');

  await claim.getByRole('button').click();
  await expect(ui.editor).toBeVisible();
  await expect(ui.editor.getByText('p. 3', { exact: true })).toBeVisible();
  await expect(ui.editor.getByTitle('The passage is on page 3 of the original')).toBeVisible();
  await shoot(page, 'editor-claim-page');
});
