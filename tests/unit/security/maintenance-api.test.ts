// The backup methods the recovery banner calls: listed newest first, and a restore names a backup
// of this archive — never a path to some other file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { NewClaim } from '../../../shared/domain';

let dir: string;
let services: Services;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-maintenance-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
  await services.archive.claims.insert(NewClaim.parse({ statement: 'Kept in the backup' }));
  await services.archive.snapshot(); // the first snapshot with data is backed up
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('archive maintenance API', () => {
  it('lists the verified backups, newest first', async () => {
    const res = await services.dispatch('archive.backups', []);
    expect(res.ok).toBe(true);
    const backups = res.ok ? (res.value as { name: string; at: string }[]) : [];
    expect(backups.length).toBeGreaterThan(0);
    expect(backups.map((b) => b.at)).toEqual(
      backups
        .map((b) => b.at)
        .sort()
        .reverse(),
    );
  });

  it('refuses paths and unknown names instead of restoring them', async () => {
    for (const name of ['../archive.db', '/etc/passwd', '..\\..\\x.db', 'backups/archive-1.db', '']) {
      expect(await services.dispatch('archive.restoreBackup', [name]), name).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT' },
      });
    }
    expect(await services.dispatch('archive.restoreBackup', ['archive-20000101T000000000Z.db'])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(services.archive.info().readOnly).toBe(false);
  });

  it('restores a backup and reports the archive as writable', async () => {
    const [newest] = services.archive.listBackups();
    const res = await services.dispatch('archive.restoreBackup', [newest.name]);
    expect(res).toMatchObject({ ok: true, value: { readOnly: false, readOnlyReason: null, counts: { claims: 1 } } });
  });

  it('without a window, choosing files or where to save is refused with what to do instead, never INTERNAL', async () => {
    const choose = await services.dispatch('import.choose', []);
    expect(choose).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('claimdesk import') } });
    const save = await services.dispatch('reports.export', [{ title: 'Weekly', search: { search: 'backup' } }, 'csv']);
    expect(save).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('--out') } });
  });
});
