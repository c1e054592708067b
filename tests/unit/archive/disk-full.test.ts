// A full disk (ENOSPC, simulated through the simulatedDisk seam): the archive still opens, read-only
// with the reason; nothing on disk is lost; it works again as soon as there is room.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { simulatedDisk } from '../../../main/archive/engine/disk-space';
import { crashImage, hashFiles, journalFiles, open } from './helpers';

afterEach(() => {
  simulatedDisk.freeBytes = null;
});

/** An archive folder whose journal holds edits no snapshot has yet (opening it must write one). */
async function archiveWithJournal(): Promise<{ dir: string; ids: number[] }> {
  const a = await open();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await a.claims.insert({ statement: `kept ${i}` })).id);
  return { dir: crashImage(a.dir), ids };
}

const tempFiles = (files: Record<string, string>) => Object.keys(files).filter((f) => f.includes('.tmp-'));

describe('a full disk', () => {
  it('opens read-only when the open snapshot does not fit, loses nothing, and resumes once there is room', async () => {
    const { dir, ids } = await archiveWithJournal();
    const before = hashFiles(dir);
    simulatedDisk.freeBytes = 4096; // room for the LOCK, not for a snapshot
    const b = await open(dir);
    expect(b.info().readOnly).toBe(true);
    expect(b.info().readOnlyReason).toMatch(
      /^The disk is full: about \d+ MB more is needed on the disk of .* \(0 MB free now\)\. Nothing was lost/,
    );
    expect(
      b.claims
        .list({})
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(ids);
    const after = hashFiles(dir);
    expect(after).toMatchObject(before); // journal and snapshot untouched
    expect(tempFiles(after)).toEqual([]);
    await expect(b.claims.insert({ statement: 'while full' })).rejects.toMatchObject({ code: 'READ_ONLY', message: /The disk is full/ });

    simulatedDisk.freeBytes = null;
    const added = await b.claims.insert({ statement: 'after space returned' });
    expect(b.info()).toMatchObject({ readOnly: false, readOnlyReason: null });
    await b.close();
    const c = await open(crashImage(dir));
    expect(
      c.claims
        .list({})
        .items.map((x) => x.id)
        .sort(),
    ).toEqual([...ids, added.id]);
  });

  it('opens read-only when even the LOCK file does not fit, then takes the lock when space returns', async () => {
    const { dir, ids } = await archiveWithJournal();
    simulatedDisk.freeBytes = 0;
    const b = await open(dir);
    expect(b.info().readOnlyReason).toMatch(/^The disk is full/);
    expect(b.claims.list({}).total).toBe(ids.length);
    expect(existsSync(path.join(dir, 'LOCK'))).toBe(false);

    simulatedDisk.freeBytes = null;
    await b.claims.insert({ statement: 'after space returned' });
    expect(b.info().readOnly).toBe(false);
    expect(JSON.parse(readFileSync(path.join(dir, 'LOCK'), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('stores an imported original once there is room again, like any other write', async () => {
    const { dir } = await archiveWithJournal();
    simulatedDisk.freeBytes = 0;
    const b = await open(dir);
    const bytes = Buffer.from('%PDF-1.4 original');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await expect(b.originals.put(sha, 'pdf', bytes)).rejects.toMatchObject({ code: 'READ_ONLY', message: /The disk is full/ });

    simulatedDisk.freeBytes = null;
    expect(readFileSync(await b.originals.put(sha, 'pdf', bytes))).toEqual(bytes);
    expect(b.info().readOnly).toBe(false);
  });

  it('opens read-only when a torn journal tail cannot be repaired for lack of space, keeping every complete record', async () => {
    const { dir, ids } = await archiveWithJournal();
    const segment = journalFiles(dir).at(-1)!;
    truncateSync(segment, statSync(segment).size - 5); // the last edit's record cut short by a crash
    simulatedDisk.freeBytes = 0;
    const b = await open(dir);
    expect(b.info().readOnlyReason).toMatch(/^The disk is full/);
    expect(
      b.claims
        .list({})
        .items.map((c) => c.id)
        .sort(),
    ).toEqual(ids.slice(0, -1));

    simulatedDisk.freeBytes = null;
    const added = await b.claims.insert({ statement: 'after space returned' });
    await b.close();
    const c = await open(crashImage(dir));
    expect(c.info().readOnly).toBe(false);
    expect(
      c.claims
        .list({})
        .items.map((x) => x.id)
        .sort(),
    ).toEqual([...ids.slice(0, -1), added.id]);
  });

  it('rejects an edit whose journal record does not fit, keeps the rest, and takes edits again once there is room', async () => {
    const a = await open();
    const kept = await a.claims.insert({ statement: 'kept' });
    simulatedDisk.freeBytes = 10; // the record is cut off after 10 bytes
    await expect(a.claims.insert({ statement: 'refused' })).rejects.toMatchObject({
      code: 'IO',
      message: /could not be saved to disk: ENOSPC/,
    });
    expect(a.info().readOnlyReason).toMatch(/^The disk is full/);
    await expect(a.claims.insert({ statement: 'still full' })).rejects.toMatchObject({ code: 'READ_ONLY' });
    expect(a.claims.list({}).items.map((c) => c.statement)).toEqual(['kept']); // the refused edit is not shown

    simulatedDisk.freeBytes = null;
    const later = await a.claims.insert({ statement: 'later' });
    expect(a.info().readOnly).toBe(false);
    const b = await open(crashImage(a.dir));
    expect(
      b.claims
        .list({})
        .items.map((c) => [c.id, c.statement])
        .sort(),
    ).toEqual([
      [kept.id, 'kept'],
      [later.id, 'later'],
    ]);
    expect(b.info().readOnly).toBe(false);
  });
});
