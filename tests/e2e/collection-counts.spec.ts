// Collection counts stay true (#19): the Collections menu's claim counts and the Library's collection
// filter (article counts) follow a claim or an article deleted, and its undo, without reloading.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('a collection’s counts follow a deleted claim and a deleted article, and their undo', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const article = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const [first, second] = app.services.archive.claims.list({ articleId: article.id, sort: 'createdAt', order: 'asc', limit: 2 }).items;
  const made = await app.services.dispatch('collections.create', ['Counted']);
  if (!made.ok) throw new Error(made.error.message);
  const k = made.value as { id: number };
  expect((await app.services.dispatch('collections.add', [k.id, [first.id, second.id]])).ok).toBe(true);

  // The Claims view's Collections menu says 2; the claim deleted in the editor makes it 1.
  await ui.goTo('Claims');
  const menu = page.locator('details').filter({ has: page.locator('summary', { hasText: /^Collections/ }) });
  await menu.locator('summary').click();
  await expect(menu.getByRole('button', { name: /^Counted\s+2$/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await ui.row(second.statement.slice(0, 40)).click();
  await page.keyboard.press('Enter');
  await ui.editor.getByRole('button', { name: 'Delete claim' }).click();
  await expect(page.getByText('Claim deleted')).toBeVisible();
  await menu.locator('summary').click();
  await expect(menu.getByRole('button', { name: /^Counted\s+1$/ })).toBeVisible();
  // Undone while the menu is open: the count comes back in place.
  await ui.undo();
  await expect(menu.getByRole('button', { name: /^Counted\s+2$/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // The Library's collection filter counts its articles: the article deleted, 0; undone, 1 again.
  expect((await app.services.dispatch('collections.addArticles', [k.id, [article.id]])).ok).toBe(true);
  await ui.goTo('Library');
  const filter = page.getByRole('combobox', { name: 'Filter by collection' });
  await expect(filter.locator('option', { hasText: 'Counted' })).toHaveText('Counted (1 article)');
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('Delete');
  await expect(filter.locator('option', { hasText: 'Counted' })).toHaveText('Counted (0 articles)');
  await ui.undo();
  await expect(filter.locator('option', { hasText: 'Counted' })).toHaveText('Counted (1 article)');
});
