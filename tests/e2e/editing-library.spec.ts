// The library: article details edited in place, delete with undo, sort and search.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('article details are edited from the keyboard and the change can be undone', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Article details' });
  await expect(dialog.getByLabel('Title')).toHaveValue(article.title);
  await dialog.getByLabel('Outlet').fill('Korea JoongAng Daily');
  await dialog.getByLabel('Author').fill('Kang Jin-kyu');
  await dialog.getByLabel('Language').fill('en');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(ui.articles).toContainText('Korea JoongAng Daily');
  expect(app.services.archive.articles.get(article.id)).toMatchObject({ outlet: 'Korea JoongAng Daily', author: 'Kang Jin-kyu', language: 'en' });

  await ui.undo();
  await expect(ui.articles).not.toContainText('Korea JoongAng Daily');
  expect(app.services.archive.articles.get(article.id).outlet).toBe(article.outlet);
});

test('a deleted article comes back with its claims from the toast or Ctrl+Z', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const claims = app.services.archive.info().counts.claims;
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('heading', { name: 'Your archive is empty' })).toBeVisible();
  expect(app.services.archive.info().counts.claims).toBe(0);

  await page.getByRole('status').filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect(ui.articles.getByRole('button').first()).toContainText(article.title);
  expect(app.services.archive.info().counts.claims).toBe(claims);

  await ui.redo();
  await expect(page.getByRole('heading', { name: 'Your archive is empty' })).toBeVisible();
  await ui.undo();
  await expect(ui.articles.getByRole('button').first()).toContainText(article.title);
});

test('search and sort find articles, with a clear empty result', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await app.services.archive.articles.insert({ title: 'Grain corridor reopens', outlet: 'Reuters', published: '2023-07-01', text: 'Ships left Odesa on Monday.' } as never);
  await app.emit('archive.changed', { kind: 'articles' });
  await expect(ui.articles.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Sort articles by').selectOption('title');
  await expect(ui.articles.getByRole('button').first()).toContainText('Grain corridor reopens');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('troop');
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  await expect(ui.articles).toContainText('North Korea');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('zzzz-nothing');
  await expect(page.getByRole('heading', { name: 'No article matches' })).toBeVisible();
});
