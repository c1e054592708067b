// The Library's tag chips are whole (#19): a row with a two-line title, a byline and tags shows each
// chip with its full border, inside the row, in light and dark.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

test('tag chips on a Library row are not clipped, whatever the title’s length', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1280, height: 820 });
  const [sample] = app.services.archive.articles.list({ sort: 'importedAt', order: 'desc', offset: 0, limit: 1 }).items;
  await app.services.archive.articles.update(sample.id, { tags: ['kursk', 'follow up'] });
  await app.services.archive.articles.insert({
    title: 'Defence ministry says troop movements near the border were routine exercises planned months ago, not a deployment',
    author: 'Kang Jin-kyu',
    outlet: 'Korea JoongAng Daily',
    text: 'The ministry said the movements were routine.',
    tags: ['border', 'exercises', 'needs source'],
  });
  await ui.goTo('Library');
  await expect(ui.articles.getByRole('listitem')).toHaveCount(2);

  const shots = process.env.CLAIMDESK_SHOTS;
  for (const scheme of shots ? (['light', 'dark'] as const) : []) {
    await page.emulateMedia({ colorScheme: scheme });
    await ui.articles.screenshot({ path: `${shots}/library-tag-chips-${scheme}.png` });
  }
  const chips = ui.articles.locator('.user-tag');
  await expect(chips).toHaveCount(5);
  for (const chip of await chips.all()) {
    const row = chip.locator('xpath=ancestor::li[1]');
    const byline = chip.locator('xpath=..');
    const [c, r, b] = [await chip.boundingBox(), await row.boundingBox(), await byline.boundingBox()];
    // The chip's whole box (its border included) lies inside what its byline and its row show.
    expect(c && r && b).toBeTruthy();
    expect(c!.y).toBeGreaterThanOrEqual(b!.y);
    expect(c!.y + c!.height).toBeLessThanOrEqual(b!.y + b!.height);
    expect(c!.y).toBeGreaterThanOrEqual(r!.y);
    expect(c!.y + c!.height).toBeLessThanOrEqual(r!.y + r!.height);
  }
});
