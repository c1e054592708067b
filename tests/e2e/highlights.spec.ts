// Highlights (#19): a passage kept as context without making it a claim. From the keyboard only: the
// article opened from the library, a sentence selected with Alt+→, h keeps it (marked in the text,
// listed under "Highlights" with the focus on it), n adds a note, Delete removes it and Ctrl+Z brings
// it back with its note, and "Make claim" opens a new claim from the passage. With CLAIMDESK_SHOTS=<dir> the reader is saved in light and dark for review.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

const ARTICLE = {
  title: 'Harbour bridge opening set for May despite delays',
  outlet: 'Coastal Herald',
  text:
    'The harbour bridge will open in May, the transport minister said on Tuesday. ' +
    'The old ferry pier was closed in 2019 after a storm damaged it.\n\n' +
    'Engineers doubt the date. Contractors said the steel arrived six weeks late.',
};
const FIRST = 'The harbour bridge will open in May, the transport minister said on Tuesday.';
const NOTE = 'Why May? Ask the ministry for the schedule.';

test('a sentence kept as a highlight from the keyboard, noted, deleted and brought back with Ctrl+Z', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const article = await app.services.archive.articles.insert(ARTICLE as never);

  // Open the article from the library with the keyboard.
  const row = ui.articles.getByRole('button', { name: /^Harbour bridge/ });
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);

  // Alt+→ selects the first sentence; h keeps it as a highlight.
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(FIRST);
  await page.keyboard.press('h');
  const tab = page.getByRole('tab', { name: /Highlights/ });
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  const list = page.getByRole('list', { name: 'Highlights in this article' });
  const item = list.getByRole('button', { name: new RegExp(`^“${FIRST}”`) });
  await expect(item).toBeFocused();
  // Marked in the text as a highlight, not as a claim.
  await expect(page.locator('article [data-highlight]')).toHaveText(FIRST);
  await expect(page.locator('article mark')).toHaveCount(0);
  expect(app.services.archive.highlights.forArticle(article.id)).toMatchObject([{ quote: FIRST, note: '' }]);
  expect(app.services.archive.claims.list({ articleId: article.id }).total).toBe(0);

  // n: a note, saved with Enter; the focus comes back to the highlight, which shows it.
  await page.keyboard.press('n');
  const noteField = list.getByRole('textbox', { name: 'Note' });
  await expect(noteField).toBeFocused();
  await page.keyboard.type(NOTE);
  await shoot(page, 'reader-highlight-note');
  await page.keyboard.press('Enter');
  await expect(noteField).toBeHidden();
  await expect(item).toBeFocused();
  await expect(item).toContainText(NOTE);
  await expect.poll(() => app.services.archive.highlights.forArticle(article.id)[0]?.note).toBe(NOTE);
  await shoot(page, 'reader-highlights');

  // Delete removes it (the focus goes to the tab, the list being empty); Ctrl+Z brings it back with its note.
  await page.keyboard.press('Delete');
  await expect(list).toBeHidden();
  await expect(page.getByText('No highlights yet.')).toBeVisible();
  await expect(tab).toBeFocused();
  await shoot(page, 'reader-highlights-empty');
  await expect(page.locator('article [data-highlight]')).toHaveCount(0);
  expect(app.services.archive.highlights.forArticle(article.id)).toEqual([]);
  await ui.undo();
  await expect(item).toBeVisible();
  await expect(item).toContainText(NOTE);
  await expect(page.locator('article [data-highlight]')).toHaveText(FIRST);
  expect(app.services.archive.highlights.forArticle(article.id)).toMatchObject([{ quote: FIRST, note: NOTE }]);

  // "Make claim": a new claim prefilled from the passage, in the source's own words.
  await item.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: 'Make claim' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New claim' });
  await expect(dialog.getByRole('blockquote', { name: 'Quote' })).toHaveText(FIRST);
});
