// Recovery drill: the archive file is damaged after a crash. On the next start the app says so,
// offers the verified backups newest first, restores the chosen one after confirmation, and every
// edit that was acknowledged (journaled) before the crash is still there.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, ROOT } from './harness';
import { NewClaim } from '../../shared/domain';

const drillDir = mkdtempSync(join(tmpdir(), 'claimdesk-recovery-'));
let saved: { before: number; after: number; verdict: string };

test.use({ seedSample: false, serviceOptions: { archiveDir: drillDir } });

test.beforeAll(() => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/e2e/recovery-crash-child.ts'), drillDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.signal, child.stderr).toBe('SIGKILL');
  saved = JSON.parse(child.stdout.trim()) as typeof saved;
  // Damage the snapshot: its header and first page are overwritten, as by a failing disk.
  const snapshot = join(drillDir, 'archive.db');
  expect(existsSync(snapshot)).toBe(true);
  const fd = openSync(snapshot, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
  closeSync(fd);
});

test.afterAll(() => rmSync(drillDir, { recursive: true, force: true }));

test('a damaged archive offers the newest good backup and keeps every journaled edit', async ({ app }) => {
  const { page } = app;
  const banner = page.getByRole('region', { name: 'The archive is open read-only' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/damaged/i);
  const choices = banner.getByRole('radio');
  const backups = app.services.archive.listBackups();
  expect(backups.length).toBeGreaterThan(0);
  await expect(choices).toHaveCount(backups.length);
  // Newest first (as the archive lists them), the newest preselected.
  for (const [i, b] of backups.entries()) await expect(choices.nth(i)).toHaveValue(b.name);
  expect(backups.map((b) => b.at)).toEqual(
    backups
      .map((b) => b.at)
      .sort()
      .reverse(),
  );
  await expect(choices.first()).toBeChecked();
  await expect(choices.first()).toHaveAccessibleName(/newest/);

  await banner.getByRole('button', { name: 'Restore backup…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore backup' });
  await expect(confirm).toContainText('kept aside');
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

  await expect(banner).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Restored the backup' })).toBeVisible();
  expect(app.services.archive.info()).toMatchObject({ readOnly: false, readOnlyReason: null });
  // The damaged file was kept aside, not deleted.
  expect(readdirSync(drillDir).some((f) => f.startsWith('archive.db.damaged'))).toBe(true);

  // Nothing acknowledged before the crash is lost: the backup's claim, and the journaled edits after it.
  expect(app.services.archive.claims.get(saved.before)).toMatchObject({
    statement: 'Claim saved before the backup',
    verdict: saved.verdict,
  });
  expect(app.services.archive.claims.get(saved.after)).toMatchObject({ statement: 'Claim journaled after the backup' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims', exact: true }).click();
  const table = page.getByRole('grid', { name: 'Claims' }).or(page.getByRole('table', { name: 'Claims' }));
  await expect(table).toContainText('Claim saved before the backup');
  await expect(table).toContainText('Claim journaled after the backup');

  // And the archive takes new work again.
  const next = await app.services.archive.claims.insert(NewClaim.parse({ statement: 'Work goes on after the restore' }));
  expect(app.services.archive.claims.get(next.id).statement).toBe('Work goes on after the restore');
});
