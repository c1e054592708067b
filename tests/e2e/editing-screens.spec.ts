// Every editing view renders in light and dark without page errors. With CLAIMDESK_SHOTS=<dir> the
// views are also saved as screenshots for review, and CLAIMDESK_README_SHOT=1 refreshes
// resources/screenshot.png (the README's picture of the library).
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ROOT, type AppHarness } from './harness';
import { Claimdesk, sampleWithSuggestions } from './pages/claimdesk';

const SHOTS = process.env.CLAIMDESK_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });
}

/** A few verdicts, so the views show their colours. */
async function rateSome(app: AppHarness): Promise<void> {
  const claims = app.services.archive.claims.list({ sort: 'createdAt', order: 'asc', offset: 0, limit: 20 }).items;
  const verdicts: [number, string, string][] = [
    [0, 'mostly-true', 'Satellite images and South Korean intelligence agree'],
    [1, 'unprovable', 'No independent confirmation of the statement'],
    [2, 'true', 'Confirmed by the Pentagon on 28 October'],
    [4, 'misleading', 'Omits that the troops were already in Russia'],
  ];
  for (const [i, verdict, note] of verdicts)
    if (claims[i]) await app.services.archive.claims.setVerdict(claims[i].id, 'claimdesk', verdict, note);
  if (claims[3]) await app.services.archive.claims.setStatus(claims[3].id, 'in_progress');
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every view renders (${scheme})`, async ({ app }) => {
    const { page } = app;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: scheme });
    const ui = new Claimdesk(page);
    const article = await sampleWithSuggestions(app);
    // Accept the better-scored half, so the reader shows claims and suggestions still waiting.
    const scores = app.services.archive.suggestions
      .list(article.id)
      .map((s) => s.payload.score ?? 0)
      .sort((a, b) => b - a);
    await app.services.dispatch('suggestions.acceptAbove', [article.id, scores[Math.floor(scores.length / 2) - 1]]);
    await rateSome(app);

    await expect(ui.articles.getByRole('button').first()).toContainText('North Korea');
    await expect(page.getByRole('list', { name: 'First claims' })).toBeVisible();
    await shot(page, `library-${scheme}`);

    await ui.openArticle(/North Korea/);
    await shot(page, `reader-${scheme}`);
    await page.getByRole('tab', { name: /Suggestions/ }).click();
    await expect(ui.suggestions).toBeVisible();
    await shot(page, `reader-suggestions-${scheme}`);

    await ui.goTo('Claims');
    await expect(ui.rows().first()).toBeVisible();
    await shot(page, `claims-${scheme}`);
    await ui.rows().nth(0).click();
    await ui
      .rows()
      .nth(2)
      .click({ modifiers: ['Shift'] });
    await shot(page, `claims-selection-${scheme}`);
    await ui.rows().first().dblclick();
    await expect(ui.editor.getByLabel('Statement')).toBeVisible();
    await shot(page, `editor-${scheme}`);
    await ui.editor.getByRole('region', { name: 'Entities' }).scrollIntoViewIfNeeded();
    await shot(page, `editor-entities-${scheme}`);
    await ui.editor.getByRole('list', { name: 'Changes, newest first' }).scrollIntoViewIfNeeded();
    await shot(page, `editor-history-${scheme}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('verd');
    await shot(page, `palette-${scheme}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await shot(page, `help-${scheme}`);
    expect(errors).toEqual([]);
  });
}

// The README's picture: taken on every run (attached to the report); CLAIMDESK_README_SHOT=1 also
// refreshes resources/screenshot.png.
test('README screenshot of the library', async ({ app }, testInfo) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'light' });
  await rateSome(app);
  await expect(page.getByRole('list', { name: 'First claims' })).toBeVisible();
  const path = process.env.CLAIMDESK_README_SHOT ? join(ROOT, 'resources/screenshot.png') : testInfo.outputPath('library.png');
  await page.screenshot({ path, animations: 'disabled' });
});
