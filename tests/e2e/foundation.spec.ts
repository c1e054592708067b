// A new user's first minutes: the app opens on the sample archive, served by the real services.
import { test, expect } from './harness';

test('first start shows the sample article and its claims', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  for (const name of ['Library', 'Claims', 'Entities', 'Reports']) {
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })).toBeVisible();
  }
  const article = page.getByRole('list', { name: 'Articles' }).getByRole('button').first();
  await expect(article).toContainText('North Korea');
  await expect(article).toContainText('2024');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims', exact: true }).click();
  const claims = page.getByRole('grid', { name: 'Claims' });
  await expect(claims).toContainText('Kim Jong Gyu');
  await expect(claims).toContainText('international law');
  const count = await app.services.archive.claims.list({ sort: 'createdAt', order: 'asc', offset: 0, limit: 100 }).total;
  expect(count).toBeGreaterThanOrEqual(5);
});

test('an empty archive invites the user to drop articles', async ({ app }) => {
  const { page } = app;
  const sample = (await app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 10 })).items;
  for (const a of sample) await app.services.archive.articles.delete(a.id);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your archive is empty' })).toBeVisible();
  await expect(page.getByText(/Drag articles onto this window/)).toBeVisible();
});

test('keyboard switches views', async ({ app }) => {
  const { page } = app;
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { name: 'Entities', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
});
