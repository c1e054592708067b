// Settings ▸ Team (#20): a researcher reaches it from the sidebar's sync status by keyboard, sets up
// the team's server and database, signs in (the harness's keychain stand-in keeps the password) and
// sees "Synced"; a colleague's claim arrives in the open Claims table; a server that goes away shows
// "Offline" with the reason in plain words. The server is the unit tests' CouchDB-compatible one.
import { test, expect } from './harness';
import type { TestServer } from '../unit/sync/server';
import { teamServer } from './team-server';
import { createServices } from '../../main/services';
import { syncOnce } from '../../main/sync/client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: TestServer;
test.beforeAll(async () => {
  server = await teamServer();
});
test.afterAll(() => server.stop());

test('a researcher sets up the team in Settings ▸ Team by keyboard, signs in, sees Synced and a colleague’s claim arrives', async ({
  app,
}) => {
  const { page } = app;
  const url = new URL(await server.database());

  // The sidebar says sync is off; its status opens Settings ▸ Team from the keyboard.
  const status = page.getByRole('button', { name: /^Team sync: Not syncing/ });
  await status.focus();
  await page.keyboard.press('Enter');
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();

  await page.getByLabel('Server', { exact: true }).fill('http://claims.example.org');
  await page.getByLabel('Database').fill(url.pathname.slice(1));
  await page.getByLabel('Database').press('Enter');
  await expect(team.getByRole('alert')).toContainText('Sync needs https:// (plain http:// only to this computer)');

  await page.getByLabel('Server', { exact: true }).fill(url.origin);
  await page.getByLabel('User').fill('alice');
  await page.getByLabel('User').press('Enter');
  await page.getByLabel('Password for alice').fill('correct horse battery staple');
  await page.getByLabel('Password for alice').press('Enter');
  await expect(page.getByText('Signed in as alice')).toBeVisible();
  await expect(team.getByRole('status')).toContainText('Synced');
  await expect(page.getByRole('button', { name: /^Team sync: Synced/ })).toBeVisible();
  await expect(page.getByLabel('Password for alice')).toHaveCount(0);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`team-settings-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // A colleague's claim arrives by "Sync now" and shows in the Claims table.
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-colleague-'));
  try {
    const bob = await createServices({ archiveDir: dir, actor: 'bob' });
    await bob.archive.claims.insertMany([{ statement: 'The ferry carried 2 million passengers last year.' }]);
    await syncOnce({ archive: bob.archive, remote: url.href });
    await bob.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(team.getByRole('status')).toContainText('Synced');
  await page.keyboard.press('Alt+2');
  await expect(page.getByText('The ferry carried 2 million passengers last year.')).toBeVisible();

  // The server goes away: the sidebar says Offline, and Settings ▸ Team says why.
  await server.stop();
  try {
    await page.getByRole('button', { name: /^Team sync:/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByRole('button', { name: /^Team sync: Offline/ })).toBeVisible();
    await expect(team.getByRole('alert').first()).toContainText('Cannot reach the sync server');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(team.getByRole('status')).toContainText('Paused');
  } finally {
    await server.start();
  }
});
