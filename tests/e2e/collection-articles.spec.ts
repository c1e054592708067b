// Collections hold articles (#19), from the keyboard: the researcher makes a collection, adds the
// article on the Library's active row to it with c, opens the collection and sees the article there,
// makes a report of it (its claims are the article's claims), and undoes the addition.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('an article goes into a collection from the Library by keyboard, the collection lists it and its report holds its claims', async ({
  app,
}) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const claims = app.services.archive.claims.list({ articleId: article.id, limit: 5000 }).total;
  expect(claims).toBeGreaterThan(1);
  const shots = process.env.CLAIMDESK_SHOTS;
  const shoot = async (name: string) => {
    for (const scheme of shots ? (['light', 'dark'] as const) : []) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/${name}-${scheme}.png` });
    }
    if (shots) await page.emulateMedia({ colorScheme: 'light' });
  };

  // A new, empty collection from the palette.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('new collection');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'New collection' }).getByLabel('Name').fill('Kursk sources');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Made collection “Kursk sources”')).toBeVisible();

  // In the Library: / then ↓ reaches the first article; c offers the collections to put it in.
  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  await expect(ui.articles.getByRole('button', { name: article.title }).first()).toBeFocused();
  await page.keyboard.press('c');
  const command = page.getByRole('combobox', { name: 'Command' });
  await expect(command).toHaveValue('this article');
  await expect(page.getByRole('option', { name: /Add this article to collection “Kursk sources”/ })).toBeVisible();
  await shoot('collection-articles-palette');
  await page.keyboard.type(' kursk');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Added the article to “Kursk sources” (its claims are in it too)')).toBeVisible();
  const [k] = app.services.archive.collections.list();
  expect(k).toMatchObject({ name: 'Kursk sources', articleCount: 1, claimCount: claims });

  // Opening the collection: the Library lists its article.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('articles of collection kursk');
  // The entry is offered once the collection has an article: wait for it, as a reader would, rather
  // than pressing Enter on whatever the palette shows while the counts refresh.
  await expect(page.getByRole('option', { name: /Show the articles of collection “Kursk sources”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Filter by collection' })).toHaveValue(String(k.id));
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  await expect(ui.articles).toContainText(article.title);
  await shoot('collection-articles-library');

  // A report of it holds the article's claims, and says what "a collection" means.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.getByLabel('Choose claims by').selectOption('collection');
  await page.getByLabel('Collection', { exact: true }).selectOption({ label: `Kursk sources (${claims})` });
  await expect(
    page.getByText(`The report holds the ${claims} claims of “Kursk sources”: the claims added to it and every claim of its 1 article.`),
  ).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText(`${claims} claims`);
  await expect(page.frameLocator('iframe[title^="Preview of"]').locator('article.claim')).toHaveCount(claims);
  await shoot('collection-articles-report');

  // The Claims view shows the collection's claims and says where they come from; a claim there through
  // its article stays, and the toast says why; "Show its articles" goes back to the Library's list.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('go to collection kursk');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Filter by collection' })).toHaveValue(String(k.id));
  await expect(page.getByText('“Kursk sources” holds the claims added to it and every claim of its 1 article.')).toBeVisible();
  await ui.rows().nth(0).click();
  await ui
    .rows()
    .nth(1)
    .click({ modifiers: ['Shift'] });
  await page
    .getByRole('toolbar', { name: 'Selected claims' })
    .getByRole('button', { name: /Remove from “Kursk sources”/ })
    .click();
  await expect(
    page.getByText('These 2 claims stay in “Kursk sources” through their articles (take the article out in the Library)'),
  ).toBeVisible();
  expect(app.services.archive.collections.list()[0]).toMatchObject({ claimCount: claims });
  await shoot('collection-articles-claims');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show its articles' }).click();
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);

  // In the reader, c offers to take the article out; the collection's Library list is then empty,
  // and Ctrl+Z puts it back.
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByRole('option', { name: /Remove this article from collection “Kursk sources”/ })).toBeVisible();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('remove this article kursk');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Took the article out of “Kursk sources”')).toBeVisible();
  await expect.poll(() => app.services.archive.collections.list()[0].articleCount).toBe(0);
  await page.keyboard.press('Alt+1');
  await expect(page.getByText('in the collection “Kursk sources”')).toBeVisible();
  await ui.undo();
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  expect(app.services.archive.collections.list()[0].articleCount).toBe(1);
});

test('a palette left open while a collection gets its first article (elsewhere) offers to show its articles', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const made = await app.services.dispatch('collections.create', ['Harbour week']);
  expect(made.ok, JSON.stringify(made)).toBe(true);
  const k = (made as { ok: true; value: { id: number } }).value;

  await page.keyboard.press('Control+k');
  await page.keyboard.type('articles of collection harbour');
  const entry = page.getByRole('option', { name: /Show the articles of collection “Harbour week”/ });
  await expect(page.getByRole('combobox', { name: 'Command' })).toHaveValue('articles of collection harbour');
  await expect(page.getByRole('listbox', { name: 'Commands' })).toBeVisible();
  await expect(entry).toHaveCount(0);

  // Another window (or the command line) adds an article: the open palette offers the entry as it arrives.
  const added = await app.services.dispatch('collections.addArticles', [k.id, [article.id]]);
  expect(added.ok, JSON.stringify(added)).toBe(true);
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(page.getByRole('combobox', { name: 'Filter by collection' })).toHaveValue(String(k.id));
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  await expect(ui.articles).toContainText(article.title);
});
