// The claims table and the claim editor: verdicts with notes, history, undo/redo, bulk changes,
// search and filters, saved searches, a failed save that keeps the draft, and the claim's entities.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';
import type { AppHarness } from './harness';

async function addClaims(app: AppHarness, statements: string[], extra: Record<string, unknown> = {}) {
  for (const statement of statements) await app.services.archive.claims.insert({ statement, claimant: 'Test desk', ...extra } as never);
}

test('a verdict change needs a note, shows in the history, and undo/redo move it back and forth', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaims(app, ['Satellite images show 3,000 troops near Vladivostok']);
  const claim = app.services.archive.claims.list({ search: 'Vladivostok', sort: 'relevance', order: 'desc', offset: 0, limit: 1 }).items[0];
  await ui.goTo('Claims');
  await ui.row('Vladivostok').dblclick();
  await expect(ui.editor).toBeVisible();

  await ui.editor.getByRole('radio', { name: /Mostly true/ }).click();
  await ui.editor.getByRole('button', { name: /^Save/ }).click();
  await expect(ui.editor.getByRole('alert')).toContainText('A note is required');
  await expect(ui.editor.getByRole('radio', { name: /Mostly true/ })).toHaveAttribute('aria-checked', 'true');
  expect(app.services.archive.claims.get(claim.id).verdict).toBeNull();

  await ui.editor.getByLabel(/Why this verdict/).fill('Matches South Korean intelligence briefing');
  await page.keyboard.press('Control+s');
  await expect(ui.editor.getByRole('status')).toHaveText('Saved');
  expect(app.services.archive.claims.get(claim.id)).toMatchObject({
    verdict: 'mostly-true',
    verdictNote: 'Matches South Korean intelligence briefing',
  });
  const history = ui.editor.getByRole('list', { name: 'Changes, newest first' });
  await expect(history.getByRole('listitem').first()).toContainText('Verdict');
  await expect(history.getByRole('listitem').first()).toContainText('Mostly true');
  await expect(history.getByRole('listitem').first()).toContainText('Matches South Korean intelligence briefing');

  // The verdict as of a date before the claim existed was nothing.
  await ui.editor.getByLabel('Verdict as of').fill('2020-01-01');
  await expect(ui.editor.locator('.asof-result')).toContainText('Unrated');

  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await ui.undo();
  await expect(ui.row('Vladivostok')).toContainText('Unrated');
  expect(app.services.archive.claims.get(claim.id).verdict).toBeNull();
  expect(app.services.archive.claims.history(claim.id).at(-1)?.note).toMatch(/^Undo: /);
  await ui.redo();
  await expect(ui.row('Vladivostok')).toContainText('Mostly true');
  await expect(ui.saveStatus).toContainText('Saved');
});

test('bulk changes apply to a shift-click range and to ctrl-clicked rows, and undo as one step', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaims(app, ['Bulk alpha claim', 'Bulk beta claim', 'Bulk gamma claim', 'Bulk delta claim']);
  await ui.goTo('Claims');
  await ui.search.fill('bulk');
  await expect(ui.rows()).toHaveCount(4);

  await ui.rows().nth(0).click();
  await ui
    .rows()
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await ui
    .rows()
    .nth(3)
    .click({ modifiers: ['Control'] });
  await expect(page.getByRole('toolbar', { name: 'Selected claims' })).toContainText('4 claims selected');
  await ui
    .rows()
    .nth(1)
    .click({ modifiers: ['Control'] });
  await expect(page.getByRole('toolbar', { name: 'Selected claims' })).toContainText('3 claims selected');

  // The Status column is not among the defaults: show it from the Columns menu.
  await page.locator('summary', { hasText: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Status' }).check();
  await page.keyboard.press('Escape');
  await page.getByLabel('Set status of selected claims').selectOption('done');
  await expect(ui.rows().filter({ hasText: 'Done' })).toHaveCount(3);
  const statuses = app.services.archive.claims
    .list({ search: 'bulk', sort: 'createdAt', order: 'asc', offset: 0, limit: 10 })
    .items.map((c) => c.status);
  expect(statuses.filter((s) => s === 'done')).toHaveLength(3);

  await ui.grid.focus();
  await ui.undo();
  await expect(ui.rows().filter({ hasText: 'Done' })).toHaveCount(0);
  const after = app.services.archive.claims.list({ search: 'bulk', sort: 'createdAt', order: 'asc', offset: 0, limit: 10 }).items;
  expect(after.every((c) => c.status === 'new')).toBe(true);
});

test('search highlights matches, filters narrow the table, and a saved search brings both back', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaims(app, ['Drone strike hit a grain terminal in Odesa', 'Drone production doubled this year'], { tags: ['drones'] });
  await ui.goTo('Claims');
  const all = app.services.archive.info().counts.claims;
  await expect(page.getByText(`${all} claims`, { exact: true })).toBeVisible();

  await ui.search.fill('drone');
  await expect(ui.rows()).toHaveCount(2);
  await expect(ui.rows().first().locator('mark').first()).toHaveText(/drone/i);

  await page.getByLabel('Filter by tag').fill('drones');
  await page.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Status' }).click();
  await page.getByRole('checkbox', { name: 'New' }).check();
  await expect(ui.rows()).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Done' }).check();
  await page.getByRole('checkbox', { name: 'New' }).uncheck();
  await expect(ui.rows()).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No claim matches' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'New' }).check();
  await expect(ui.rows()).toHaveCount(2);

  await page.locator('summary', { hasText: 'Saved searches' }).click();
  await page.getByRole('button', { name: 'Save current search…' }).click();
  await page.getByRole('dialog', { name: 'Save search' }).getByLabel('Name').fill('Drone claims');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Save search' })).toBeHidden();
  expect(app.services.archive.savedSearches.list().map((s) => s.name)).toEqual(['Drone claims']);

  await ui.search.fill('');
  await page.getByRole('button', { name: /Clear \d filters?/ }).click();
  await expect(page.getByText(`${all} claims`, { exact: true })).toBeVisible();
  await page.locator('summary', { hasText: 'Saved searches' }).click();
  await page.getByRole('list', { name: 'Saved searches' }).getByRole('button', { name: 'Drone claims', exact: true }).click();
  await expect(ui.search).toHaveValue('drone');
  await expect(ui.rows()).toHaveCount(2);
});

test('keyboard only: find a claim, rate it with its number key and a note, open it, and leave', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaims(app, ['Pyongyang denied sending any soldiers abroad']);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await expect(ui.search).toBeFocused();
  await page.keyboard.type('pyongyang denied');
  await expect(ui.rows()).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(ui.grid).toBeFocused();

  await page.keyboard.press('6'); // "False" on the default scale
  await expect(ui.notePrompt).toBeVisible();
  await page.keyboard.type('Contradicted by satellite imagery');
  await page.keyboard.press('Enter');
  await expect(ui.notePrompt).toBeHidden();
  await expect(ui.rows().first()).toContainText('False');
  const claim = app.services.archive.claims.list({ search: 'pyongyang denied', sort: 'relevance', order: 'desc', offset: 0, limit: 1 })
    .items[0];
  expect(claim).toMatchObject({ verdict: 'false', verdictNote: 'Contradicted by satellite imagery' });

  await expect(ui.grid).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui.editor).toBeVisible();
  await expect(ui.editor.getByLabel('Statement')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('go library');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Library', level: 1 })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('a failed save shows the error and keeps everything typed for a retry', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  await addClaims(app, ['The border crossing reopened on Monday']);
  const claim = app.services.archive.claims.list({ search: 'border crossing', sort: 'relevance', order: 'desc', offset: 0, limit: 1 })
    .items[0];
  await ui.goTo('Claims');
  await ui.row('border crossing').dblclick();
  await ui.editor.getByLabel('Notes').fill('Checked with the ministry press office');
  // Someone else deletes the claim meanwhile (another window, the command line).
  await app.services.archive.claims.delete(claim.id);
  await ui.editor.getByRole('button', { name: /^Save/ }).click();
  await expect(ui.editor.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('is deleted');
  await expect(ui.editor.getByLabel('Notes')).toHaveValue('Checked with the ministry press office');
  await expect(ui.editor.getByRole('status')).toHaveText('Not saved');

  await app.services.archive.claims.restore(claim.id);
  await ui.editor.getByRole('button', { name: /^Retry/ }).click();
  await expect(ui.editor.getByRole('status')).toHaveText('Saved');
  expect(app.services.archive.claims.get(claim.id).notes).toBe('Checked with the ministry press office');
});

test('about whom: add entities to a claim from the keyboard, see it on the entity page, remove it and undo', async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const kim = await app.services.archive.entities.upsert('Kim Jong Un', 'person', ['Kim Jong-un']);
  await addClaims(app, ['The leader ordered the deployment himself']);
  const claim = app.services.archive.claims.list({
    search: 'ordered the deployment',
    sort: 'relevance',
    order: 'desc',
    offset: 0,
    limit: 1,
  }).items[0];
  const linked = () => app.services.archive.claims.entities(claim.id).map((e) => `${e.name}/${e.role}`);

  await page.keyboard.press('Alt+2');
  await page.keyboard.press('/');
  await page.keyboard.type('ordered the deployment');
  await expect(ui.rows()).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(ui.editor).toBeVisible();
  const chips = ui.editor.getByRole('list', { name: 'Entities' });
  await expect(chips).toContainText('No entities yet');

  // An alias finds the existing entity; Escape closes only the list, not the editor.
  const picker = ui.editor.getByRole('combobox', { name: 'Add entity' });
  await picker.focus();
  await page.keyboard.type('jong-un');
  const suggestions = ui.editor.getByRole('listbox', { name: 'Add entity: suggestions' });
  await expect(suggestions.getByRole('option').first()).toContainText('Kim Jong Un');
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(ui.editor).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.getByRole('option', { selected: true })).toContainText('Kim Jong Un');
  await page.keyboard.press('Enter');
  await expect(chips.getByRole('listitem').filter({ hasText: 'Kim Jong Un' })).toContainText('subject');
  await expect(picker).toHaveValue('');
  await expect(picker).toBeFocused();
  expect(linked()).toEqual(['Kim Jong Un/subject']);
  expect(app.services.archive.claims.get(claim.id).updatedAt >= claim.updatedAt).toBe(true);

  // A name nothing is known by becomes a new entity of the chosen type.
  await page.keyboard.type('Choe Son Hui');
  await expect(suggestions.getByRole('option', { selected: true })).toContainText('Add “Choe Son Hui”');
  await page.keyboard.press('Enter');
  await expect(chips.getByRole('listitem').filter({ hasText: 'Choe Son Hui' })).toBeVisible();
  expect(linked()).toEqual(['Choe Son Hui/subject', 'Kim Jong Un/subject']);
  expect(app.services.archive.entities.list({ search: 'choe son hui' })).toEqual([
    expect.objectContaining({ type: 'person', claimCount: 1 }),
  ]);
  const history = ui.editor.getByRole('list', { name: 'Changes, newest first' });
  await expect(history.getByRole('listitem').first()).toContainText('Entity');
  await expect(history.getByRole('listitem').first()).toContainText('Choe Son Hui (subject)');

  // The entity list counts the claim, and the entity page lists it as a claim about Kim.
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await page.keyboard.press('Alt+3');
  const kimRow = page.getByRole('list', { name: 'Entities' }).getByRole('button', { name: /Kim Jong Un/ });
  await expect(kimRow).toContainText('1 claim');
  await kimRow.focus();
  await page.keyboard.press('Enter');
  const about = page.getByRole('region', { name: 'Claims about Kim Jong Un' });
  await expect(about).toContainText('The leader ordered the deployment himself');

  // Removing it from the claim takes it off the page; undo puts it back.
  await about.getByRole('button', { name: 'The leader ordered the deployment himself' }).click();
  await expect(ui.editor).toBeVisible();
  const remove = ui.editor.getByRole('button', { name: 'Remove Kim Jong Un (subject)' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(remove).toBeHidden();
  await expect(ui.editor.getByRole('button', { name: 'Remove Choe Son Hui (subject)' })).toBeFocused();
  expect(linked()).toEqual(['Choe Son Hui/subject']);
  expect(app.services.archive.claims.history(claim.id).at(-1)).toMatchObject({
    field: 'entity',
    from: { entityId: kim.id, role: 'subject' },
    to: null,
  });
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  await expect(about).toContainText('No claims name it as their subject.');

  await ui.undo();
  await expect(about).toContainText('The leader ordered the deployment himself');
  expect(linked()).toEqual(['Choe Son Hui/subject', 'Kim Jong Un/subject']);
  expect(app.services.archive.claims.history(claim.id).at(-1)).toMatchObject({
    field: 'entity',
    from: null,
    note: 'Undo: Remove “Kim Jong Un” (subject)',
  });
});
