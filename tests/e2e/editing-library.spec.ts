// The library: article details edited in place, delete with undo, sort and search, and an archive
// larger than one page reached to its last article.
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
  expect(app.services.archive.articles.get(article.id)).toMatchObject({
    outlet: 'Korea JoongAng Daily',
    author: 'Kang Jin-kyu',
    language: 'en',
  });

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
  await app.services.archive.articles.insert({
    title: 'Grain corridor reopens',
    outlet: 'Reuters',
    published: '2023-07-01',
    text: 'Ships left Odesa on Monday.',
  } as never);
  await expect(ui.articles.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Sort articles by').selectOption('title');
  await expect(ui.articles.getByRole('button').first()).toContainText('Grain corridor reopens');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('troop');
  await expect(ui.articles.getByRole('listitem')).toHaveCount(1);
  await expect(ui.articles).toContainText('North Korea');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('zzzz-nothing');
  await expect(page.getByRole('heading', { name: 'No article matches' })).toBeVisible();
});

test.describe('a library of more articles than one page holds', () => {
  test.use({ seedSample: false });

  test('the oldest article is reached by scrolling and by End, opens with Enter, and its outlet is in the filter', async ({ app }) => {
    const { page } = app;
    const ui = new Claimdesk(page);
    const n = 1_205;
    // The archive's own insert in one transaction, as a large import writes them (well under a second).
    await app.services.archive.transaction((tx) => {
      for (let i = 0; i < n; i++) {
        const oldest = i === 0;
        tx.articles.insert({
          title: oldest ? 'The oldest article' : `Article number ${i}`,
          outlet: oldest ? 'Oldest Gazette' : ['Reuters', 'AP', 'AFP'][i % 3],
          text: `Report ${i}.`,
        });
      }
    });
    await expect(page.getByText('1,205 articles', { exact: true })).toBeVisible();
    const rows = ui.articles.getByRole('listitem');
    await expect(rows.first()).toContainText('Article number 1204');
    expect(await rows.count(), 'only about a screenful of rows is in the page').toBeLessThan(60);
    await expect(rows.first()).toHaveAttribute('aria-setsize', String(n));

    // Scrolling with the wheel pages in the rest, down to the oldest.
    await rows.first().hover();
    for (let i = 0; i < 20 && !(await rows.filter({ hasText: 'The oldest article' }).isVisible()); i++) await page.mouse.wheel(0, 5_000);
    await expect(rows.filter({ hasText: 'The oldest article' })).toBeVisible();
    await expect(rows.filter({ hasText: 'The oldest article' })).toHaveAttribute('aria-posinset', String(n));

    // From the keyboard: Home to the newest, End to the oldest, Enter opens it.
    await rows.getByRole('button').first().focus();
    await page.keyboard.press('Home');
    await expect(page.locator(':focus')).toContainText('Article number 1204');
    await page.keyboard.press('End');
    await expect(page.locator(':focus')).toContainText('The oldest article');
    await expect(page.getByRole('complementary', { name: 'Article details' })).toContainText('Oldest Gazette');
    await page.keyboard.press('Enter');
    await expect(page.locator('article h1')).toHaveText('The oldest article');

    // Back in the library the oldest article is still the active one, in view.
    await page.keyboard.press('Alt+1');
    await expect(rows.filter({ hasText: 'The oldest article' })).toBeVisible();
    await expect(rows.filter({ hasText: 'The oldest article' })).toHaveClass(/active/);

    // Every outlet is offered, the oldest article's own included, with its count.
    const outlet = page.getByLabel('Filter by outlet');
    await expect(outlet.getByRole('option')).toHaveText(['All outlets', 'AFP (401)', 'AP (402)', 'Oldest Gazette (1)', 'Reuters (401)']);
    await outlet.selectOption('Oldest Gazette');
    await expect(page.getByText('1 article', { exact: true })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('The oldest article');
  });
});
