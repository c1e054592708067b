// The recovery banner's ways out (issue #13). A full disk offers "Try again" (and no restore: nothing
// is damaged); journal damage with no backup offers "Recover intact edits", which brings back every
// readable edit and keeps the damaged journal.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './harness';
import { simulatedDisk } from '../../main/archive/engine/disk-space';
import { openArchive } from '../../main/archive';
import { scanSegment } from '../../main/archive/engine/journal-format';

/** An archive folder with three claims only in the journal, never backed up, as a kill -9 leaves it. */
async function journalOnlyArchive(): Promise<string> {
  const live = mkdtempSync(join(tmpdir(), 'claimdesk-banner-live-'));
  const a = await openArchive({ dir: live, actor: 'tester' });
  for (const statement of ['First journaled claim', 'Second journaled claim', 'Third journaled claim'])
    await a.claims.insert({ statement });
  const image = mkdtempSync(join(tmpdir(), 'claimdesk-banner-'));
  cpSync(live, image, { recursive: true });
  rmSync(join(image, 'LOCK'), { force: true });
  await a.close();
  rmSync(live, { recursive: true, force: true });
  return image;
}

function journalSegments(dir: string): string[] {
  return readdirSync(join(dir, 'journal'))
    .filter((n) => n.endsWith('.journal'))
    .map((n) => join(dir, 'journal', n));
}

test.describe('a full disk', () => {
  test.use({ seedSample: false });
  test.afterEach(() => {
    simulatedDisk.freeBytes = null;
  });

  test('offers "Try again", not a restore, and resumes once there is room', async ({ app }) => {
    const { page, services } = app;
    await services.archive.claims.insert({ statement: 'Saved before the disk filled up' });
    simulatedDisk.freeBytes = 10; // the next journal record does not fit
    await expect(services.archive.claims.insert({ statement: 'Refused' })).rejects.toMatchObject({ code: 'IO' });
    await app.emit('archive.changed', { kind: 'all' });

    const banner = page.getByRole('region', { name: 'The archive is open read-only' });
    await expect(banner).toContainText('The disk is full');
    await expect(banner.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(banner.getByRole('button', { name: /Restore|Recover/ })).toHaveCount(0);
    await expect(banner.getByRole('radio')).toHaveCount(0);

    simulatedDisk.freeBytes = 0; // still full: it says so and stays read-only
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner.getByRole('status')).toContainText('still not enough free space');
    expect(services.archive.info().readOnly).toBe(true);

    simulatedDisk.freeBytes = null; // space is back
    await banner.getByRole('button', { name: 'Try again' }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'There is room again' })).toBeVisible();
    expect(services.archive.info()).toMatchObject({ readOnly: false, diskFull: false });
    const after = await services.archive.claims.insert({ statement: 'Saved after space returned' });
    expect(services.archive.claims.get(after.id).statement).toBe('Saved after space returned');
  });
});

test.describe('journal damage without a backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-banner-dir-'));
  test.use({ seedSample: false, serviceOptions: { archiveDir: dir } });
  test.beforeAll(async () => {
    const image = await journalOnlyArchive();
    cpSync(image, dir, { recursive: true });
    rmSync(image, { recursive: true, force: true });
    // One flipped byte in the second claim's journal record.
    const [segment] = journalSegments(dir).filter((f) => scanSegment(readFileSync(f)).records.length > 0);
    const bytes = readFileSync(segment);
    const second = scanSegment(bytes).records[1];
    bytes[second.offset + 30] ^= 0x20;
    writeFileSync(segment, bytes);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('offers "Recover intact edits", which brings back every readable edit and keeps the damaged journal', async ({ app }) => {
    const { page, services } = app;
    const banner = page.getByRole('region', { name: 'The archive is open read-only' });
    await expect(banner).toContainText(/damaged/);
    await expect(banner).toContainText('No backup is available yet');
    await expect(banner.getByRole('button', { name: 'Try again' })).toHaveCount(0);

    await banner.getByRole('button', { name: 'Recover intact edits…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Recover intact edits' });
    await expect(confirm).toContainText('kept aside');
    await confirm.getByRole('button', { name: 'Recover', exact: true }).click();

    await expect(banner).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Recovered the intact edits' })).toContainText('could not be read');
    const statements = services.archive.claims
      .list({})
      .items.map((c) => c.statement)
      .sort();
    expect(statements).toEqual(['First journaled claim', 'Third journaled claim']);
    expect(readdirSync(dir).some((n) => n.startsWith('journal.replaced-'))).toBe(true);
    const next = await services.archive.claims.insert({ statement: 'Work goes on' });
    expect(services.archive.claims.get(next.id).statement).toBe('Work goes on');
  });
});
