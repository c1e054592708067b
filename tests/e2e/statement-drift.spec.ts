// The claim editor notes, without blocking, when the statement says something its quote does not.
import { test, expect } from './harness';
import { Claimdesk } from './pages/claimdesk';

const QUOTE = 'The Kremlin has long sought to weaken the U.S. alliance with South Korea, which it views as an important bulwark.';

test('a statement that drifts from its quote gets a note tied to the field; a faithful one does not', async ({ app }) => {
  const ui = new Claimdesk(app.page);
  await app.services.archive.claims.insert({
    statement: 'The Kremlin has long sought to weaken the U.S. alliance with South Korea.',
    quote: QUOTE,
    claimant: 'NBC',
  } as never);
  await ui.goTo('Claims');
  await ui.row('Kremlin').dblclick();
  const statement = ui.editor.getByLabel('Statement');
  await expect(statement).toBeVisible();
  await expect(ui.editor.locator('#claim-statement-drift')).toHaveCount(0);

  await statement.fill('Moscow wants Seoul and Washington to split up.');
  const note = ui.editor.locator('#claim-statement-drift');
  await expect(note).toContainText(/not the quote's.*"Moscow" is not in the quote/);
  await expect(statement).toHaveAttribute('aria-describedby', 'claim-statement-drift');

  await statement.fill('[Moscow] has long sought to weaken the U.S. alliance with South Korea […].');
  await expect(note).toHaveCount(0);
  await ui.editor.getByRole('button', { name: /^Save/ }).click();
  await expect(ui.editor.getByRole('status')).toHaveText('Saved');
});
