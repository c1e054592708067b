// Collections, as a researcher uses them: made from the palette, filled from the claims table,
// renamed, emptied from the claim editor (and put back with undo), used to scope a report, deleted.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('a researcher makes a collection, fills it, renames it, reports on it and deletes it', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.goTo('Claims');

  // From the command palette: New collection… asks for its name.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('new collection');
  await page.keyboard.press('Enter');
  const prompt = page.getByRole('dialog', { name: 'New collection' });
  await prompt.getByLabel('Name').fill('Deployment week');
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByText('Made collection “Deployment week”')).toBeVisible();

  // Two claims from the table, through the bulk bar.
  await ui.rows().nth(0).click();
  await ui
    .rows()
    .nth(1)
    .click({ modifiers: ['Shift'] });
  const bulk = page.getByRole('toolbar', { name: 'Selected claims' });
  await bulk.getByLabel('Add selected claims to a collection').selectOption({ label: 'Deployment week' });
  await expect(page.getByText('Added 2 claims to “Deployment week”')).toBeVisible();
  await expect(ui.nav.getByRole('button', { name: /^Undo Add 2 claims to “Deployment week”/ })).toBeEnabled();

  // Renamed from the Collections menu.
  const menu = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Collections/ }) });
  await menu.locator('summary').click();
  await menu.getByRole('button', { name: 'Rename collection Deployment week' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Deployment week”' });
  await expect(rename.getByLabel('Name')).toHaveValue('Deployment week');
  await rename.getByLabel('Name').fill('Kursk deployment');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Renamed to “Kursk deployment”')).toBeVisible();

  // Screenshots for a human to look at, only when CLAIMDESK_SHOTS names a folder (see editing-screens).
  const shots = process.env.CLAIMDESK_SHOTS;
  const shoot = async (name: string) => {
    for (const scheme of shots ? (['light', 'dark'] as const) : []) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/${name}-${scheme}.png` });
    }
  };

  // Showing the collection filters the table to its two claims.
  await menu.locator('summary').click();
  await shoot('collections-menu');
  await menu.getByRole('button', { name: /^Kursk deployment\s+2$/ }).click();
  await expect(ui.rows()).toHaveCount(2);
  const members = (await app.services.archive.claims.list({ collectionId: (await app.services.archive.collections.list())[0].id })).items;
  expect(members).toHaveLength(2);
  const [first, second] = members.map((m) => m.statement);

  // One taken out from the claim editor, then put back with undo.
  await ui.row(second.slice(0, 40)).click();
  await page.keyboard.press('Enter');
  await expect(ui.editor).toBeVisible();
  const inEditor = ui.editor.getByRole('list', { name: 'Collections of this claim' });
  await expect(inEditor).toContainText('Kursk deployment');
  await inEditor.scrollIntoViewIfNeeded();
  await shoot('collections-editor');
  await inEditor.getByRole('button', { name: 'Remove from collection Kursk deployment' }).click();
  await expect(inEditor).toContainText('In no collection.');
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await expect(ui.rows()).toHaveCount(1);
  await ui.undo();
  await expect(ui.rows()).toHaveCount(2);
  await expect(ui.nav.getByRole('status')).toContainText('Undid');
  await ui.rows().nth(0).click();
  await ui
    .rows()
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await shoot('collections-bulk');

  // A report scoped to the collection lists exactly its claims.
  await ui.goTo('Reports');
  await page.getByLabel('Choose claims by').selectOption('collection');
  await page.getByLabel('Collection', { exact: true }).selectOption({ label: 'Kursk deployment (2)' });
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText('2 claims');
  const preview = page.frameLocator('iframe[title^="Preview of"]');
  await expect(preview.locator('body')).toContainText(first.slice(0, 60));
  await expect(preview.locator('body')).toContainText(second.slice(0, 60));
  await expect(preview.locator('article.claim')).toHaveCount(2);
  await shoot('collections-report');

  // Deleted: gone from the menu and from the report's choices; its claims stay.
  await ui.goTo('Claims');
  await menu.locator('summary').click();
  await menu.getByRole('button', { name: 'Delete collection Kursk deployment' }).click();
  await expect(page.getByText('Deleted collection “Kursk deployment” (its 2 claims stay)')).toBeVisible();
  await menu.locator('summary').click();
  await expect(menu).toContainText('No collections yet.');
  await page.keyboard.press('Escape');
  await ui.goTo('Reports');
  await page.getByLabel('Choose claims by').selectOption('collection');
  await expect(page.getByText('No collections yet.')).toBeVisible();
  expect((await app.services.archive.claims.list({})).total).toBeGreaterThanOrEqual(2);
});

test('from the reader, an article’s claims go into a new collection in one step', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await ui.goTo('Library');
  const article = (await app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 })).items[0];
  const claims = (await app.services.archive.claims.list({ articleId: article.id, limit: 5000 })).total;
  expect(claims).toBeGreaterThan(1);
  await ui.openArticle(article.title);

  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Command' }).fill('article’s claims to a new collection');
  await page.keyboard.press('Enter');
  const prompt = page.getByRole('dialog', { name: 'New collection' });
  await expect(prompt).toContainText(`starting with the ${claims} claims of this article`);
  await prompt.getByLabel('Name').fill('Whole article');
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Made “Whole article” with ${claims} claims`)).toBeVisible();
  expect((await app.services.archive.collections.list()).map((k) => [k.name, k.claimCount])).toEqual([['Whole article', claims]]);

  // One undo step takes the whole collection away again.
  await page.getByRole('button', { name: 'Undo New collection “Whole article”', exact: false }).first().click();
  await expect.poll(async () => (await app.services.archive.collections.list()).length).toBe(0);
});
