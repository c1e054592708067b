// A reopened archive's database is the file as read from disk, taken over by sql.js without a
// second copy and with room to grow in place (engine/own-bytes.ts). What a researcher must never
// notice: edits after a reopen — a few, enough to grow the file several times, or one change larger
// than the room kept ahead (then sql.js copies the file as it always did) — are all there after the
// next snapshot and reopen, and the snapshot on disk matches its checksum.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { simulatedDisk } from '../../../main/archive/engine/disk-space';
import { crashImage, hashFiles, open, tempDir } from './helpers';

afterEach(() => {
  simulatedDisk.freeBytes = null;
});

/** An archive folder with 50 claims in its snapshot (closed). */
async function closedArchive(): Promise<{ dir: string; ids: number[] }> {
  const dir = tempDir();
  const a = await open(dir);
  const ids = (await a.claims.insertMany(Array.from({ length: 50 }, (_, i) => ({ statement: statement(i, 0) })))).map((c) => c.id);
  await a.close();
  return { dir, ids };
}

const statement = (i: number, round: number) => `round ${round} claim ${i}: ${'the minister said the figure was wrong '.repeat(40)}`;

function snapshotMatchesChecksum(dir: string): boolean {
  const file = path.join(dir, 'archive.db');
  const recorded = readFileSync(`${file}.sha256`, 'utf8').trim();
  return createHash('sha256').update(readFileSync(file)).digest('hex') === recorded;
}

describe('reopening an archive and writing to it', () => {
  it('keeps every edit made after a reopen, whether it fits the room the file was given or outgrows it', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const seeded = await first.claims.insertMany(Array.from({ length: 50 }, (_, i) => ({ statement: statement(i, 0) })));
    await first.close();
    const sizes = [statSync(path.join(dir, 'archive.db')).size];

    // Round 1: one small edit (stays within the headroom). Rounds 2-3: each more than doubles the file.
    const batches = [1, 120, 400];
    const written: { id: number; text: string }[] = seeded.map((c, i) => ({ id: c.id, text: statement(i, 0) }));
    for (const [round, count] of batches.entries()) {
      const a = await open(dir);
      expect(a.info().readOnly).toBe(false);
      expect(a.info().counts.claims).toBe(written.length);
      const added = await a.claims.insertMany(Array.from({ length: count }, (_, i) => ({ statement: statement(i, round + 1) })));
      written.push(...added.map((c, i) => ({ id: c.id, text: statement(i, round + 1) })));
      await a.claims.setVerdict(seeded[round].id, 'claimdesk', 'false', `checked in round ${round + 1}`);
      await a.snapshot();
      expect(snapshotMatchesChecksum(dir)).toBe(true);
      // Still writable after the snapshot, and that edit is kept too.
      await a.claims.setStatus(added[0].id, 'in_progress');
      await a.close();
      sizes.push(statSync(path.join(dir, 'archive.db')).size);
    }
    expect(sizes[3]).toBeGreaterThan(sizes[1] * 4);

    const reopened = await open(dir);
    expect(reopened.logs.join('\n')).not.toMatch(/Recovered|damaged|quick_check/);
    expect(reopened.info().counts.claims).toBe(written.length);
    for (const { id, text } of written) expect(reopened.claims.get(id).statement).toBe(text);
    for (const round of batches.keys()) expect(reopened.claims.get(seeded[round].id).verdict).toBe('false');
    expect(reopened.claims.list({ status: ['in_progress'] }).total).toBe(batches.length);
  });

  it('a single change larger than the room kept ahead of the file: sql.js copies the file as before, and nothing is lost', async () => {
    const { dir, ids } = await closedArchive();
    const a = await open(dir);
    expect(a.info().memory).toEqual({ roomBytes: expect.any(Number), copies: 0 });
    // ~80 MB in one transaction: more than the room kept ahead of the file (64 MiB at most; one long word per text: little to index).
    const texts = Array.from({ length: 8 }, (_, i) => String(i + 1).repeat(4_999_000));
    const made = await a.transaction((tx) =>
      texts.map((text, i) => tx.articles.insert({ title: `Transcript ${i + 1}`, outlet: 'Courier', text })),
    );
    expect(a.info().memory).toEqual({ roomBytes: null, copies: 1 });
    await a.claims.setVerdict(ids[0], 'claimdesk', 'false', 'after the large change');
    await a.snapshot(); // exported now: the file is no longer in the buffer it was opened in
    expect(a.info().memory.copies).toBe(2);
    expect(snapshotMatchesChecksum(dir)).toBe(true);
    await a.close();
    const reopened = await open(dir);
    expect(reopened.logs.join('\n')).not.toMatch(/Recovered|damaged|quick_check/);
    expect(reopened.info().memory).toEqual({ roomBytes: expect.any(Number), copies: 0 }); // held once again
    for (const [i, article] of made.entries())
      expect(reopened.articles.get(article.id)).toMatchObject({ title: `Transcript ${i + 1}`, text: texts[i] });
    expect(reopened.claims.get(ids[0]).verdict).toBe('false');
  });

  it('backs up a reopened archive from its snapshot file: the backup is verified and restores every edit', async () => {
    const { dir, ids } = await closedArchive();
    const a = await open(dir, { backupIntervalMs: 0 });
    const before = a.listBackups().length;
    await a.claims.setVerdict(ids[3], 'claimdesk', 'misleading', 'after reopen');
    const added = await a.claims.insert({ statement: 'added after reopen' });
    await a.snapshot();
    expect(a.logs.join('\n')).not.toMatch(/Backup failed/);
    const backups = a.listBackups();
    expect(backups).toHaveLength(before + 1);
    expect(readFileSync(path.join(dir, 'backups', backups[0].name))).toEqual(readFileSync(path.join(dir, 'archive.db')));
    await a.claims.insert({ statement: 'after the backup' });
    await a.restoreBackup(backups[0].name); // rebuilt from the backup plus the journal: nothing lost
    expect(a.claims.get(ids[3]).verdict).toBe('misleading');
    expect(a.claims.get(added.id).statement).toBe('added after reopen');
    expect(a.info().counts.claims).toBe(52);
  });

  it('a snapshot of a reopened archive that runs out of disk leaves the previous one as it was and loses no edit', async () => {
    const { dir, ids } = await closedArchive();
    const a = await open(dir);
    const edited = await a.claims.insert({ statement: 'edited before the disk filled' });
    const before = hashFiles(dir);
    simulatedDisk.freeBytes = 50_000; // room for a journal record, not for the snapshot
    await expect(a.snapshot()).rejects.toThrow(/ENOSPC|disk/i);
    const after = hashFiles(dir);
    expect(after['archive.db']).toBe(before['archive.db']);
    expect(after['archive.db.sha256']).toBe(before['archive.db.sha256']);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    simulatedDisk.freeBytes = null;
    const reopened = await open(crashImage(dir));
    expect(reopened.claims.get(edited.id).statement).toBe('edited before the disk filled');
    expect(reopened.info().counts.claims).toBe(ids.length + 1);
    expect(snapshotMatchesChecksum(dir)).toBe(true);
  });
});
