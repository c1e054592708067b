// The claims table and the graph at 1280 px, as a researcher with a few dozen claims meets them:
// columns that show the article's title and a date, resized by keyboard and remembered, text that
// can wrap; a graph that reads (claimant → claim → entity, the best-connected nodes, labels of at
// least 11 px, no console noise); a verdict that moves a new claim to Done; the evidence note in the
// editor; the palette jumping to an article by part of its title.
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

// A made-up local newsroom: eight articles with long titles, claimants who speak in several of them,
// and entities many claims name — enough for a graph that would be a hairball drawn whole.
const PEOPLE = ['Mayor Ines Carrow', 'Councillor Bram Oduya', 'Port director Lise Varga', 'Union leader Tomas Reel', 'Dr Hana Mbeki'];
const PLACES = ['Harrowgate harbour', 'the Velde river', 'the eastern ring road', 'Harrowgate General Hospital', 'the old tram depot'];
const TOPICS = ['the 2025 budget', 'dredging contracts', 'bus fares', 'flood defences', 'night shifts', 'the port levy'];

const ARTICLE_TITLES = [
  'Harrowgate council approves record harbour dredging budget despite objections from residents',
  'Velde river flood defences will not be finished before winter, engineers warn the council',
  'Bus fares to rise for the third time in two years as the eastern ring road overruns',
  'Hospital night shifts cut as Harrowgate General struggles to recruit nurses and porters',
  'Port levy doubles for cargo ships, port director says the money goes to the quay walls',
  'Old tram depot to become housing after a decade of delays and two failed tenders',
  'Union says dock workers were never consulted on the automated cranes at the harbour',
  'Council auditors question how the dredging contracts were awarded last spring',
];

/** Each claim names its own sum, so a search for "cost N million" finds it alone. */
const costOf = (article: number, claim: number) => 10 + article * 5 + claim;
const findClaim = (article: number, claim: number) => `"cost ${costOf(article, claim)} million"`;

async function seedNewsroom(app: AppHarness): Promise<{ articleIds: number[]; claimIds: number[] }> {
  const { archive } = app.services;
  const articleIds: number[] = [];
  const claimIds: number[] = [];
  for (const [i, title] of ARTICLE_TITLES.entries()) {
    const sentences = Array.from({ length: 5 }, (_, k) => {
      const who = PEOPLE[(i + k) % PEOPLE.length];
      const where = PLACES[(i * 2 + k) % PLACES.length];
      const topic = TOPICS[(i + k * 3) % TOPICS.length];
      return {
        who,
        where,
        topic,
        text: `${who} said that ${topic} for ${where} had been agreed in full and would cost ${costOf(i, k)} million over the next ${2 + k} years, more than any earlier plan.`,
      };
    });
    const article = await archive.articles.insert({
      title,
      outlet: i % 2 ? 'Harrowgate Courier' : 'Velde Valley Post',
      published: `2025-0${1 + (i % 8)}-1${i}`,
      text: sentences.map((s) => s.text).join(' '),
    });
    articleIds.push(article.id);
    for (const [k, s] of sentences.entries()) {
      const claim = await archive.claims.insert({
        articleId: article.id,
        statement: s.text,
        quote: s.text,
        claimant: s.who,
        // Some claims carry their own date; the others are dated by their article.
        claimDate: k % 2 ? `2025-0${1 + (i % 8)}-0${1 + k}` : null,
        entities: [
          { name: s.who, type: 'person', role: 'claimant' },
          { name: s.where.replace(/^the /, ''), type: 'place', role: 'subject' },
          { name: s.topic.replace(/^the /, ''), type: 'other', role: 'mentioned' },
        ],
      });
      claimIds.push(claim.id);
    }
  }
  return { articleIds, claimIds };
}

test.describe('at 1280 × 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the claims table shows statement, claimant, article, date and verdict; a column resized by keyboard is remembered; text can wrap', async ({
    app,
  }) => {
    const { page } = app;
    const ui = new Claimdesk(page);
    await seedNewsroom(app);
    await ui.goTo('Claims');
    const headers = ui.grid.getByRole('columnheader');
    await expect(headers).toHaveText(['Statement', 'Claimant', 'Article', 'Date', 'Verdict']);

    // The article column names the article, whole (the cell's tooltip too, with the outlet).
    const title = ARTICLE_TITLES[4];
    await ui.search.fill(findClaim(4, 0));
    await expect(ui.rows()).toHaveCount(1);
    const row = ui.rows().first();
    await expect(row).toContainText(title);
    await expect(row.getByRole('gridcell').nth(2).locator('[title]')).toHaveAttribute('title', `${title} — Velde Valley Post`);
    // A claim without its own date is dated by its article (and says so); one with a date shows it.
    await expect(row.getByRole('gridcell').nth(3)).toHaveText('May 14, 2025');
    await expect(row.getByRole('gridcell').nth(3).locator('span')).toHaveAttribute('title', /publication date/);
    await ui.search.fill(findClaim(4, 1));
    await expect(ui.rows().first().getByRole('gridcell').nth(3)).toHaveText('May 2, 2025');
    await ui.search.fill('');

    await shoot(page, 'claims-1280');

    // Widen the statement column from the keyboard: Tab to its grip, → five times.
    const grip = ui.grid.getByRole('separator', { name: 'Resize column Statement' });
    await expect(grip).toHaveAttribute('aria-orientation', 'vertical');
    const before = Number(await grip.getAttribute('aria-valuenow'));
    const headerWidth = async () => (await headers.first().boundingBox())!.width;
    const widthBefore = await headerWidth();
    await grip.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(grip).toHaveAttribute('aria-valuenow', String(before + 50));
    await expect(grip).toBeFocused();
    expect(await headerWidth()).toBeCloseTo(widthBefore + 50, -1);
    // Shift takes steps five times as big.
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(grip).toHaveAttribute('aria-valuenow', String(before));
    await page.keyboard.press('Shift+ArrowRight');
    await expect(grip).toHaveAttribute('aria-valuenow', String(before + 50));

    // Reload: the width is still the researcher's.
    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await ui.goTo('Claims');
    const again = ui.grid.getByRole('separator', { name: 'Resize column Statement' });
    await expect(again).toHaveAttribute('aria-valuenow', String(before + 50));
    expect(await headerWidth()).toBeCloseTo(widthBefore + 50, -1);

    // Wrap text: a long statement shows on more than one line, and that too is remembered.
    const statement = ui.rows().first().getByRole('gridcell').first().locator('span').first();
    const oneLine = (await statement.boundingBox())!.height;
    await page
      .getByRole('button', { name: 'Columns' })
      .or(page.locator('summary', { hasText: 'Columns' }))
      .first()
      .click();
    await page.getByRole('checkbox', { name: 'Wrap text' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await statement.boundingBox())!.height).toBeGreaterThan(oneLine * 1.8);
    await shoot(page, 'claims-1280-wrapped');
    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    await ui.goTo('Claims');
    await expect
      .poll(async () => (await ui.rows().first().getByRole('gridcell').first().locator('span').first().boundingBox())!.height)
      .toBeGreaterThan(oneLine * 1.8);
  });

  test('the graph reads: claimant → claim → entity, at most 30 nodes, labels of at least 11 px, and no console warning', async ({
    app,
  }) => {
    const { page } = app;
    const ui = new Claimdesk(page);
    const warnings: string[] = [];
    page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && warnings.push(m.text()));
    await seedNewsroom(app);
    await ui.goTo('Claims');
    await ui.grid.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('graph of selected');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Graph', level: 1 })).toBeVisible();

    const canvas = page.getByRole('application');
    await expect(canvas.locator('canvas').first()).toBeAttached();
    const nodes = Number(await canvas.getAttribute('data-nodes'));
    expect(nodes).toBeGreaterThan(10);
    expect(nodes).toBeLessThanOrEqual(30);
    await expect(page.getByRole('heading', { name: /^Nodes/ })).toContainText(`${nodes} of`);
    await expect(page.getByRole('list', { name: 'Nodes' }).getByRole('listitem')).toHaveCount(nodes);

    /** Each label's size on screen (its font size × the zoom), and where each kind of node sits. */
    const drawn = () =>
      page.evaluate(() => {
        const el = document.querySelector('[role="application"]') as HTMLElement & { _cyreg?: { cy: unknown } };
        type Node = { data(k: string): string; style(k: string): string; renderedPosition(): { x: number; y: number } };
        const cy = el._cyreg!.cy as { zoom(): number; width(): number; height(): number; nodes(): { map<T>(f: (n: Node) => T): T[] } };
        const nodes = cy.nodes().map((n) => ({
          kind: n.data('kind'),
          px: parseFloat(n.style('font-size')) * cy.zoom(),
          x: n.renderedPosition().x,
          y: n.renderedPosition().y,
        }));
        return { nodes, width: cy.width(), height: cy.height() };
      });
    const { nodes: placed, width, height } = await drawn();
    expect(Math.min(...placed.map((n) => n.px))).toBeGreaterThanOrEqual(11);
    // Fitted: every node on the canvas.
    for (const n of placed) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(height);
    }
    // Left to right: the people who made claims, the claims, what the claims name.
    const meanX = (kinds: string[]) => {
      const xs = placed.filter((n) => kinds.includes(n.kind)).map((n) => n.x);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const claimants = placed.filter((n) => n.kind === 'claimant' || n.kind === 'entity').map((n) => n.x);
    expect(Math.min(...claimants)).toBeLessThan(meanX(['claim']));
    expect(Math.max(...claimants)).toBeGreaterThan(meanX(['claim']));
    await shoot(page, 'graph-1280');

    // More nodes on request; then every node, and labels that would read under 11 px are not drawn.
    await page.getByLabel('How many nodes to show').selectOption({ label: 'the 60 best connected' });
    await expect.poll(async () => Number(await canvas.getAttribute('data-nodes'))).toBeGreaterThan(30);
    expect(Math.min(...(await drawn()).nodes.map((n) => n.px))).toBeGreaterThanOrEqual(11);

    // Keyboard: the arrows walk the nodes, Enter opens one.
    await canvas.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByText(/^Selected: /)).toBeVisible();
    expect(warnings).toEqual([]);
  });
});

test('a verdict moves a new claim to Done, unless the researcher chose a status; the evidence note shows in the editor', async ({
  app,
}) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const { claimIds, articleIds } = await seedNewsroom(app);
  const { archive } = app.services;
  const target = archive.claims.get(claimIds[0]);
  await archive.evidence.add({
    claimId: target.id,
    articleId: articleIds[7],
    quote: '',
    stance: 'contradicts',
    note: 'Auditors found the contract was signed before the vote.',
  });

  await ui.goTo('Claims');
  await ui.search.fill(findClaim(0, 0));
  await expect(ui.rows()).toHaveCount(1);
  await ui.rows().first().dblclick();
  await expect(ui.editor).toBeVisible();
  const evidence = ui.editor.getByRole('region', { name: 'Evidence' });
  await expect(evidence).toContainText('Auditors found the contract was signed before the vote.');
  // Similar claims say who, where and when.
  const similar = ui.editor.getByRole('list', { name: 'Similar claims, most similar first' });
  await expect(similar.getByRole('listitem').first()).toContainText(
    /(Mayor|Councillor|Port director|Union leader|Dr) [A-Z][a-z]+ [A-Z][a-z]+\s·\s(Harrowgate Courier|Velde Valley Post)\s·\s[A-Z][a-z]{2} \d{1,2}, 2025/,
  );

  await evidence.scrollIntoViewIfNeeded();
  await shoot(page, 'editor-evidence-similar');

  // Choosing a verdict moves the status from New to Done before saving, where the researcher sees it.
  const status = ui.editor.getByLabel('Workflow status');
  await expect(status).toHaveValue('new');
  await ui.editor.getByRole('radio', { name: 'Mostly false' }).click();
  await expect(status).toHaveValue('done');
  await ui.editor.getByLabel(/Why this verdict/).fill('The budget figure is twice the one in the council minutes.');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status')).toContainText('Saved');
  expect(archive.claims.get(target.id)).toMatchObject({ verdict: 'mostly-false', status: 'done' });
  await expect(status).toHaveValue('done');
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();

  // One undo puts both back.
  await ui.undo();
  await expect.poll(() => archive.claims.get(target.id).status).toBe('new');
  expect(archive.claims.get(target.id).verdict).toBeNull();

  // A status the researcher picks in the same edit stands.
  await ui.rows().first().dblclick();
  await expect(ui.editor).toBeVisible();
  await status.selectOption('needs_review');
  await ui.editor.getByRole('radio', { name: 'True', exact: true }).click();
  await expect(status).toHaveValue('needs_review');
  await ui.editor.getByLabel(/Why this verdict/).fill('Matches the published accounts.');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status')).toContainText('Saved');
  expect(archive.claims.get(target.id)).toMatchObject({ verdict: 'true', status: 'needs_review' });
  await page.keyboard.press('Escape');

  // From the table: the number key and a note; the new claim is Done (its status column shows it).
  await ui.search.fill(findClaim(0, 1));
  await expect(ui.rows()).toHaveCount(1);
  await ui.grid.focus();
  await page.keyboard.press('6');
  await page.keyboard.type('Contradicted by the council minutes');
  await page.keyboard.press('Enter');
  await expect(ui.rows().first()).toContainText('False');
  expect(archive.claims.get(claimIds[1])).toMatchObject({ verdict: 'false', status: 'done' });
  await page.locator('summary', { hasText: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Status' }).check();
  await page.keyboard.press('Escape');
  await expect(ui.rows().first()).toContainText('Done');

  // The filter names verdicts as the editor does.
  await page.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Verdict' }).click();
  await expect(page.getByRole('checkbox', { name: 'Mostly false', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Mostly False', exact: true })).toHaveCount(0);
});

test('the palette jumps to an article by part of its title, and offers Export…', async ({ app }) => {
  const { page } = app;
  await seedNewsroom(app);
  // The library shows a long title on two lines, the whole of it as the tooltip.
  const title = page.getByRole('list', { name: 'Articles' }).getByTitle(ARTICLE_TITLES[5]);
  await expect(title).toBeVisible();
  expect((await title.boundingBox())!.height).toBeGreaterThan(30);
  await shoot(page, 'library-1280');
  await page.keyboard.press('Control+k');
  const command = page.getByRole('combobox', { name: 'Command' });
  await command.fill('tram depot hous');
  const option = page.getByRole('option', { name: /Article.*Old tram depot to become housing/ });
  await expect(option).toBeVisible();
  await shoot(page, 'palette-jump');
  await page.keyboard.press('Enter');
  await expect(page.locator('article h1')).toHaveText(ARTICLE_TITLES[5]);

  await page.keyboard.press('Control+k');
  await command.fill('Velde river');
  await expect(page.getByRole('option', { name: /Entity.*Velde river/ })).toBeVisible();
  await command.fill('export');
  await expect(page.getByRole('option', { name: /Export…/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Export' }).getByRole('button').first()).toBeFocused();
});
