// Bidi spoofing in the app (issue #13, item 12): a claimant holding U+202E RIGHT-TO-LEFT OVERRIDE
// stays inside its own element and cannot reorder the verdict or other text shown beside it.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

const RLO = '\u202E';

test('archive text with a right-to-left override is isolated wherever the app shows it', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const claim = await app.services.archive.claims.insert({ statement: `Troops were sent ${RLO}eurt`, claimant: `Kim ${RLO}gnoJ` } as never);
  await app.services.archive.claims.setVerdict(claim.id, 'claimdesk', 'false', `Satellite ${RLO}segami`);
  await ui.goTo('Claims');
  await ui.row('Troops were sent').dblclick();
  await expect(ui.editor).toBeVisible();

  // Every text holding the control sits in an isolating element, or alone in its block.
  const leaks = await page.evaluate((rlo) => {
    const found: string[] = [];
    let seen = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(rlo)) continue;
      seen++;
      const parent = node.parentElement!;
      const style = getComputedStyle(parent);
      const isolated = style.unicodeBidi === 'isolate' || style.unicodeBidi === 'plaintext';
      const aloneInBlock = !style.display.startsWith('inline') && parent.textContent === node.textContent;
      if (!isolated && !aloneInBlock) found.push(`<${parent.tagName.toLowerCase()} class="${parent.className}">${parent.textContent}`);
    }
    return { seen, found };
  }, RLO);
  expect(leaks.seen).toBeGreaterThan(1);
  expect(leaks.found).toEqual([]);
});
