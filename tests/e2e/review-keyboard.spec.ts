// Keyboard-only review (#19): from the library, with its pending counts and "To review" filter, to the
// next article to review (Alt+N), suggestions accepted with a and rejected with r (the focus moving
// on), a verdict set in the claim editor and saved with Ctrl+S (the focus staying in it, so Esc still
// closes it), a claim made from sentences selected with the keyboard, and Alt+2 from inside a field.
// With CLAIMDESK_SHOTS=<dir> the library with its counts is saved in light and dark for review.
import type { Locator, Page } from '@playwright/test';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk, sampleWithSuggestions } from './pages/claimdesk';
import type { NewClaim } from '../../shared/domain';
import { shoot } from './pages/shots';

// A made-up article: three sentences the extraction proposed, two it did not.
const BRIDGE = {
  title: 'Harbour bridge opening set for May despite delays',
  outlet: 'Coastal Herald',
  text:
    'The harbour bridge will open in May, the transport minister said on Tuesday. ' +
    '"We have every bolt we need," she told reporters at the site. ' +
    'The city council will vote on the final budget on 3 June.\n\n' +
    'Engineers doubt the date. Contractors said the steel arrived six weeks late.',
};
const OPENS_IN_MAY = 'The harbour bridge will open in May';
const EVERY_BOLT = 'We have every bolt we need';
const COUNCIL_VOTE = 'The city council will vote on the final budget on 3 June';

function proposal(quote: string, statement: string, claimant: string | null): NewClaim {
  const start = BRIDGE.text.indexOf(quote);
  return { quote, start, end: start + quote.length, statement, claimant, kind: claimant ? 'indirect' : 'reported', score: 0.8 };
}

/** The bridge article (imported after the sample, so first in the queue) and an article with nothing to review. */
async function arrange(app: AppHarness): Promise<{ samplePending: number }> {
  const sample = await sampleWithSuggestions(app);
  const { archive } = app.services;
  const bridge = await archive.articles.insert({ ...BRIDGE, published: '2026-03-03' } as never);
  await archive.suggestions.add(bridge.id, [
    proposal(OPENS_IN_MAY, 'The harbour bridge will open in May', 'transport minister'),
    proposal(EVERY_BOLT, 'The builders have every bolt they need', 'transport minister'),
    proposal(COUNCIL_VOTE, 'The city council will vote on the final budget on 3 June', null),
  ]);
  await archive.articles.insert({ title: 'Ferry timetable unchanged', text: 'The ferry keeps its winter timetable.' } as never);
  return { samplePending: archive.suggestions.list(sample.id, 'pending').length };
}

/** Presses `key` until `target` has the focus (Tab through a form as a user would). */
async function pressUntilFocused(page: Page, key: string, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

test('keyboard-only review of an article from Library to verdict', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const { samplePending } = await arrange(app);
  const total = samplePending + 3;

  // The library shows what waits for review: per article, and in total in the sidebar.
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  const bridgeRow = ui.articles.getByRole('button', { name: /^Harbour bridge/ });
  await expect(bridgeRow).toContainText('3 to review');
  await expect(ui.articles.getByRole('button', { name: /^North Korea/ })).toContainText(`${samplePending} to review`);
  await expect(ui.articles.getByRole('button', { name: /^Ferry timetable/ })).not.toContainText('to review');
  const sidebarTotal = ui.nav.getByRole('button', { name: new RegExp(`^${total} suggestions to review in 2 articles`) });
  await expect(sidebarTotal).toBeVisible();

  // "To review": from the search field (/), Tab reaches the filter; Space turns it on.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();
  await page.keyboard.press('Tab');
  const filter = page.getByRole('button', { name: /^To review/ });
  await expect(filter).toBeFocused();
  await page.keyboard.press('Space');
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(ui.articles.getByRole('listitem')).toHaveCount(2);
  await expect(ui.articles).not.toContainText('Ferry timetable');

  // Alt+N opens the next article to review on its suggestions, the first one focused.
  await page.keyboard.press('Alt+n');
  await expect(page.locator('article h1')).toHaveText(BRIDGE.title);
  await expect(page.getByRole('tab', { name: /Suggestions/ })).toHaveAttribute('aria-selected', 'true');
  const suggestion = (text: string) => ui.suggestions.getByRole('listitem').filter({ hasText: text });
  await expect(suggestion(OPENS_IN_MAY)).toBeFocused();
  await expect(page.getByRole('button', { name: '3 suggestions to review', exact: true })).toBeVisible();
  await shoot(page, 'reader-to-review');

  // a accepts; the next suggestion takes the focus, so r works at once; then the last one has it.
  await page.keyboard.press('a');
  await expect(suggestion('every bolt')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Accepted. 2 suggestions left.' })).toBeAttached();
  await page.keyboard.press('r');
  await expect(suggestion(COUNCIL_VOTE)).toBeFocused();
  await expect(ui.suggestions.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '1 suggestion to review', exact: true })).toBeVisible();
  await expect(ui.nav.getByRole('button', { name: new RegExp(`^${total - 2} suggestions to review`) })).toBeVisible();
  const bridgeId = app.services.archive.articles.list({ search: 'harbour', offset: 0, limit: 1 }).items[0].id;
  expect(app.services.archive.suggestions.list(bridgeId).map((s) => s.state)).toEqual(['accepted', 'rejected', 'pending']);

  // The tabs follow the arrow keys: back to the tab, ← shows the claims; Tab enters them, Enter opens the claim.
  const suggestionsTab = page.getByRole('tab', { name: /Suggestions/ });
  await pressUntilFocused(page, 'Shift+Tab', suggestionsTab);
  await page.keyboard.press('ArrowLeft');
  const claimsTab = page.getByRole('tab', { name: /Claims/ });
  await expect(claimsTab).toBeFocused();
  await expect(claimsTab).toHaveAttribute('aria-selected', 'true');
  await expect(suggestionsTab).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('Tab');
  const claim = ui.readerClaims.getByRole('button', { name: new RegExp(OPENS_IN_MAY) });
  await expect(claim).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui.editor).toBeVisible();
  await expect(ui.editor.getByLabel('Statement')).toBeFocused();

  // A verdict with its note, saved with Ctrl+S: the focus stays in the editor, so Esc closes it.
  const verdict = ui.editor.getByRole('radio', { name: 'Mostly false', exact: true });
  await pressUntilFocused(page, 'Tab', verdict);
  await page.keyboard.press('Space');
  await expect(verdict).toHaveAttribute('aria-checked', 'true');
  await pressUntilFocused(page, 'Tab', ui.editor.getByLabel(/Why this verdict/));
  await page.keyboard.type('The steel arrived six weeks late, so May is unlikely.');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  await expect(ui.editor.locator(':focus')).toHaveCount(1);
  const saved = app.services.archive.claims.list({ articleId: bridgeId, offset: 0, limit: 5 }).items[0];
  expect(saved).toMatchObject({ verdict: 'mostly-false', statement: 'The harbour bridge will open in May' });
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await expect(claim).toBeFocused();

  // A claim from sentences chosen with the keyboard: Alt+→ selects a sentence, Shift+Alt+→ adds the next.
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => selectedText(page)).toBe('The harbour bridge will open in May, the transport minister said on Tuesday.');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => selectedText(page)).toBe('Engineers doubt the date.');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect.poll(() => selectedText(page)).toMatch(/^Engineers doubt the date\.\s+Contractors said the steel arrived six weeks late\.$/);
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('blockquote', { name: 'Quote' })).toHaveText(
    'Engineers doubt the date. Contractors said the steel arrived six weeks late.',
  );
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(ui.readerClaims.getByRole('listitem')).toHaveCount(2);

  // Alt+2 switches the view from inside a text field (the library's search), and Alt+1 comes back.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('bridge');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
});

test('the library counts follow decisions, and "To review" says when nothing is left', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await arrange(app);
  const bridgeId = app.services.archive.articles.list({ search: 'harbour', offset: 0, limit: 1 }).items[0].id;

  await page.getByRole('button', { name: /^To review/ }).click();
  await expect(ui.articles.getByRole('listitem')).toHaveCount(2);

  // Decisions made anywhere (here: through the API) update the counts on screen.
  const pending = app.services.archive.suggestions.list(bridgeId, 'pending');
  const res = await app.services.dispatch('suggestions.reject', [bridgeId, pending[0].id]);
  expect(res.ok).toBe(true);
  await expect(ui.articles.getByRole('button', { name: /^Harbour bridge/ })).toContainText('2 to review');

  // The item pane offers the review; its button opens the reader on the first suggestion.
  await ui.articles.getByRole('button', { name: /^Harbour bridge/ }).focus();
  await expect(page.getByRole('complementary', { name: 'Article details' })).toContainText('2 suggested claims waiting for review');
  await shoot(page, 'library-to-review');
  await page.getByRole('button', { name: 'Review suggestions' }).click();
  await expect(ui.suggestions.getByRole('listitem').first()).toBeFocused();

  // Reject everything left everywhere: the filter says so, Alt+N too.
  for (const article of app.services.archive.suggestions.queue().articles)
    for (const s of app.services.archive.suggestions.list(article.articleId, 'pending'))
      expect((await app.services.dispatch('suggestions.reject', [article.articleId, s.id])).ok).toBe(true);
  await expect(page.getByText('No suggestions waiting.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Next article to review/ })).toHaveCount(0);
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Nothing left to review' })).toBeVisible();
  await expect(ui.nav.getByRole('button', { name: /to review/ })).toHaveCount(0);
  await page.keyboard.press('Alt+n');
  await expect(page.getByText('No suggestions left to review')).toBeVisible();
  await page.getByRole('button', { name: 'Show all articles' }).click();
  await expect(ui.articles.getByRole('listitem')).toHaveCount(3);
  await shoot(page, 'library-all-reviewed');
});
