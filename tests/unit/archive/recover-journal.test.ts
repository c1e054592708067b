// Issue #13: an archive with journal damage and no backup used to stay read-only with no way out
// (the recovery banner offered nothing). archive.recoverJournal rebuilds it from its own files: the
// intact archive file, or (never backed up) the journal alone. And a missing archive.db next to a
// leftover temp file of an interrupted write is no longer taken for a file set aside by a recovery.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../../../main/services';
import type { ArchiveInfo } from '../../../shared/domain';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { crashImage, journalFiles, open, tempDir } from './helpers';

const opened: Services[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function start(dir: string): Promise<Services> {
  const s = await createServices({ archiveDir: dir, actor: 'tester', log: () => {} });
  opened.push(s);
  return s;
}

/** Six acknowledged claims, only in the journal, and never a backup (as a kill -9 leaves a new archive). */
async function neverBackedUp(): Promise<{ dir: string; ids: number[] }> {
  const a = await open();
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) ids.push((await a.claims.insert({ statement: `claim ${i}` })).id);
  expect(a.listBackups()).toEqual([]);
  return { dir: crashImage(a.dir), ids };
}

function flipInRecord(dir: string, index: number): void {
  const records = journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records.map((r) => ({ ...r, file })));
  const victim = records[index];
  const bytes = readFileSync(victim.file);
  bytes[victim.offset + 40] ^= 0x08;
  writeFileSync(victim.file, bytes);
}

async function recover(s: Services): Promise<ArchiveInfo> {
  const res = await s.dispatch('archive.recoverJournal', []);
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return (res as { value: ArchiveInfo }).value;
}

const statements = (s: Services) =>
  s.archive.claims
    .list({})
    .items.map((c) => [c.id, c.statement])
    .sort((x, y) => Number(x[0]) - Number(y[0]));

describe('journal damage without a backup', () => {
  it('recovers every readable edit onto the archive file, keeps the damaged journal, and writes again', async () => {
    const { dir, ids } = await neverBackedUp();
    flipInRecord(dir, 2);
    const s = await start(dir);
    expect(s.archive.info()).toMatchObject({ readOnly: true, diskFull: false });
    expect(s.archive.listBackups()).toEqual([]);
    const info = await recover(s);
    expect(info).toMatchObject({
      readOnly: false,
      recovery: expect.stringMatching(/from the archive file .* Change\(s\) 3 could not be read/),
    });
    expect(statements(s)).toEqual(ids.filter((_, i) => i !== 2).map((id) => [id, `claim ${id - 1}`]));
    expect(readdirSync(dir).some((n) => n.startsWith('journal.replaced-'))).toBe(true);
    expect(s.archive.listBackups()).toHaveLength(1); // the rebuilt archive is backed up at once
    const next = await s.archive.claims.insert({ statement: 'after the recovery' });
    expect(next.id).toBe(7);
  });

  it('rebuilds from the journal alone when the archive file does not match its checksum', async () => {
    const { dir, ids } = await neverBackedUp();
    writeFileSync(path.join(dir, 'archive.db.sha256'), `${'0'.repeat(64)}\n`);
    const s = await start(dir);
    expect(s.archive.info().readOnlyReason).toMatch(/does not match its checksum/);
    const info = await recover(s);
    expect(info).toMatchObject({
      readOnly: false,
      recovery: expect.stringMatching(/^Rebuilt the archive from an empty archive .* and 6 journaled change/),
    });
    expect(statements(s).map(([id]) => id)).toEqual(ids);
    expect(readdirSync(dir).filter((n) => n.startsWith('archive.db.replaced-'))).toHaveLength(1); // the mistrusted file is kept
  });

  it('refuses, changing nothing, when the archive file is untrusted and its backups are gone', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'backed up' });
    await a.snapshot();
    await a.close();
    rmSync(path.join(a.dir, 'backups', a.listBackups()[0].name));
    writeFileSync(path.join(a.dir, 'archive.db.sha256'), `${'0'.repeat(64)}\n`);
    const s = await start(a.dir);
    const before = readdirSync(a.dir).sort();
    expect(await s.dispatch('archive.recoverJournal', [])).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: /backups are gone/ },
    });
    expect(readdirSync(a.dir).sort()).toEqual(before);
    expect(s.archive.info().readOnly).toBe(true);
  });
});

describe('a missing archive.db next to a leftover temp file', () => {
  it('is a new archive when the journal is empty, not one "set aside earlier"', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, `archive.db.tmp-${process.pid}-1733300000000`), 'half a snapshot');
    const s = await start(dir);
    expect(s.archive.info()).toMatchObject({ readOnly: false, readOnlyReason: null });
  });

  it('with journaled edits, says the file is missing and recovers them from the journal', async () => {
    const { dir, ids } = await neverBackedUp();
    renameSync(path.join(dir, 'archive.db'), path.join(dir, `archive.db.tmp-${process.pid}-1733300000000`));
    const s = await start(dir);
    const reason = s.archive.info().readOnlyReason;
    expect(reason).toMatch(/archive\.db is missing but the journal holds changes/);
    expect(reason).not.toMatch(/set aside/);
    await recover(s);
    expect(statements(s).map(([id]) => id)).toEqual(ids);
    expect(existsSync(path.join(dir, 'archive.db'))).toBe(true);
  });
});
