// A mistaken entity merge is undone: from the toast (Undo), and later from the kept entity's page
// ("Merged from: …", "Split back out", confirmed) with the keyboard alone. Afterwards each entity's
// page lists its own claims again.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

const KEPT = 'Kim Jong Gyu';
const GONE = 'Volodymyr Zelensky';

test('merging the wrong person is undone from the toast, then split back out from the entity page with the keyboard', async ({ app }) => {
  const { page, services } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const [kept, gone] = [KEPT, GONE].map((name) => services.archive.entities.list({ search: name, type: 'person' })[0]);
  const claimsBy = (id: number) => services.crossref.entityProfile(id).claimsBy.map((c) => c.statement);
  const before = { kept: claimsBy(kept.id), gone: claimsBy(gone.id) };
  expect(before.kept).toHaveLength(5);
  expect(before.gone).toHaveLength(1);

  const openEntity = async (name: string) => {
    await ui.goTo('Entities');
    await page.getByLabel('Search entities').fill(name);
    await page
      .getByRole('list', { name: 'Entities' })
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  };
  const claimsMadeBy = (name: string) =>
    page
      .getByRole('region', { name: `Claims made by ${name}` })
      .getByRole('listitem')
      .locator('button');
  const aliases = page.getByRole('list', { name: 'Aliases' });
  const merged = page.getByRole('list', { name: 'Merged entities' });
  const toast = (text: string) => page.getByLabel('Notifications').getByRole('status').filter({ hasText: text });
  const merge = async () => {
    await page.getByLabel('Same person as').selectOption({ label: GONE });
    await page.getByRole('button', { name: `Merge into ${KEPT}…` }).click();
    await page.getByRole('button', { name: 'Merge now' }).click();
    await expect(aliases).toContainText(GONE);
    await expect(claimsMadeBy(KEPT)).toHaveCount(6);
  };

  // The mistake, and its undo from the toast.
  await openEntity(KEPT);
  await merge();
  await expect(merged).toContainText(`Merged from: ${GONE}`);
  await toast(`Merged ${GONE} into ${KEPT}`).getByRole('button', { name: 'Undo' }).click();
  await expect(aliases).not.toContainText(GONE);
  await expect(merged).toBeHidden();
  await expect(claimsMadeBy(KEPT)).toHaveCount(5);

  // Made again (not noticed this time); later, split back out from the page with the keyboard.
  await merge();
  await expect(merged.getByRole('listitem')).toHaveText(new RegExp(`^Merged from: ${GONE} \\(.+\\)`));
  await page.getByLabel('Same person as').focus();
  const splitButton = merged.getByRole('listitem').filter({ hasText: GONE }).getByRole('button', { name: 'Split back out…' });
  await expect(splitButton).toHaveAccessibleDescription(new RegExp(`Merged from: ${GONE}`));
  for (let i = 0; i < 6 && !(await splitButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(splitButton).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('button', { name: 'Split now' });
  await expect(confirm).toBeFocused();
  await expect(page.getByRole('note').filter({ hasText: 'Its own names and claims go back to it' })).toBeVisible();
  await page.keyboard.press('Enter');

  await expect(toast(`Split ${GONE} back out of ${KEPT}`)).toBeVisible();
  await expect(merged).toBeHidden();
  await expect(aliases).not.toContainText(GONE);
  await expect(page.getByLabel('Same person as')).toBeFocused();

  // Each page lists its own claims again.
  await expect(claimsMadeBy(KEPT)).toHaveText(before.kept);
  await openEntity(GONE);
  await expect(claimsMadeBy(GONE)).toHaveText(before.gone);
  expect(services.archive.entities.mergedFrom(kept.id)).toEqual([]);
  expect(
    services.archive.entities
      .list({ type: 'person' })
      .map((e) => e.name)
      .sort(),
  ).toEqual([KEPT, GONE]);
});
