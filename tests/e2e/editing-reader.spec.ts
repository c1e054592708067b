// The reader: claims from a text selection, reviewing the extraction's suggestions, highlights.
import { test, expect } from './harness';
import { Claimdesk, sampleWithSuggestions } from './pages/claimdesk';

const KIM = 'an act conforming with the regulations of international law';

test('selecting text creates a claim prefilled from extraction, shown highlighted and undoable', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = await sampleWithSuggestions(app);
  await ui.openArticle(/North Korea/);

  await ui.selectInArticle(KIM);
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('blockquote', { name: 'Quote' })).toHaveText(KIM);
  await expect(dialog.getByLabel('Claimant')).toHaveValue('Kim Jong Gyu');
  await expect(dialog.getByLabel('Kind')).toHaveValue('direct');
  await expect(dialog.getByRole('list', { name: 'Entities' })).toContainText('Kim Jong Gyu');
  await dialog.getByLabel('Statement').fill('A deployment to Russia would conform with international law');
  await dialog.getByRole('button', { name: 'Create claim' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(ui.readerClaims).toContainText('A deployment to Russia would conform with international law');
  const saved = app.services.archive.claims.list({ articleId: article.id, sort: 'createdAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  expect(saved).toMatchObject({ quote: KIM, claimant: 'Kim Jong Gyu', kind: 'direct' });
  expect(article.text.slice(saved.start!, saved.end!)).toBe(KIM);
  await expect(page.locator(`mark[data-claim="${saved.id}"]`).first()).toBeVisible();

  // Clicking the highlight opens the claim; undo removes it again.
  await page.locator(`mark[data-claim="${saved.id}"]`).first().click();
  await expect(ui.editor).toBeVisible();
  await expect(ui.editor.getByLabel('Statement')).toHaveValue('A deployment to Russia would conform with international law');
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await ui.undo();
  await expect(ui.readerClaims).toHaveCount(0);
  expect(app.services.archive.claims.list({ articleId: article.id, sort: 'createdAt', order: 'asc', offset: 0, limit: 10 }).total).toBe(0);
});

test('suggestions are accepted, rejected, undone, and accepted in bulk above a threshold', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = await sampleWithSuggestions(app);
  const pending = app.services.archive.suggestions.list(article.id, 'pending');
  expect(pending.length).toBeGreaterThanOrEqual(4);
  await ui.openArticle(/North Korea/);
  await page.getByRole('tab', { name: /Suggestions/ }).click();

  const first = ui.suggestions.getByRole('listitem').first();
  const firstStatement = pending[0].payload.statement;
  await first.getByRole('button', { name: 'Accept' }).click();
  await expect(ui.suggestions).not.toContainText(firstStatement);
  await page.getByRole('tab', { name: /Claims/ }).click();
  await expect(ui.readerClaims).toContainText(firstStatement);
  await page.getByRole('tab', { name: /Suggestions/ }).click();

  const secondStatement = pending[1].payload.statement;
  await ui.suggestions.getByRole('listitem').first().getByRole('button', { name: 'Reject' }).click();
  await expect(ui.suggestions).not.toContainText(secondStatement);
  expect(app.services.archive.suggestions.list(article.id).find((s) => s.id === pending[1].id)?.state).toBe('rejected');

  // Undo the rejection, then the acceptance: both are pending again and the claim is gone.
  await page.getByRole('tab', { name: /Suggestions/ }).focus();
  await ui.undo();
  await expect(ui.suggestions).toContainText(secondStatement);
  await ui.undo();
  await expect(ui.suggestions).toContainText(firstStatement);
  expect(app.services.archive.claims.list({ articleId: article.id, sort: 'createdAt', order: 'asc', offset: 0, limit: 10 }).total).toBe(0);

  // Accept everything scoring at least 80%.
  const slider = page.getByLabel(/Accept all with score/);
  await slider.fill('80');
  const expected = pending.filter((s) => (s.payload.score ?? 0) >= 0.8).length;
  expect(expected).toBeGreaterThan(0);
  await page.getByRole('button', { name: new RegExp(`^Accept ${expected} suggestion`) }).click();
  await expect(page.getByRole('tab', { name: /Suggestions/ })).toContainText(String(pending.length - expected));
  expect(app.services.archive.suggestions.list(article.id, 'accepted')).toHaveLength(expected);
});

test('a suggestion can be edited before it is accepted', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = await sampleWithSuggestions(app);
  await ui.openArticle(/North Korea/);
  await page.getByRole('tab', { name: /Suggestions/ }).click();
  await ui.suggestions.getByRole('listitem').first().getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit and accept suggestion' });
  await dialog.getByLabel('Statement').fill('North Korea says a deployment would be legal');
  await dialog.getByRole('button', { name: 'Accept claim' }).click();
  await expect(dialog).toBeHidden();
  const accepted = app.services.archive.suggestions.list(article.id, 'accepted');
  expect(accepted).toHaveLength(1);
  expect(app.services.archive.claims.get(accepted[0].claimId!).statement).toBe('North Korea says a deployment would be legal');
});
