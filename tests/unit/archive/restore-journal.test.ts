// Issue #13 item 1: journal damage, then the recovery banner's "Restore backup…" (the
// archive.restoreBackup method). Before, the restore rolled back to the backup and set the damaged
// journal aside without replaying it: every edit after the backup was lost. Now every readable
// journal record is replayed (also those after the damage, with the ids they had), the newer
// archive file is the base when it is intact, and the damaged journal is kept.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServices, type Services } from '../../../main/services';
import type { ArchiveInfo } from '../../../shared/domain';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { simulatedDisk } from '../../../main/archive/engine/disk-space';
import { crashImage, hashFiles, journalFiles, open } from './helpers';

const opened: Services[] = [];
afterEach(async () => {
  simulatedDisk.freeBytes = null;
  while (opened.length) await opened.pop()!.close();
});

/** One acknowledged edit = one journal record: a new claim, or a verdict on a claim made earlier. */
type Edit = { kind: 'insert'; statement: string; id: number } | { kind: 'verdict'; target: number; note: string };

interface Image {
  dir: string;
  backupClaim: number;
  /** Edits after the backup, in journal order, with their change numbers. */
  edits: (Edit & { seq: number })[];
  snapshotSeq: number;
}

/**
 * A backup holding one claim; 30 edits after it, the first 20 also in a snapshot (no newer backup
 * within the hour), the last 10 only in the journal: what a kill -9 leaves.
 */
async function archiveWithEdits(): Promise<Image> {
  const a = await open();
  const backupClaim = (await a.claims.insert({ statement: 'in the backup' })).id;
  await a.snapshot(); // the first snapshot with data also writes a backup
  const edits: Edit[] = [];
  const made: number[] = [];
  for (let i = 0; i < 30; i++) {
    if (i % 3 === 2) {
      const target = made[made.length - 1 - (i % 2)];
      const note = `verdict ${i}`;
      await a.claims.setVerdict(target, 'claimdesk', i % 2 ? 'false' : 'true', note);
      edits.push({ kind: 'verdict', target, note });
    } else {
      const statement = `edit ${i}`;
      const { id } = await a.claims.insert({ statement });
      made.push(id);
      edits.push({ kind: 'insert', statement, id });
    }
    if (i === 19) await a.snapshot();
  }
  const records = journalRecords(a.dir);
  const firstSeq = records.at(-30)!.seq;
  const dir = crashImage(a.dir);
  await a.close();
  return { dir, backupClaim, edits: edits.map((e, i) => ({ ...e, seq: firstSeq + i })), snapshotSeq: firstSeq + 19 };
}

function journalRecords(dir: string) {
  return journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records.map((r) => ({ ...r, file })));
}

/** Flips one byte of the record holding change `seq`, at a position picked by `pick` (0..1). */
function damage(dir: string, seq: number, pick: number): void {
  const record = journalRecords(dir).find((r) => r.seq === seq)!;
  const bytes = readFileSync(record.file);
  const at = record.offset + Math.floor(pick * (record.end - record.offset));
  bytes[at] ^= 0x01 << Math.floor(pick * 8);
  writeFileSync(record.file, bytes);
}

/** What the researcher should see: every edit except the lost ones (and verdicts on lost claims). */
function expected(image: Image, lost: Set<number>) {
  const claims = new Map<number, { statement: string; verdictNote: string | null }>();
  claims.set(image.backupClaim, { statement: 'in the backup', verdictNote: null });
  for (const edit of image.edits) {
    if (lost.has(edit.seq)) continue;
    if (edit.kind === 'insert') claims.set(edit.id, { statement: edit.statement, verdictNote: null });
    else if (claims.has(edit.target)) claims.get(edit.target)!.verdictNote = edit.note;
  }
  return [...claims].map(([id, c]) => ({ id, ...c })).sort((x, y) => x.id - y.id);
}

function visible(s: Services) {
  return s.archive.claims
    .list({ limit: 100 })
    .items.map((c) => ({ id: c.id, statement: c.statement, verdictNote: c.verdictNote }))
    .sort((x, y) => x.id - y.id);
}

async function start(dir: string): Promise<Services> {
  const s = await createServices({ archiveDir: dir, actor: 'tester', log: () => {} });
  opened.push(s);
  return s;
}

async function restoreNewest(s: Services): Promise<ArchiveInfo> {
  const [newest] = s.archive.listBackups();
  const res = await s.dispatch('archive.restoreBackup', [newest.name]);
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return (res as { value: ArchiveInfo }).value;
}

function keptJournal(dir: string): string {
  const kept = readdirSync(dir).filter((n) => n.startsWith('journal.replaced-'));
  expect(kept).toHaveLength(1);
  return path.join(dir, kept[0]);
}

describe('Restore backup after journal damage', () => {
  it('keeps every edit when an old record (already in archive.db) has a flipped byte', async () => {
    const image = await archiveWithEdits();
    const victim = image.edits[4].seq; // after the backup, before the snapshot
    damage(image.dir, victim, 0.5);
    const damagedBytes = readFileSync(journalRecords(image.dir).find((r) => r.seq === victim - 1)!.file);
    const s = await start(image.dir);
    const info = await restoreNewest(s);
    expect(info).toMatchObject({
      readOnly: false,
      readOnlyReason: null,
      recovery: expect.stringMatching(/^Rebuilt the archive from the archive file/),
    });
    expect(visible(s)).toEqual(expected(image, new Set()));
    // The damaged journal is kept as it was, and the archive takes new work.
    expect(readdirSync(keptJournal(image.dir)).some((n) => readFileSync(path.join(keptJournal(image.dir), n)).equals(damagedBytes))).toBe(
      true,
    );
    await s.archive.claims.insert({ statement: 'after the restore' });
    await s.close();
    opened.pop();
    const again = await start(crashImage(image.dir));
    expect(again.archive.info().readOnly).toBe(false);
    expect(visible(again)).toHaveLength(expected(image, new Set()).length + 1);
  });

  it('keeps every readable edit when a record after the snapshot is damaged: later ones keep their ids', async () => {
    const image = await archiveWithEdits();
    const victim = image.edits.find((e) => e.seq > image.snapshotSeq && e.kind === 'insert')!;
    damage(image.dir, victim.seq, 0.3);
    const s = await start(image.dir);
    expect(s.archive.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/damaged/) });
    const info = await restoreNewest(s);
    expect(info.readOnly).toBe(false);
    expect(info.recovery).toMatch(new RegExp(`Change\\(s\\) ${victim.seq} could not be read`));
    expect(visible(s)).toEqual(expected(image, new Set([victim.seq])));
    expect(existsSync(keptJournal(image.dir))).toBe(true);
  });

  it('keeps every readable edit whichever record a random byte flip hits', async () => {
    const image = await archiveWithEdits();
    let seed = 13;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const edit of image.edits) {
      const dir = crashImage(image.dir);
      damage(dir, edit.seq, random());
      const s = await start(dir);
      const info = await restoreNewest(s);
      expect(info.readOnly, `damage in change ${edit.seq}`).toBe(false);
      // A change the snapshot holds is not lost; one only in the journal is (it cannot be read).
      const lost = new Set(edit.seq > image.snapshotSeq ? [edit.seq] : []);
      expect(visible(s), `damage in change ${edit.seq}`).toEqual(expected(image, lost));
      await s.close();
      opened.pop();
    }
  }, 180_000); // 30 restores: slow on a loaded machine

  it('changes nothing when the rebuilt archive does not fit on the disk, and works once there is room', async () => {
    const image = await archiveWithEdits();
    const victim = image.edits.find((e) => e.seq > image.snapshotSeq)!;
    damage(image.dir, victim.seq, 0.6);
    const s = await start(image.dir);
    const shown = visible(s);
    const files = () =>
      Object.fromEntries(
        Object.entries(hashFiles(image.dir)).filter(([f]) => f === 'archive.db' || f === 'archive.db.sha256' || f.startsWith('journal')),
      );
    const before = files();
    simulatedDisk.freeBytes = 0;
    const [newest] = s.archive.listBackups();
    expect(await s.dispatch('archive.restoreBackup', [newest.name])).toMatchObject({
      ok: false,
      error: { code: 'IO', message: /disk is full.*Nothing was changed/ },
    });
    expect(files()).toEqual(before);
    expect(readdirSync(image.dir).filter((n) => n.includes('replaced'))).toEqual([]);
    expect(s.archive.info().readOnly).toBe(true);
    expect(visible(s)).toEqual(shown);

    simulatedDisk.freeBytes = null;
    expect((await restoreNewest(s)).readOnly).toBe(false);
    expect(visible(s)).toEqual(expected(image, new Set([victim.seq])));
  });
});
