// A researcher's whole day without friction (#19, polish): the Undo button says what it would undo
// and the sidebar says whole what was last done; a report's cover starts dated today and an old
// "Saved … to" line goes once the report changes; verdicts are named and numbered alike in the help,
// the table, its filter and the editor; the palette jumps to an entity, a saved search and a
// collection by part of their names; similar claims say where and when they appeared; the Library's
// details pane shows a long URL whole.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

const SAMPLE_CLAIM = 'Seoul and Washington have accused';

/** The sample's claim whose statement holds `words` (a phrase search, as the table's search box does). */
function sampleClaim(app: AppHarness, words: string) {
  const hit = app.services.archive.claims.list({ search: `"${words}"`, sort: 'relevance', order: 'desc', offset: 0, limit: 1 }).items[0];
  expect(hit, `a claim with "${words}"`).toBeTruthy();
  return hit;
}

async function openEditor(ui: Claimdesk, words: string): Promise<void> {
  await ui.goTo('Claims');
  await ui.search.fill(`"${words}"`);
  await expect(ui.rows()).toHaveCount(1);
  await ui.rows().first().dblclick();
  await expect(ui.editor).toBeVisible();
}

/** True when the element shows all of its text: nothing cut off to the right or below (no ellipsis, no clamp). */
const showsAllOfItsText = (el: Locator) => el.evaluate((e) => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight);

/** The accessible names of the radios in a radio group, as a screen reader reads them. */
async function radioNames(group: Locator): Promise<string[]> {
  const snapshot = await group.ariaSnapshot();
  return [...snapshot.matchAll(/- radio "([^"]+)"/g)].map((m) => m[1]);
}

test('Undo and Redo name the action, and the sidebar says whole what was last done', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const claim = sampleClaim(app, SAMPLE_CLAIM);
  const undoButton = ui.nav.getByRole('button', { name: /^Undo/ });
  const redoButton = ui.nav.getByRole('button', { name: /^Redo/ });
  const lastDone = ui.saveStatus;
  await expect(undoButton).toBeDisabled();
  await expect(undoButton).toHaveAttribute('title', 'Nothing to undo');

  // A verdict set in the claim editor (the new claim moves to Done with it).
  await openEditor(ui, SAMPLE_CLAIM);
  await ui.editor.getByRole('radio', { name: 'Mostly false', exact: true }).click();
  await ui.editor.getByLabel(/Why this verdict/).fill('The troops were seen, but not their number.');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status')).toContainText('Saved');
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();

  await expect(undoButton).toHaveAccessibleName('Undo Set verdict: Mostly false');
  await expect(undoButton).toHaveAttribute('title', 'Undo Set verdict: Mostly false (Ctrl+Z)');
  await expect(redoButton).toBeDisabled();
  await expect(lastDone).toContainText('Saved · Set verdict: Mostly false');
  const lastDoneText = lastDone.getByText('Saved · Set verdict: Mostly false', { exact: true });
  await expect(lastDoneText).toBeVisible();
  expect(await showsAllOfItsText(lastDoneText)).toBe(true);

  // Undone with the sidebar's button: Redo now names it, and the sidebar says it was undone.
  await undoButton.click();
  await expect(redoButton).toHaveAccessibleName('Redo Set verdict: Mostly false');
  await expect(redoButton).toHaveAttribute('title', 'Redo Set verdict: Mostly false (Ctrl+Shift+Z)');
  await expect(undoButton).toBeDisabled();
  const undone = lastDone.getByText('Saved · Undid: Set verdict: Mostly false', { exact: true });
  await expect(undone).toBeVisible();
  expect(await showsAllOfItsText(undone)).toBe(true);
  await shoot(page, 'sidebar-undid');
  expect(app.services.archive.claims.get(claim.id).verdict).toBeNull();

  // Redone from the keyboard: Undo names it again.
  await ui.redo();
  await expect(undoButton).toHaveAccessibleName('Undo Set verdict: Mostly false');
  const redone = lastDone.getByText('Saved · Redid: Set verdict: Mostly false', { exact: true });
  await expect(redone).toBeVisible();
  expect(await showsAllOfItsText(redone)).toBe(true);
  expect(app.services.archive.claims.get(claim.id).verdict).toBe('mostly-false');

  // An article's details edited in the Library (e on the active row).
  await ui.goTo('Library');
  await ui.articles.getByRole('button').first().focus();
  await page.keyboard.press('e');
  const details = page.getByRole('dialog', { name: 'Article details' });
  await expect(details.getByLabel('Author')).toBeVisible();
  await details.getByLabel('Author').fill('Seoul bureau');
  await page.keyboard.press('Enter');
  await expect(details).toBeHidden();
  await expect(undoButton).toHaveAccessibleName('Undo Edit article details');
  await expect(undoButton).toHaveAttribute('title', 'Undo Edit article details (Ctrl+Z)');
  const edited = lastDone.getByText('Saved · Edit article details', { exact: true });
  await expect(edited).toBeVisible();
  expect(await showsAllOfItsText(edited)).toBe(true);
});

test.describe('reports', () => {
  const exportDir = mkdtempSync(join(tmpdir(), 'claimdesk-polish-'));
  test.use({ serviceOptions: { chooseSavePath: async (o) => join(exportDir, o.defaultName) } });

  test('a report’s cover is dated today, and the “Saved … to” line goes once the claims chosen or the layout change', async ({ app }) => {
    const { page } = app;
    const ui = new Claimdesk(page);
    await page.setViewportSize({ width: 1400, height: 900 });
    await ui.goTo('Reports');

    // The date field (yyyy-mm-dd, as a date input holds it) says today, in the researcher's time zone.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    await expect(page.getByRole('group', { name: 'Cover' }).getByLabel('Date')).toHaveValue(today);

    const all = app.services.archive.info().counts.claims;
    const toolbar = page.getByRole('toolbar', { name: 'Export' });
    await expect(toolbar).toContainText(`${all} claims`);
    const saved = page.getByRole('status').filter({ hasText: /^Saved \d+ claims? to / });
    await toolbar.getByRole('button', { name: 'CSV' }).click();
    await expect(saved).toHaveText(new RegExp(`^Saved ${all} claims to .*\\.csv$`));

    // Other claims chosen: the line about the old report goes.
    await page.getByLabel('Choose claims by').selectOption({ label: 'A search' });
    await expect(saved).toHaveCount(0);
    await page.getByLabel('Search claims for the report').fill('Kim');
    await expect(toolbar).toContainText(/\d+ claims?/);

    // Exported again, then the layout changed: it goes too.
    await toolbar.getByRole('button', { name: 'CSV' }).click();
    await expect(saved).toBeVisible();
    await page.getByLabel('Group by').selectOption({ label: 'Claimant' });
    await expect(saved).toHaveCount(0);
  });
});

test('verdicts are numbered and named alike in the help, the claims table, its filter and the editor', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });

  // The editor offers the verdicts of the claim's scale (after "Unrated"), each with its number key.
  await openEditor(ui, SAMPLE_CLAIM);
  await expect(ui.editor.getByRole('combobox', { name: 'Scale', exact: true }).locator('option:checked')).toHaveText(/\(default\)/);
  const names = await radioNames(ui.editor.getByRole('radiogroup', { name: 'Verdict' }));
  expect(names[0]).toBe('Unrated');
  const verdicts = names.slice(1);
  expect(verdicts.length).toBeGreaterThan(2);
  const keys = `1–${verdicts.length}`;
  await expect(ui.editor.getByRole('radio', { name: verdicts.at(-1), exact: true })).toContainText(String(verdicts.length));
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();

  // The table's footer says the same keys.
  await expect(page.getByText(`${keys} verdict`)).toBeVisible();

  // The verdict filter spells each verdict as the editor does, capitals included.
  await page.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Verdict' }).click();
  for (const name of ['Unrated', ...verdicts]) await expect(page.getByRole('checkbox', { name, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // F1: the help's Claims table section gives the same keys for the default scale.
  await ui.grid.focus();
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const table = help.getByRole('region', { name: 'Claims table' });
  await expect(table.locator('kbd').first()).toHaveText(keys);
  await expect(table).toContainText(`${keys} on the default scale`);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // ? opens the same help.
  await ui.grid.focus();
  await page.keyboard.press('?');
  await expect(help.getByRole('region', { name: 'Claims table' }).locator('kbd').first()).toHaveText(keys);
});

test('the palette jumps to an entity, a saved search and a collection by part of their names', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  // A saved search and a collection, made as the app makes them.
  const search = await app.services.dispatch('savedSearches.save', ['Weapons shipments', { search: 'weapons' }]);
  expect(search.ok, JSON.stringify(search)).toBe(true);
  const made = await app.services.dispatch('collections.create', ['Zelensky dossier']);
  if (!made.ok) throw new Error(made.error.message);
  const collection = made.value as { id: number };
  const collected = sampleClaim(app, 'could be sent into battle');
  expect((await app.services.dispatch('collections.add', [collection.id, [collected.id]])).ok).toBe(true);

  const command = page.getByRole('combobox', { name: 'Command' });
  const highlighted = page.getByRole('listbox', { name: 'Commands' }).getByRole('option', { selected: true });

  // An entity: its page opens.
  await page.keyboard.press('Control+k');
  await command.fill('kim jong g');
  await expect(highlighted).toContainText(/Entity\s*Kim Jong Gyu/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Kim Jong Gyu', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Claims made by Kim Jong Gyu' }).getByRole('listitem').first()).toBeVisible();

  // A saved search: the Claims table with its words, showing what it finds.
  const weapons = app.services.archive.claims.list({ search: 'weapons', offset: 0, limit: 50 }).total;
  expect(weapons).toBeGreaterThan(0);
  await page.keyboard.press('Control+k');
  await command.fill('weapons ship');
  await expect(highlighted).toContainText(/Saved search\s*Weapons shipments/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await expect(ui.search).toHaveValue('weapons');
  await expect(ui.rows()).toHaveCount(weapons);
  for (const row of await ui.rows().all()) await expect(row).toContainText(/weapon/i);

  // A collection: the Claims table filtered by it, its one claim shown.
  await page.keyboard.press('Control+k');
  await command.fill('zelensky dos');
  await expect(highlighted).toContainText(/Collections\s*Go to collection “Zelensky dossier”/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Filter by collection' })).toHaveValue(String(collection.id));
  await expect(ui.search).toHaveValue('');
  await expect(ui.rows()).toHaveCount(1);
  await expect(ui.rows().first()).toContainText('could be sent into battle');
});

test('each similar claim says where it appeared (the outlet) and when (its date, else its article’s)', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const { archive } = app.services;
  // The sample's claim repeated in two other outlets' articles: one dates the claim, the other does not.
  const repeats = [
    {
      article: { title: 'Allies say Pyongyang troops are in Russia', outlet: 'Reuters', published: '2024-10-27' },
      claim: 'Washington and Seoul accuse North Korea of sending thousands of soldiers to Russia.',
      claimDate: '2024-10-26',
      shows: 'Reuters · Oct 26, 2024',
    },
    {
      article: { title: 'Seoul repeats its accusation over North Korean troops', outlet: 'Yonhap', published: '2024-10-28' },
      claim: 'Seoul and Washington accused the North of sending thousands of troops to Russia.',
      claimDate: null,
      shows: 'Yonhap · Oct 28, 2024',
    },
  ];
  for (const r of repeats) {
    const article = await archive.articles.insert({ ...r.article, text: `${r.claim} Officials cited satellite imagery.` });
    await archive.claims.insert({ articleId: article.id, statement: r.claim, quote: r.claim, claimant: null, claimDate: r.claimDate });
  }

  await openEditor(ui, SAMPLE_CLAIM);
  const similar = ui.editor.getByRole('list', { name: 'Similar claims, most similar first' });
  for (const r of repeats) {
    const match = similar.getByRole('listitem').filter({ hasText: r.claim });
    await expect(match).toHaveCount(1);
    await expect(match).toContainText(r.shows);
    // The outlet's tooltip names the article it appeared in.
    await expect(match.getByTitle(r.article.title)).toBeVisible();
  }
  // And every match listed says where and when, none "undated".
  const items = similar.getByRole('listitem');
  expect(await items.count()).toBeGreaterThanOrEqual(2);
  for (const item of await items.all()) await expect(item).toContainText(/\s·\s[A-Z][a-z]{2} \d{1,2}, \d{4}/);
});

test('the Library’s details pane shows a long URL whole, wrapped inside the pane', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  const url =
    'https://www.example-news-agency.test/world/asia-pacific/2024/10/25/north-korea-says-any-troop-deployment-to-russia-' +
    'would-be-in-line-with-international-law?utm_source=morning-briefing&utm_medium=email&utm_campaign=asia-pacific-edition';
  const title = 'North Korea: deployment would be lawful';
  await app.services.archive.articles.insert({ title, outlet: 'Example News Agency', published: '2024-10-25', url, text: 'Text.' });

  await ui.goTo('Library');
  await ui.articles.getByRole('button', { name: new RegExp(`^${title}`) }).focus();
  const pane = page.getByRole('complementary', { name: 'Article details' });
  await expect(pane.getByRole('heading', { name: title })).toBeVisible();
  const shown = pane.getByText(url, { exact: true });
  await expect(shown).toBeVisible();
  await expect(shown).toHaveAttribute('title', url);
  expect(await showsAllOfItsText(shown)).toBe(true);
  // Wrapped onto several lines, within the pane, which does not scroll sideways.
  const fontSize = await shown.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const box = (await shown.boundingBox())!;
  const paneBox = (await pane.boundingBox())!;
  expect(box.height).toBeGreaterThan(fontSize * 2);
  await shoot(page, 'library-long-url');
  expect(box.x + box.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
  expect(await pane.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
});
