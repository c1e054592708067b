// Views stay current without reloading: a change (made here, from the command line or another
// window) reaches the views that show what changed, and only those; a load that fails says so in
// the view, with a way to try again.
import type { Page } from '@playwright/test';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';

async function addClaim(app: AppHarness, statement: string): Promise<number> {
  return (await app.services.archive.claims.insert({ statement, claimant: 'Test desk' } as never)).id;
}

async function call(app: AppHarness, method: string, args: unknown[]): Promise<void> {
  const res = await app.services.dispatch(method, args);
  expect(res.ok, JSON.stringify(res)).toBe(true);
}

/** Notes which API methods the window calls from now on (what it asks main for). */
async function watchCalls(page: Page): Promise<{ take: () => Promise<string[]> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __claimdeskInvoke: (m: string, a: unknown[]) => Promise<unknown>; __calls: string[] };
    const invoke = w.__claimdeskInvoke;
    w.__calls = [];
    w.__claimdeskInvoke = (method, args) => {
      w.__calls.push(method);
      return invoke(method, args);
    };
  });
  return { take: () => page.evaluate(() => (window as unknown as { __calls: string[] }).__calls.splice(0)) };
}

test("saving a verdict in the editor updates that claim's row in the open table, and nothing that shows no claims is fetched again", async ({
  app,
}) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaim(app, 'The harbour bridge reopened to lorries on Monday');
  await addClaim(app, 'Grain exports doubled in the first quarter');
  await ui.goTo('Claims');
  await expect(ui.row('harbour bridge')).toContainText('Unrated');
  await ui.row('harbour bridge').dblclick();
  await expect(ui.editor.getByLabel('Statement', { exact: true })).toHaveValue(/harbour bridge/);

  const calls = await watchCalls(page);
  await ui.editor.getByRole('radio', { name: /^\d?False$/ }).click();
  await ui.editor.getByLabel(/Why this verdict/).fill('The port authority says the bridge stays closed to lorries');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status')).toHaveText('Saved');
  await expect(ui.row('harbour bridge')).toContainText('False');
  await expect(ui.row('Grain exports')).toContainText('Unrated');

  const asked = await calls.take();
  expect(asked).toContain('claims.list'); // the table's rows
  expect(asked).toContain('claims.get'); // the editor's claim
  // Saved searches, collections and the article list show no claim: they are not asked for again.
  for (const untouched of ['savedSearches.list', 'collections.list', 'articles.list']) expect(asked).not.toContain(untouched);
});

test('a verdict set outside this window (the command line, another window) shows in the open table and editor', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const id = await addClaim(app, 'The mayor closed the harbour bridge on Monday');
  await ui.goTo('Claims');
  await ui.row('mayor closed').dblclick();
  await expect(ui.editor.getByRole('radio', { name: 'Unrated' })).toHaveAttribute('aria-checked', 'true');

  await call(app, 'claims.setVerdict', [id, 'claimdesk', 'false', 'Council minutes show the bridge stayed open']);
  await expect(ui.row('mayor closed')).toContainText('False');
  await expect(ui.editor.getByRole('radio', { name: /^\d?False$/ })).toHaveAttribute('aria-checked', 'true');
  await expect(ui.editor.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first()).toContainText(
    'Council minutes show the bridge stayed open',
  );
});

test('an article deleted elsewhere while it is open in the reader says so, and comes back when restored', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const first = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  await ui.openArticle(/North Korea/);

  await call(app, 'articles.delete', [first.id]);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open the article' });
  await expect(alert).toContainText('is deleted');
  await expect(alert.getByRole('button', { name: 'Back to library' })).toBeVisible();

  await call(app, 'articles.restore', [first.id]);
  await expect(alert).toBeHidden();
  await expect(page.locator('article h1')).toContainText('North Korea');
});

test('when listing entities fails the view says why, and Try again lists them', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  // Main answers every entity listing with an error until told otherwise (as a failing disk would).
  await page.evaluate(() => {
    const w = window as unknown as { __claimdeskInvoke: (m: string, a: unknown[]) => Promise<unknown>; __failEntities: boolean };
    const invoke = w.__claimdeskInvoke;
    w.__failEntities = true;
    w.__claimdeskInvoke = (method, args) =>
      method === 'entities.list' && w.__failEntities
        ? Promise.resolve({ ok: false, error: { code: 'IO', message: 'The archive could not be read from disk.' } })
        : invoke(method, args);
  });
  await ui.goTo('Entities');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not list entities' });
  await expect(alert).toContainText('The archive could not be read from disk.');
  // For a human to look at (see editing-screens): the error as a view shows it, light and dark.
  if (process.env.CLAIMDESK_SHOTS)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${process.env.CLAIMDESK_SHOTS}/load-error-${scheme}.png`, animations: 'disabled' });
    }

  await page.evaluate(() => ((window as unknown as { __failEntities: boolean }).__failEntities = false));
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByRole('list', { name: 'Entities' })).toContainText('Kim Jong Gyu');
});
