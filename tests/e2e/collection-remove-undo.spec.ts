// Issue #19: taking claims out of a collection they are in only through their article changes
// nothing — the toast says they stay — and so it is no undo step: Undo still offers what it offered
// before (here: nothing). Taking out claims that were added to a collection is one undo step, as before.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('removing claims that stay through their article adds no undo step; removing added claims does', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const { archive } = app.services;
  const article = archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  const claimIds = archive.claims.list({ articleId: article.id, limit: 5000 }).items.map((c) => c.id);
  expect(claimIds.length).toBeGreaterThan(1);
  const kursk = await archive.collections.create('Kursk sources');
  await archive.collections.addArticles(kursk.id, [article.id]);
  const direct = await archive.collections.create('Direct picks');
  await archive.collections.add(direct.id, claimIds.slice(0, 2));
  const nothingToUndo = page.getByTitle('Nothing to undo');

  const removeTwoFrom = async (name: string) => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(`go to collection ${name}`);
    await page.keyboard.press('Enter');
    await expect(ui.rows()).not.toHaveCount(0);
    await ui.selectRows(0, 1);
    await ui.bulkBar.getByRole('button', { name: new RegExp(`Remove from “${name}`, 'i') }).click();
  };

  // Both claims stay in “Kursk sources” through the article: the toast says so, Undo has nothing.
  await expect(nothingToUndo).toBeDisabled();
  await removeTwoFrom('Kursk sources');
  await expect(
    page.getByText('These 2 claims stay in “Kursk sources” through their articles (take the article out in the Library)'),
  ).toBeVisible();
  await expect(nothingToUndo).toBeDisabled();
  expect(archive.collections.get(kursk.id)).toMatchObject({ claimCount: claimIds.length });
  await page.keyboard.press('Escape');

  // Claims added to “Direct picks” come out, as one undo step, and Ctrl+Z puts them back.
  await removeTwoFrom('Direct picks');
  await expect(page.getByText('Removed 2 claims from “Direct picks”')).toBeVisible();
  await expect.poll(() => archive.collections.get(direct.id).claimCount).toBe(0);
  await expect(page.getByRole('button', { name: 'Undo Remove 2 claims from “Direct picks”' })).toBeEnabled();
  await page.keyboard.press('Escape');
  await ui.undo();
  await expect.poll(() => archive.collections.get(direct.id).claimCount).toBe(2);
  await expect(nothingToUndo).toBeDisabled();
});
