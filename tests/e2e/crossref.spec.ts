// Cross-referencing views: similar claims in the editor, confirming "same claim" into a cluster,
// the one-source flag, entity pages, the stance matrix, the timeline and the graph.
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

const SAMPLE_CLAIM = 'Seoul and Washington have accused';
const PARAPHRASE = 'Washington and Seoul accuse North Korea of sending thousands of soldiers to Russia.';

function claimId(app: AppHarness, search: string): number {
  const hit = app.services.archive.claims.list({ search, sort: 'relevance', order: 'desc', offset: 0, limit: 1 }).items[0];
  expect(hit, `a claim matching "${search}"`).toBeTruthy();
  return hit.id;
}

/** A second, independent article (Reuters, two days later) repeating a sample claim in other words. */
async function addParaphrase(app: AppHarness): Promise<number> {
  const { archive } = app.services;
  const article = await archive.articles.insert({
    title: 'Allies say Pyongyang troops are in Russia',
    outlet: 'Reuters',
    published: '2024-10-27',
    text: `${PARAPHRASE} Officials in Seoul cited satellite imagery.`,
  });
  const claim = await archive.claims.insert({
    articleId: article.id,
    statement: PARAPHRASE,
    quote: PARAPHRASE,
    claimant: 'Washington',
    claimDate: '2024-10-27',
    entities: [
      { name: 'Washington', type: 'place', role: 'claimant' },
      { name: 'Russia', type: 'place', role: 'mentioned' },
    ],
  });
  return claim.id;
}

async function openEditor(app: AppHarness, ui: Claimdesk, text: string) {
  await ui.goTo('Claims');
  await ui.search.fill(text);
  await ui.row(text).dblclick();
  await expect(ui.editor).toBeVisible();
}

test('similar claims → "Same claim" (undoable) → the cluster shows both appearances, the first marked', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const paraphraseId = await addParaphrase(app);
  const originalId = claimId(app, '"Seoul and Washington have accused"');

  await openEditor(app, ui, SAMPLE_CLAIM);
  const similar = ui.editor.getByRole('list', { name: 'Similar claims, most similar first' });
  const first = similar.getByRole('listitem').first();
  await expect(first).toContainText('Washington and Seoul accuse');
  await expect(first).toContainText('Reuters · Oct 27, 2024'); // where and when the match appeared
  await ui.editor.getByRole('heading', { name: 'Similar claims' }).scrollIntoViewIfNeeded();
  await shoot(app.page, 'similar-panel');
  await first.getByRole('button', { name: 'Same claim' }).click();
  await expect(first).toContainText('Linked: Same claim');
  const links = app.services.archive.links.forClaim(originalId);
  expect(links.map((l) => [l.fromClaimId, l.toClaimId, l.type])).toEqual([[originalId, paraphraseId, 'same']]);

  // Undo removes the link; redo puts it back.
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await ui.undo();
  await expect.poll(() => app.services.archive.links.forClaim(originalId).length).toBe(0);
  await ui.redo();
  await expect.poll(() => app.services.archive.links.forClaim(originalId).length).toBe(1);

  await openEditor(app, ui, SAMPLE_CLAIM);
  await ui.editor.getByRole('button', { name: 'Cross-reference…' }).click();
  await expect(page.getByRole('heading', { name: 'Claim cluster', level: 1 })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Appearances, oldest first' }).getByRole('row');
  await expect(rows).toHaveCount(3); // header + two appearances
  await expect(rows.nth(1)).toContainText('First appearance');
  await expect(rows.nth(1)).toContainText('North Korea says any troop deployment');
  await expect(rows.nth(1)).toContainText(SAMPLE_CLAIM);
  await expect(rows.nth(2)).toContainText('Reuters');
  await expect(rows.nth(2)).not.toContainText('First appearance');
  await expect(page.getByRole('region', { name: 'Cluster summary' })).toContainText('2 articles');
  await shoot(app.page, 'cluster');
});

test('accepting a suggestion is at once a similar claim of its sibling — no index hook, no waiting', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const { archive } = app.services;
  const sibling = 'The port authority reported that cargo traffic fell by a third in 2024.';
  const proposal = 'Cargo traffic at the port fell by a third in 2024, the port authority said.';
  const article = await archive.articles.insert({
    title: 'Harbour traffic slumps',
    outlet: 'Harbour Daily',
    published: '2025-01-10',
    text: proposal,
  });
  await archive.claims.insert({ articleId: article.id, statement: sibling, quote: sibling, claimant: 'the port authority' });
  await archive.suggestions.add(article.id, [
    { quote: proposal, start: 0, end: proposal.length, statement: proposal, claimant: 'the port authority', kind: 'indirect', score: 0.9 },
  ]);

  // The sibling's similar claims are shown (the index is built) before the suggestion exists as a claim.
  await openEditor(app, ui, 'reported that cargo traffic');
  const panel = ui.editor.getByRole('region', { name: 'Similar claims' });
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect(panel).not.toContainText('Cargo traffic at the port');
  await expect(panel).toContainText('No close match'); // the sample's troop claims share words, not the claim
  await panel.scrollIntoViewIfNeeded();
  await shoot(app.page, 'similar-no-close-match');
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();

  await ui.goTo('Library');
  await ui.openArticle('Harbour traffic slumps');
  await page.getByRole('tab', { name: /Suggestions/ }).click();
  await ui.suggestions.getByRole('listitem').first().getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('No suggestions waiting.')).toBeVisible(); // accepted: the only suggestion is now a claim

  // Straight back to the sibling: the accepted claim is listed as similar.
  await openEditor(app, ui, 'reported that cargo traffic');
  await expect(ui.editor.getByRole('list', { name: 'Similar claims, most similar first' })).toContainText(
    'Cargo traffic at the port fell by a third',
  );
});

test('a claim whose only support is one wire story is flagged "rests on one source: AFP"', async ({ app }) => {
  const ui = new Claimdesk(app.page);
  await openEditor(app, ui, SAMPLE_CLAIM);
  await expect(ui.editor.getByRole('note').filter({ hasText: 'Rests on one source' })).toContainText('AFP');
});

test('entity page: claims by and about it, co-occurring entities lead to their pages, aliases', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.goTo('Entities');
  await page.getByRole('radio', { name: 'People' }).click();
  await expect(page.getByRole('list', { name: 'Entities' }).getByRole('button')).toHaveCount(2);
  await page.getByRole('radio', { name: 'All' }).click();
  await page.getByLabel('Search entities').fill('kim');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /Kim Jong Gyu/ })
    .click();

  await expect(page.getByRole('heading', { name: 'Kim Jong Gyu', level: 1 })).toBeVisible();
  const by = page.getByRole('region', { name: 'Claims made by Kim Jong Gyu' });
  await expect(by.getByRole('listitem')).toHaveCount(5);
  await expect(by).toContainText('act conforming with the regulations of international law');
  const co = page.getByRole('region', { name: 'Appears with' });
  await expect(co.getByRole('button', { name: 'Russia' })).toBeVisible();

  await page.getByLabel('New alias').fill('Kim J. G.');
  await page.getByRole('button', { name: 'Add alias' }).click();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText('Kim J. G.');
  expect(app.services.archive.entities.list({ search: 'Kim' })[0].aliases).toContain('Kim J. G.');
  await shoot(app.page, 'entity-page');

  await co.getByRole('button', { name: 'Russia' }).click();
  await expect(page.getByRole('heading', { name: 'Russia', level: 1 })).toBeVisible();
  await shoot(app.page, 'entity-russia');
});

test('merging a duplicate entity moves its claims and names', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const { archive } = app.services;
  const dup = await archive.entities.upsert('Republic of Korea', 'place');
  const southKorea = archive.entities.list({ search: 'South Korea' })[0];
  await ui.goTo('Entities');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /South Korea/ })
    .click();
  await page.getByLabel('Same place as').selectOption({ label: 'Republic of Korea' });
  await page.getByRole('button', { name: /^Merge into South Korea/ }).click();
  await page.getByRole('button', { name: 'Merge now' }).click();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText('Republic of Korea');
  expect(archive.entities.list({}).some((e) => e.id === dup.id)).toBe(false);
  expect(archive.entities.get(southKorea.id).aliases).toContain('Republic of Korea');
});

test('stance matrix of the troop-deployment claims: a real table where Seoul and Washington assert', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const paraphraseId = await addParaphrase(app);
  await app.services.archive.links.add(claimId(app, '"Seoul and Washington have accused"'), paraphraseId, 'same');
  await openEditor(app, ui, SAMPLE_CLAIM);
  await ui.editor.getByRole('button', { name: 'Cross-reference…' }).click();
  await page.getByRole('navigation', { name: 'Views of these claims' }).getByRole('button', { name: 'Stance matrix' }).click();
  await expect(page.getByRole('heading', { name: 'Stance matrix', level: 1 })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader').first()).toHaveText('Actor');
  await expect(table.getByRole('columnheader').nth(1)).toContainText('2 appearances');
  for (const actor of ['Seoul', 'Washington']) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: actor, exact: true }) });
    await expect(row.getByRole('cell')).toContainText('Asserts');
  }
  await shoot(app.page, 'stance-cluster');

  // From an entity page, the matrix covers the claims about or by it.
  await ui.goTo('Entities');
  await page.getByLabel('Search entities').fill('Russia');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /^Russia place/ })
    .click();
  await page.getByRole('navigation', { name: 'Views of these claims' }).getByRole('button', { name: 'Stance matrix' }).click();
  const kim = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Kim Jong Gyu' }) });
  await expect(kim).toContainText('Asserts');
  await expect(page.getByRole('table').getByRole('cell', { name: 'No stance' }).first()).toBeAttached();
  await shoot(app.page, 'stance');
});

test('timeline orders events by date, groups them by day and marks an overdue forecast', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await addParaphrase(app);
  await ui.goTo('Entities');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /Russia/ })
    .first()
    .click();
  await page.getByRole('navigation', { name: 'Views of these claims' }).getByRole('button', { name: 'Timeline' }).click();
  const days = page.getByRole('list', { name: 'Timeline, oldest first' }).locator(':scope > li time');
  await expect(days.first()).toBeVisible();
  const dates = await days.evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThanOrEqual(2);
  expect([...dates].sort()).toEqual(dates);
  expect(dates).toContain('2024-10-27');
  await shoot(app.page, 'timeline');
});

test('forecast deadlines on the timeline: a passed resolve-by date is overdue', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await ui.goTo('Entities');
  await page.getByLabel('Search entities').fill('Zelensky');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /Zelensky/ })
    .click();
  await page.getByRole('navigation', { name: 'Views of these claims' }).getByRole('button', { name: 'Timeline' }).click();
  const due = page
    .getByRole('list', { name: /^Events on/ })
    .getByRole('listitem')
    .filter({ hasText: 'Forecast due' });
  await expect(due).toContainText('Overdue');
  await expect(due).toContainText('They could be sent into battle');
});

test('the graph renders claims, entities and articles under the CSP, and nodes navigate by click and keyboard', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  const cspErrors: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspErrors.push(m.text()));
  await ui.goTo('Entities');
  await page.getByLabel('Search entities').fill('Kim');
  await page
    .getByRole('list', { name: 'Entities' })
    .getByRole('button', { name: /Kim Jong Gyu/ })
    .click();
  await page.getByRole('navigation', { name: 'Views of these claims' }).getByRole('button', { name: 'Graph' }).click();

  const canvasBox = page.getByRole('application');
  await expect(canvasBox.locator('canvas').first()).toBeAttached();
  const nodes = Number(await canvasBox.getAttribute('data-nodes'));
  expect(nodes).toBeGreaterThan(6); // 5 claims + who made them + the entities they name
  await expect(page.getByRole('list', { name: 'Nodes' }).getByRole('listitem')).toHaveCount(nodes);
  await page.waitForTimeout(300);
  await shoot(app.page, 'graph');

  // Hiding claimant, entity and article links leaves only the claims in scope.
  await page.getByLabel('Said by').uncheck();
  await page.getByLabel('Names entity').uncheck();
  await page.getByLabel('From article').uncheck();
  await expect(canvasBox).toHaveAttribute('data-nodes', '5');
  await page.getByLabel('Names entity').check();
  await page.getByLabel('From article').check();

  // Keyboard: focus the canvas, walk to a claim (column by column: who said it comes first), Enter opens it.
  await canvasBox.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Selected: /)).toBeVisible();
  for (let i = 0; i < nodes && !(await page.getByText(/^Selected: .*\(claim\)/).isVisible()); i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Selected: .*\(claim\)/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(
    page
      .getByRole('dialog', { name: 'Claim editor' })
      .or(page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Graph' }))
      .first(),
  ).toBeVisible();
  if (await page.getByRole('dialog', { name: 'Claim editor' }).isVisible()) await page.keyboard.press('Escape');

  // Mouse: click a node on the canvas where cytoscape drew it.
  await expect(page.getByRole('heading', { name: 'Graph', level: 1 })).toBeVisible();
  const point = await page.evaluate(() => {
    const el = document.querySelector('[role="application"]') as HTMLElement & { _cyreg?: { cy: unknown } };
    const cy = el._cyreg?.cy as { nodes(sel: string): { renderedPosition(): { x: number; y: number } }[] } | undefined;
    const r = el.getBoundingClientRect();
    const p = cy?.nodes('[kind = "entity"]')[0]?.renderedPosition();
    return p ? { x: r.left + p.x, y: r.top + p.y } : null;
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Graph');
  expect(cspErrors).toEqual([]);
});

test.describe('more entities than one list shows', () => {
  test.use({ seedSample: false });

  test('the Entities view says it shows the busiest 1,000 and search finds the others', async ({ app }) => {
    const { page } = app;
    const ui = new Claimdesk(page);
    await app.services.archive.transaction((tx) => {
      for (let i = 0; i < 1_005; i++) tx.entities.upsert(`Ministry of Trade ${i}`, 'organisation');
    });
    await ui.goTo('Entities');
    const list = page.getByRole('list', { name: 'Entities' });
    await expect(list.getByRole('listitem')).toHaveCount(1_000);
    await expect(page.getByRole('note')).toHaveText('Showing the 1,000 with the most claims. Search names and aliases to find the others.');
    await page.getByRole('searchbox', { name: 'Search entities' }).fill('Ministry of Trade 1004');
    await expect(list.getByRole('button', { name: /Ministry of Trade 1004/ })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
  });
});
