// Sorting and sizing the tables from the keyboard: the Claims table's Date column sorts by the date
// it shows (the claim's own, else its article's), and the Library's column headers sort the list and
// resize like the Claims table's, the widths remembered over a reload.
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

test.use({ seedSample: false, viewport: { width: 1280, height: 800 } });

/** Three made-up articles; one claim carries its own date, the others take their article's. */
async function seed(app: AppHarness) {
  const { archive } = app.services;
  const depot = await archive.articles.insert({
    title: 'Old tram depot to become housing',
    outlet: 'Harrowgate Courier',
    published: '2025-03-10',
    text: 'The council said 240 flats would be built on the depot site.',
  });
  const bridge = await archive.articles.insert({
    title: 'Bridge repairs delayed again',
    outlet: 'Velde Valley Post',
    published: '2025-06-02',
    text: 'Engineers said the bridge would reopen in October.',
  });
  const audit = await archive.articles.insert({
    title: 'Auditors question dredging contracts',
    outlet: 'Almanac Weekly',
    published: '2025-01-20',
    text: 'Auditors said the contracts were awarded without a tender.',
  });
  await archive.claims.insert({ articleId: depot.id, statement: 'Flats claim: 240 flats on the depot site' });
  await archive.claims.insert({ articleId: bridge.id, statement: 'Bridge claim: reopening in October' });
  // Said in an interview long before the article about it was published.
  await archive.claims.insert({ articleId: audit.id, statement: 'Audit claim: no tender was held', claimDate: '2024-11-05' });
}

test('the Date column sorts the claims by the date each row shows, from the keyboard', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await seed(app);
  await ui.goTo('Claims');
  const date = ui.grid.getByRole('columnheader', { name: 'Date' });
  await expect(date).not.toHaveAttribute('aria-sort');

  await date.getByRole('button', { name: 'Date' }).focus();
  await page.keyboard.press('Enter');
  await expect(date).toHaveAttribute('aria-sort', 'descending');
  const firstWords = async () => (await ui.rows().allTextContents()).map((t) => t.split(':')[0].trim());
  // Newest first: 2 June (bridge, its article's date), 10 March (depot), 5 November 2024 (the claim's own date).
  await expect.poll(firstWords).toEqual(['Bridge claim', 'Flats claim', 'Audit claim']);
  await expect(ui.rows().first().getByRole('gridcell').nth(3)).toHaveText('Jun 2, 2025');
  await shoot(page, 'claims-sorted-by-date');

  await page.keyboard.press('Enter');
  await expect(date).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(firstWords).toEqual(['Audit claim', 'Flats claim', 'Bridge claim']);

  // The Article column sorts too, A to Z first.
  await ui.grid.getByRole('columnheader', { name: 'Article' }).getByRole('button').click();
  await expect(ui.grid.getByRole('columnheader', { name: 'Article' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(date).not.toHaveAttribute('aria-sort');
  await expect.poll(firstWords).toEqual(['Audit claim', 'Bridge claim', 'Flats claim']);
});

test('the Library’s headers sort the list and resize its columns, and the widths are remembered', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await seed(app);
  await ui.goTo('Library');
  const header = page.getByRole('table', { name: 'Article columns' });
  const titles = () => ui.articles.locator('.name').allTextContents();

  // Title: A to Z, then Z to A; the order menu follows.
  const title = header.getByRole('columnheader', { name: 'Title' });
  await title.getByRole('button', { name: 'Title' }).focus();
  await page.keyboard.press('Enter');
  await expect(title).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(titles)
    .toEqual(['Auditors question dredging contracts', 'Bridge repairs delayed again', 'Old tram depot to become housing']);
  await expect(page.getByRole('combobox', { name: 'Sort articles by' })).toHaveValue('title');
  await page.keyboard.press('Enter');
  await expect(title).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(titles)
    .toEqual(['Old tram depot to become housing', 'Bridge repairs delayed again', 'Auditors question dredging contracts']);

  // Published: newest first.
  await header.getByRole('columnheader', { name: 'Published' }).getByRole('button').click();
  await expect(header.getByRole('columnheader', { name: 'Published' })).toHaveAttribute('aria-sort', 'descending');
  await expect(title).not.toHaveAttribute('aria-sort');
  await expect
    .poll(titles)
    .toEqual(['Bridge repairs delayed again', 'Old tram depot to become housing', 'Auditors question dredging contracts']);

  // Widen the Outlet column from the keyboard; rows follow their header.
  const grip = header.getByRole('separator', { name: 'Resize column Outlet' });
  const before = Number(await grip.getAttribute('aria-valuenow'));
  const outletCell = ui.articles.locator('.outlet').first();
  const cellBefore = (await outletCell.boundingBox())!.width;
  await grip.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(grip).toHaveAttribute('aria-valuenow', String(before + 40));
  await expect.poll(async () => (await outletCell.boundingBox())!.width).toBeCloseTo(cellBefore + 40, -1);
  // Keys meant for the list do not move it while the grip has the focus.
  await page.keyboard.press('Home');
  await expect(grip).toHaveAttribute('aria-valuenow', '70');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(grip).toHaveAttribute('aria-valuenow', '170');
  await shoot(page, 'library-columns');

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await ui.goTo('Library');
  const again = page.getByRole('table', { name: 'Article columns' }).getByRole('separator', { name: 'Resize column Outlet' });
  await expect(again).toHaveAttribute('aria-valuenow', '170');
  // Backspace gives the column its default width back.
  await again.focus();
  await page.keyboard.press('Backspace');
  await expect.poll(async () => Number(await again.getAttribute('aria-valuenow'))).toBe(before);
});
