// Notifications never cover the work: with the claim editor open, each "Removed …" note stacks beside
// the editor (at most three at a time), so its fields and its Delete / Save row stay visible and
// clickable, and each note is still announced by the live region.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { shoot } from './pages/shots';

test.use({ seedSample: false });

const intersects = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('notes about edits in the claim editor stack beside it, never over its fields or buttons', async ({ app }) => {
  const { page, services } = app;
  const ui = new Claimdesk(page);
  const names = ['Harrowgate Council', 'Mara Lind', 'Old Tram Depot', 'Northside Tenants', 'Ward 7'];
  await services.archive.claims.insert({
    statement: 'The council will build 240 flats on the old tram depot site by 2028',
    claimant: 'Mara Lind',
    entities: names.map((name, i) => ({ name, type: i === 1 ? 'person' : 'organisation', role: i === 1 ? 'claimant' : 'subject' })),
  } as never);
  await ui.goTo('Claims');
  await ui.row('240 flats').dblclick();
  await expect(ui.editor).toBeVisible();

  const notes = page.getByRole('region', { name: 'Notifications' });
  await expect(notes).toHaveAttribute('aria-live', 'polite');
  for (const [i, name] of names.entries()) {
    const role = i === 1 ? 'claimant' : 'subject';
    await ui.editor.getByRole('button', { name: `Remove ${name} (${role})` }).click();
    await expect(notes.getByRole('status').filter({ hasText: `Removed “${name}”` })).toBeVisible();
  }
  // Five removals, three notes: the newest.
  await expect(notes.getByRole('status')).toHaveCount(3);
  await expect(notes).toContainText('Removed “Ward 7”');
  await expect(notes).not.toContainText('Removed “Harrowgate Council”');

  const editorBox = (await ui.editor.boundingBox())!;
  for (const toast of await notes.getByRole('status').all()) {
    expect(intersects((await toast.boundingBox())!, editorBox), 'a note covers the claim editor').toBe(false);
  }
  // The editor's action row is reachable where it is drawn: nothing lies on top of it.
  for (const name of ['Delete claim', 'Discard changes']) {
    const button = ui.editor.getByRole('button', { name });
    const box = (await button.boundingBox())!;
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent?.trim() ?? null, [
      box.x + box.width / 2,
      box.y + box.height / 2,
    ] as const);
    expect(onTop, `${name} is covered`).toContain(name);
  }
  await shoot(app.page, 'toasts-editor');

  // Undo from a note still works with the editor open.
  await notes.getByRole('status').filter({ hasText: 'Ward 7' }).getByRole('button', { name: 'Undo' }).click();
  await expect(ui.editor.getByRole('button', { name: 'Remove Ward 7 (subject)' })).toBeVisible();

  // With the editor closed, notes sit at the bottom left of the view, clear of the sidebar.
  await page.keyboard.press('Escape');
  await expect(ui.editor).toBeHidden();
  const sidebar = (await ui.nav.boundingBox())!;
  for (const toast of await notes.getByRole('status').all()) {
    expect(intersects((await toast.boundingBox())!, sidebar), 'a note covers the sidebar').toBe(false);
  }
});
