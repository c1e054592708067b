// Citations for a reference manager: a researcher exports the report's sources as BibTeX and RIS
// from Reports (citation-js reads them back), and copies a formatted citation of a claim's source
// from the claim editor, with the keyboard, in the style they choose.
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

const exportDir = mkdtempSync(join(tmpdir(), 'claimdesk-citations-'));
test.use({ serviceOptions: { chooseSavePath: async (o) => join(exportDir, o.defaultName) } });

const SAMPLE_CLAIM = 'Seoul and Washington have accused';

/** The sample article, with the byline and outlet a researcher would have filled in. */
async function sampleArticle(app: AppHarness) {
  const { archive } = app.services;
  const summary = archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items[0];
  return archive.articles.update(summary.id, { author: 'Jo Doe and Ann Lee', outlet: 'The Korea Times' });
}

test("the researcher exports the report's sources as BibTeX and RIS for Zotero", async ({ app }) => {
  const { page } = app;
  const article = await sampleArticle(app);
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.goTo('Reports');
  await expect(page.getByRole('toolbar', { name: 'Export' })).toContainText('12 claims');

  const sources = page.getByRole('group', { name: "Export the report's sources as citations" });
  await sources.getByLabel('Format').selectOption({ label: 'BibTeX' });
  await shoot(app.page, 'reports-sources');
  await sources.getByRole('button', { name: 'Export sources' }).click();
  const saved = page.getByRole('status').filter({ hasText: /^Saved citations of 1 source article to .*\.bib$/ });
  await expect(saved).toBeVisible();
  const bib = await readFile((await saved.textContent())!.replace(/^Saved citations of 1 source article to /, '').trim(), 'utf8');
  const [entry] = new Cite(bib).data as Record<string, unknown>[];
  expect(entry['citation-key']).toBe('doe2024north');
  expect(entry.title).toBe(article.title);
  expect(entry.author).toEqual([
    { family: 'Doe', given: 'Jo' },
    { family: 'Lee', given: 'Ann' },
  ]);
  expect(entry['container-title']).toBe('The Korea Times');

  await sources.getByLabel('Format').selectOption({ label: 'RIS' });
  await sources.getByRole('button', { name: 'Export sources' }).click();
  const risSaved = page.getByRole('status').filter({ hasText: /\.ris$/ });
  await expect(risSaved).toBeVisible();
  const ris = await readFile((await risSaved.textContent())!.replace(/^Saved citations of 1 source article to /, '').trim(), 'utf8');
  const [record] = new Cite(ris).data as Record<string, unknown>[];
  // A newspaper record's authors are its "reporters" in the RIS spec; citation-js reads them so.
  expect(record).toMatchObject({
    id: 'doe2024north',
    title: article.title,
    type: 'article-newspaper',
    'container-title': 'The Korea Times',
    reporter: ['Doe, Jo', 'Lee, Ann'],
  });
});

test("the researcher copies a Harvard citation of a claim's source from the claim editor, by keyboard", async ({ app }) => {
  const { page } = app;
  await sampleArticle(app);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.goTo('Claims');
  await ui.search.fill(SAMPLE_CLAIM);
  await ui.row(SAMPLE_CLAIM).dblclick();
  await expect(ui.editor).toBeVisible();

  const cite = ui.editor.getByRole('group', { name: 'Cite the source article' });
  const style = cite.getByLabel('Citation style');
  await style.focus();
  await style.selectOption({ label: 'Harvard' });
  await page.keyboard.press('Tab');
  await expect(cite.getByRole('button', { name: 'Copy citation' })).toBeFocused();
  await page.keyboard.press('Enter');

  const shown = cite.getByRole('status');
  await expect(shown).toContainText('Copied (doe2024north):');
  await expect(shown).toContainText('Doe, J. and Lee, A. (2024)');
  await expect(shown).toContainText('The Korea Times');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Doe, J\. and Lee, A\. \(2024\) .*North Korea says any troop deployment.*The Korea Times/);
  await shoot(app.page, 'editor-citation');

  // Another style, the same source.
  await style.selectOption({ label: 'APA (7th edition)' });
  await cite.getByRole('button', { name: 'Copy citation' }).press('Enter');
  await expect(shown).toContainText('Doe, J., & Lee, A. (2024, October 25).');
});
