// Notes and tags on articles (#19): the researcher tags an article and writes a note in its details
// from the keyboard, finds it with the library's tag filter, and undoes the change.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('an article gets tags and a note from the keyboard, the tag filter finds it, and undo takes them back', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(article.title);

  await dialog.getByRole('textbox', { name: 'Tags' }).focus();
  await page.keyboard.type('follow up');
  await page.keyboard.press('Enter');
  await page.keyboard.type('wire');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove tag follow up' })).toBeVisible();
  await expect(dialog).toBeVisible(); // Enter in the tag field adds a tag, it does not save
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Notes')).toBeFocused();
  await page.keyboard.type('Ask the agency which ministry briefed it.');
  if (process.env.CLAIMDESK_SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${process.env.CLAIMDESK_SHOTS}/article-details-tags-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  expect(app.services.archive.articles.get(article.id)).toMatchObject({
    tags: ['follow up', 'wire'],
    notes: 'Ask the agency which ministry briefed it.',
  });

  // The library shows the tags (and the details pane the note), and filters by them.
  await expect(ui.articles.getByRole('button').first()).toContainText('follow up');
  await expect(page.getByRole('complementary', { name: 'Article details' })).toContainText('Ask the agency which ministry briefed it.');
  const filter = page.getByRole('combobox', { name: 'Filter by tag' });
  await filter.selectOption('follow up');
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  await expect(ui.articles).toContainText(article.title);
  if (process.env.CLAIMDESK_SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${process.env.CLAIMDESK_SHOTS}/library-tag-filter-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // Undo takes the tags and the note back; the filter then finds nothing and says so.
  await ui.articles.getByRole('button').first().focus();
  await ui.undo();
  await expect.poll(() => app.services.archive.articles.get(article.id).tags).toEqual([]);
  expect(app.services.archive.articles.get(article.id).notes).toBe('');
  await expect(page.getByText('tagged “follow up”')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(ui.articles).toContainText(article.title);
  await expect(filter).toBeHidden(); // no article has a tag any more
});
