// The conflict picker (#20): a claim changed on this device and a colleague's before they synced is
// marked in the claims table; the researcher filters "In conflict", opens the claim, sees both
// verdicts with who changed them and why, keeps the other device's by keyboard, undoes it with
// Ctrl+Z and keeps it again; the mark is gone and the colleague's device converges. The conflict
// comes from the real sync code: this app and a colleague's services sync with the unit tests'
// CouchDB-compatible server through team.configure / team.syncNow, as the app does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import type { TestServer } from '../unit/sync/server';
import { teamServer } from './team-server';
import { createServices, type Services } from '../../main/services';
import type { MethodArgs, MethodName, MethodResult } from '../../main/api/contract';

let server: TestServer;
test.beforeAll(async () => {
  server = await teamServer();
});
test.afterAll(() => server.stop());
test.use({ seedSample: false, serviceOptions: { actor: 'alice' } });

/** The API as the app's window calls it. */
const api =
  (services: Services) =>
  async <M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> => {
    const res = await services.dispatch(method, args);
    if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
    return res.value as MethodResult<M>;
  };

const DEPOT = 'The depot employs 400 people.';

type Call = ReturnType<typeof api>;

/** The page as it looks in light and dark (looked at by hand: test-results/…/NAME-light.png, -dark.png). */
async function screenshots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * This app (Alice) and a colleague's device (Bob) share the claim through the team server, then each
 * changes it before syncing again (by default a verdict each): sync marks it conflict.
 */
async function twoDevices(app: AppHarness, edits?: (alice: Call, onBob: Call, idOn: (call: Call) => Promise<number>) => Promise<void>) {
  const url = new URL(await server.database());
  const team = { server: url.origin, database: url.pathname.slice(1), user: null };
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-colleague-'));
  const bob = await createServices({ archiveDir: dir, actor: 'bob' });
  const alice = api(app.services);
  const onBob = api(bob);
  const idOn = async (call: Call) => (await call('claims.list', { search: 'depot' })).items[0].id;
  await alice('claims.create', { statement: DEPOT });
  await alice('claims.create', { statement: 'Ridership doubled in a year.' });
  await alice('team.configure', team);
  await alice('team.syncNow');
  await onBob('team.configure', team);
  await onBob('team.syncNow');
  await alice('claims.setVerdict', await idOn(alice), 'claimdesk', 'true', 'The council confirmed 400.');
  await onBob('claims.setVerdict', await idOn(onBob), 'claimdesk', 'false', 'The filing says 296, not 400.');
  await edits?.(alice, onBob, idOn);
  await alice('team.syncNow');
  await onBob('team.syncNow');
  await alice('team.syncNow');
  const close = async () => {
    await bob.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { alice, onBob, idOn, close };
}

test('a claim changed on two devices: filter "In conflict", see both verdicts, keep theirs by keyboard, and the mark is gone', async ({
  app,
}) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const { alice, onBob, idOn, close } = await twoDevices(app);
  try {
    // The sidebar, under the sync status, points to it; so does Settings ▸ Team, which leads to it.
    const sidebarLink = page.getByRole('button', { name: '1 claim in conflict: show in Claims' });
    await expect(sidebarLink).toContainText('1 in conflict');
    await page.getByRole('button', { name: /^Team sync: Synced/ }).click();
    await expect(page.getByText('1 claim changed on two devices waits for your pick.')).toBeVisible();
    await screenshots(page, 'conflict-team');
    await page.getByRole('button', { name: 'Show it in Claims' }).click();
    await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
    const filter = page.getByRole('button', { name: 'In conflict (1)' });
    await expect(filter).toHaveAttribute('aria-pressed', 'true');
    await expect(ui.rows()).toHaveCount(1);

    // The claims table marks the claim in words; the "In conflict" filter, by keyboard, says how many.
    await filter.focus();
    await page.keyboard.press('Enter');
    await expect(filter).toHaveAttribute('aria-pressed', 'false');
    await expect(ui.rows()).toHaveCount(2);
    await expect(ui.row(DEPOT)).toContainText('In conflict');
    await expect(ui.row('Ridership')).not.toContainText('In conflict');
    await page.keyboard.press('Enter');
    await expect(filter).toHaveAttribute('aria-pressed', 'true');
    await expect(ui.rows()).toHaveCount(1);

    // Open it from the table by keyboard: the editor starts at "Changed on two devices".
    await ui.grid.focus();
    await page.keyboard.press('Enter');
    const panel = ui.editor.getByRole('region', { name: /Changed on two devices/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: /Changed on two devices/ })).toBeFocused();
    const verdictRow = panel.getByRole('row', { name: /^Verdict/ });
    await expect(verdictRow).toContainText('differs');
    await expect(verdictRow).toContainText('True');
    await expect(verdictRow).toContainText('False');
    await expect(panel.getByRole('row', { name: /^Changed by/ })).toContainText('alice');
    await expect(panel.getByRole('row', { name: /^Changed by/ })).toContainText('bob');
    await expect(panel.getByRole('row', { name: /^Why/ })).toContainText('The filing says 296, not 400.');
    // Mine is Alice's (this researcher's) version, theirs Bob's.
    await expect(verdictRow.getByRole('cell').nth(0)).toContainText('True');
    await expect(verdictRow.getByRole('cell').nth(1)).toContainText('False');
    const theirs = 'False';

    await screenshots(page, 'conflict-editor');

    // Keep theirs with the keyboard: Tab to the button, Enter.
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Keep mine' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Keep theirs' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    const done = ui.editor.getByRole('status').filter({ hasText: 'Conflict resolved' });
    await expect(done).toBeFocused();
    await expect(ui.editor.getByRole('radio', { name: new RegExp(theirs) })).toHaveAttribute('aria-checked', 'true');

    // Ctrl+Z puts both versions back; the picker takes the focus again; keep theirs once more.
    await page.keyboard.press('Control+z');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: /Changed on two devices/ })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(panel).toBeHidden();
    await expect(done).toBeFocused();

    // Back in the table: nothing left in conflict, the claim shows the verdict kept and no mark.
    await page.keyboard.press('Escape');
    await expect(ui.editor).toBeHidden();
    await expect(page.getByRole('heading', { name: 'No claim matches' })).toBeVisible();
    await page.getByRole('button', { name: 'In conflict (0)' }).click();
    await expect(ui.row(DEPOT)).toContainText(theirs);
    await expect(ui.row(DEPOT)).not.toContainText('In conflict');
    await expect(page.getByRole('button', { name: /^In conflict/ })).toHaveCount(0);
    await expect(sidebarLink).toHaveCount(0);

    // The pick syncs like any edit: the colleague's device ends with the same verdict and no mark.
    await alice('team.syncNow');
    await onBob('team.syncNow');
    const onBobNow = await onBob('claims.get', await idOn(onBob));
    expect(onBobNow.verdict).toBe((await alice('claims.get', await idOn(alice))).verdict);
    expect(await onBob('claims.conflictCount')).toBe(0);
  } finally {
    await close();
  }
});

test("merge: the researcher keeps their statement and the colleague's verdict and tags, field by field, by keyboard", async ({ app }) => {
  const { page } = app;
  const ui = new Claimdesk(page);
  const { alice, idOn, close } = await twoDevices(app, async (alice, onBob, idOn) => {
    await alice('claims.update', await idOn(alice), { statement: 'The depot employs 400 staff.' });
    await onBob('claims.update', await idOn(onBob), { statement: 'The depot employs 296 people.', tags: ['jobs', 'filing'] });
  });
  try {
    await ui.goTo('Claims');
    await ui.search.fill('depot');
    await expect(ui.rows()).toHaveCount(1);
    await ui.grid.focus();
    await page.keyboard.press('Enter');
    const panel = ui.editor.getByRole('region', { name: /Changed on two devices/ });
    await expect(panel.getByRole('heading', { name: /Changed on two devices/ })).toBeFocused();
    await expect(panel.getByRole('row', { name: /^Statement/ })).toContainText('differs');
    // Tags differ too (the colleague's are kept in their version); notes, the same on both, get no row.
    const tagsRow = panel.getByRole('row', { name: /^Tags/ });
    await expect(tagsRow).toContainText('differs');
    await expect(tagsRow.getByRole('cell').nth(0)).toHaveText('No tags');
    await expect(tagsRow.getByRole('cell').nth(1)).toHaveText('jobs, filing');
    await expect(panel.getByRole('row', { name: /^Notes/ })).toHaveCount(0);

    // Merge…: each differing field is a group of two choices, prefilled with mine.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(panel.getByRole('button', { name: 'Merge…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const merge = panel.getByRole('group', { name: 'Merge: pick each field' });
    const statement = merge.getByRole('group', { name: 'Statement' });
    await expect(statement.getByRole('radio', { name: /^Mine: The depot employs 400 staff\./ })).toBeFocused();
    await expect(statement.getByRole('radio', { name: /^Mine/ })).toBeChecked();
    await page.keyboard.press('Tab');
    const verdict = merge.getByRole('group', { name: 'Verdict' });
    await expect(verdict.getByRole('radio', { name: /^Mine: True/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(verdict.getByRole('radio', { name: /^Theirs: False/ })).toBeChecked();
    await page.keyboard.press('Tab');
    const tags = merge.getByRole('group', { name: 'Tags' });
    await expect(tags.getByRole('radio', { name: /^Mine: No tags/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(tags.getByRole('radio', { name: /^Theirs: jobs, filing/ })).toBeChecked();
    await screenshots(page, 'conflict-merge');
    await page.keyboard.press('Tab');
    await expect(merge.getByRole('button', { name: 'Keep this merge' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(panel).toBeHidden();
    await expect(ui.editor.getByRole('status').filter({ hasText: 'Conflict resolved: merged.' })).toBeFocused();
    await expect(ui.editor.getByLabel('Statement')).toHaveValue('The depot employs 400 staff.');
    await expect(ui.editor.getByRole('radio', { name: /^False$/ })).toHaveAttribute('aria-checked', 'true');
    expect(await alice('claims.get', await idOn(alice))).toMatchObject({
      statement: 'The depot employs 400 staff.',
      verdict: 'false',
      tags: ['jobs', 'filing'],
    });
  } finally {
    await close();
  }
});
