import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { integrityCheckInWorker } from '../../../main/archive/engine/integrity';
import { writeBackup } from '../../../main/archive/engine/backups';
import { defaultWasmPath } from '../../../main/archive/engine/sqljs';
import { crashImage, hashFiles, journalFiles, open, tempDir } from './helpers';

/** Decoded records of every journal segment in an archive folder. */
function journalRecords(dir: string) {
  return journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records.map((r) => ({ ...r, file })));
}

describe('journal and recovery', () => {
  it('acknowledged edits survive a crash before any snapshot (journal replay)', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'before crash' });
    await a.claims.setVerdict(claim.id, 'claimdesk', 'false', 'checked');
    const image = crashImage(a.dir);
    const b = await open(image);
    expect(b.claims.get(claim.id)).toMatchObject({ statement: 'before crash', verdict: 'false' });
    expect(b.logs.join('\n')).toMatch(/Recovered 2 journaled change/);
    expect(b.info().readOnly).toBe(false);
  });

  it('acknowledges concurrent edits, each as its own journal record, numbered without gaps', async () => {
    const a = await open();
    const claims = await a.claims.insertMany(Array.from({ length: 20 }, (_, i) => ({ statement: `claim ${i}` })));
    await Promise.all(claims.map((c) => a.claims.setStatus(c.id, 'in_progress')));
    const seqs = journalRecords(a.dir).map((r) => r.seq);
    expect(seqs).toHaveLength(21);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    const b = await open(crashImage(a.dir));
    expect(b.claims.list({ status: ['in_progress'] }).total).toBe(20);
  });

  it('snapshots in the background and on close, and drops journal records once a verified backup holds them', async () => {
    const a = await open(undefined, { snapshotEvery: 5 });
    for (let i = 0; i < 12; i++) await a.claims.insert({ statement: `claim ${i}` });
    await a.snapshot(); // the first snapshot with nobody waiting also writes a backup
    expect(journalRecords(a.dir)).toEqual([]);
    await a.claims.insert({ statement: 'after snapshot' });
    await a.close();
    // In the close snapshot, but newer than the newest backup: kept so a restore loses nothing.
    expect(journalRecords(a.dir).map((r) => r.seq)).toEqual([13]);
    const b = await open(a.dir);
    expect(b.info().counts.claims).toBe(13);
    expect(b.logs.join('\n')).not.toMatch(/Recovered/);
  });

  it('cuts off a torn last record at every byte offset and keeps everything before it', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'kept' });
    await a.claims.setStatus(claim.id, 'done');
    const image = crashImage(a.dir);
    const last = journalRecords(image).at(-1)!;
    const segment = path.relative(image, last.file);
    const spotChecks = new Set([last.offset, last.offset + 1, last.offset + 12, Math.floor((last.offset + last.end) / 2), last.end - 1]);
    for (let cut = last.offset; cut < last.end; cut++) {
      const dir = tempDir('claimdesk-torn-');
      cpSync(image, dir, { recursive: true });
      truncateSync(path.join(dir, segment), cut);
      const b = await open(dir);
      expect(b.info().readOnly, `cut at ${cut}`).toBe(false);
      expect(b.claims.get(claim.id).status, `cut at ${cut}`).toBe('new');
      if (cut > last.offset)
        expect(b.logs.join('\n')).toMatch(new RegExp(`Cut off an incomplete last journal record .*${cut - last.offset} bytes`));
      if (spotChecks.has(cut)) {
        // After the cut the journal accepts new records that survive the next crash.
        await b.claims.setStatus(claim.id, 'needs_review');
        const c = await open(crashImage(dir));
        expect(c.claims.get(claim.id).status).toBe('needs_review');
        await c.close();
      }
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reports damage in the middle of the journal, opens read-only and leaves every file untouched', async () => {
    const a = await open();
    const claims = await a.claims.insertMany([{ statement: 'one' }, { statement: 'two' }]);
    await a.claims.setStatus(claims[0].id, 'done');
    await a.claims.setStatus(claims[1].id, 'done');
    await a.claims.setVerdict(claims[1].id, 'claimdesk', 'true', 'ok');
    const image = crashImage(a.dir);
    const victim = journalRecords(image)[1];
    const bytes = readFileSync(victim.file);
    bytes[victim.offset + 30] ^= 0x04; // one bit, inside the second record's payload
    writeFileSync(victim.file, bytes);
    const before = hashFiles(image);

    const b = await open(image);
    expect(b.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/damaged at byte \d+/) });
    expect(b.claims.get(claims[0].id).status).toBe('new'); // changes before the damage are shown
    await expect(b.claims.setStatus(claims[0].id, 'in_progress')).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(b.originals.put('0'.repeat(64), 'txt', new Uint8Array())).rejects.toMatchObject({ code: 'READ_ONLY' });
    await b.snapshot();
    await b.close();
    expect(hashFiles(image)).toEqual(before);
  });

  it('reports a missing journal segment as damage', async () => {
    const a = await open();
    const claim = await a.claims.insert({ statement: 'x' });
    await a.snapshot();
    await a.claims.setStatus(claim.id, 'done');
    await a.snapshot(); // rotates the segment
    await a.claims.setStatus(claim.id, 'in_progress');
    const image = crashImage(a.dir);
    // Pretend the second-to-last snapshot is current: records it needs are gone.
    const stale = tempDir();
    const b0 = await open(stale);
    await b0.close();
    cpSync(path.join(stale, 'archive.db'), path.join(image, 'archive.db'));
    cpSync(path.join(stale, 'archive.db.sha256'), path.join(image, 'archive.db.sha256'));
    const b = await open(image);
    expect(b.info().readOnlyReason).toMatch(/changes are missing/);
  });
});

describe('snapshots, backups and limits', () => {
  it('moves a damaged snapshot aside, opens read-only, and restores the newest good backup', async () => {
    const a = await open(undefined, { backupIntervalMs: 0 });
    const claim = await a.claims.insert({ statement: 'in the backup' });
    await a.snapshot();
    await a.close();
    const snapshot = path.join(a.dir, 'archive.db');
    const bytes = readFileSync(snapshot);
    bytes.fill(0xff, 4096, 8192); // wreck the second page
    writeFileSync(snapshot, bytes);

    const b = await open(a.dir);
    expect(b.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/damaged/) });
    const damaged = readdirSync(a.dir).filter((n) => n.startsWith('archive.db.damaged'));
    expect(damaged).toHaveLength(1);
    expect(readFileSync(path.join(a.dir, damaged[0]))).toEqual(bytes);
    const [newest] = b.listBackups();
    await b.restoreBackup(newest.name);
    expect(b.info().readOnly).toBe(false);
    expect(b.claims.get(claim.id).statement).toBe('in the backup');
    await b.claims.setStatus(claim.id, 'done');
    await b.close();
    expect(existsSync(path.join(a.dir, damaged[0]))).toBe(true);

    const c = await open(a.dir); // a reopen stays healthy: the damaged file is no longer in the way
    expect(c.info().readOnly).toBe(false);
    expect(c.claims.get(claim.id).status).toBe('done');
    await expect(c.restoreBackup('../archive.db')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('loses no acknowledged edit when the newest backup is restored after the snapshot was damaged', async () => {
    const a = await open(undefined, { backupIntervalMs: 60 * 60_000 });
    const first = await a.claims.insert({ statement: 'in the backup' });
    await a.snapshot(); // first backup
    const later = await a.claims.insert({ statement: 'after the backup' });
    await a.claims.setVerdict(first.id, 'claimdesk', 'false', 'checked after the backup');
    await a.snapshot(); // a snapshot, but no new backup within the hour
    await a.close();
    const snapshot = path.join(a.dir, 'archive.db');
    const bytes = readFileSync(snapshot);
    bytes.fill(0xff, 4096, 8192);
    writeFileSync(snapshot, bytes);

    const b = await open(a.dir);
    expect(b.info().readOnly).toBe(true);
    await b.restoreBackup(b.listBackups()[0].name);
    expect(b.info().readOnly).toBe(false);
    expect(b.claims.get(later.id).statement).toBe('after the backup');
    expect(b.claims.get(first.id)).toMatchObject({ verdict: 'false', verdictNote: 'checked after the backup' });
    await b.close();
  });

  it('trusts a snapshot whose checksum matches, opens a mismatch read-only, and quick_checks one without a checksum file', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'x' });
    await a.close();
    const b = await open(a.dir);
    expect(b.logs.join('\n')).not.toMatch(/quick_check/);
    await b.close();
    const checksum = path.join(a.dir, 'archive.db.sha256');
    writeFileSync(checksum, '0'.repeat(64));
    const c = await open(a.dir);
    expect(c.info()).toMatchObject({
      readOnly: true,
      readOnlyReason: expect.stringMatching(/does not match its checksum/),
      counts: { claims: 1 },
    });
    await c.close();
    rmSync(checksum); // e.g. an archive written by an older version
    const d = await open(a.dir);
    expect(d.logs.join('\n')).toMatch(/passed PRAGMA quick_check/);
    expect(d.info()).toMatchObject({ readOnly: false, counts: { claims: 1 } });
  });

  it('keeps at most 24 verified backups, newest first', async () => {
    const a = await open(undefined, { backupIntervalMs: 0 });
    for (let i = 0; i < 26; i++) {
      await a.claims.insert({ statement: `claim ${i}` });
      await a.snapshot();
      await new Promise((r) => setTimeout(r, 2)); // distinct backup names
    }
    const backups = a.listBackups();
    expect(backups).toHaveLength(24);
    expect(backups[0].at > backups[23].at).toBe(true);
    expect(backups.every((b) => b.sizeBytes > 0)).toBe(true);
  });

  it('checks backups with integrity_check in a worker and discards one that fails', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'x' });
    await a.close();
    const good = readFileSync(path.join(a.dir, 'archive.db'));
    expect(await integrityCheckInWorker(new Uint8Array(good), defaultWasmPath())).toBe('ok');
    const bad = new Uint8Array(good);
    bad.fill(0xff, 4096, 8192); // wreck the second page
    expect(await integrityCheckInWorker(bad, defaultWasmPath())).not.toBe('ok');

    const backups = path.join(a.dir, 'backups');
    await expect(writeBackup(backups, new Uint8Array(good), new Date(), async () => 'page 3: btree broken')).rejects.toThrow(
      /discarded: integrity check: page 3/,
    );
    expect(readdirSync(backups).filter((n) => n.endsWith('.pending'))).toEqual([]); // no .pending left behind
  });

  it('refuses writes beyond the size budget without saving anything', async () => {
    const dir = tempDir();
    const first = await open(dir);
    const size = first.info().sizeBytes;
    await first.close();
    const a = await open(dir, { budgetBytes: size + 50_000 });
    expect(a.info()).toMatchObject({ budgetBytes: size + 50_000 });
    await a.articles.insert({ title: 'small', text: 'fits' });
    await expect(a.articles.insert({ title: 'big', text: 'word '.repeat(100_000) })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/limit/),
    });
    expect(a.articles.list({}).items.map((x) => x.title)).toEqual(['small']);
  });

  it('lets only one process-owner open an archive at a time', async () => {
    const a = await open();
    await expect(open(a.dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    writeFileSync(path.join(a.dir, 'LOCK'), '1\n'); // pid 1 is alive: another owner
    await a.close();
    writeFileSync(path.join(a.dir, 'LOCK'), '1\n');
    await expect(open(a.dir)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/another Claimdesk process/) });
    writeFileSync(path.join(a.dir, 'LOCK'), '999999999\n'); // stale: that process is gone
    await expect(open(a.dir)).resolves.toBeTruthy();
  });

  it('explains a folder it cannot use instead of crashing', async () => {
    const file = path.join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(open(file)).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('not-a-folder') });
  });
});

describe('integrity of the full-text index', () => {
  it('passes PRAGMA integrity_check with deleted and restored claims and articles, so backups are kept', async () => {
    const a = await open(undefined, { backupIntervalMs: 0 });
    const article = await a.articles.insert({ title: 'Troops', text: 'Seoul says troops were sent.' });
    const kept = await a.claims.insert({ statement: 'troops were sent', articleId: article.id });
    const gone = await a.claims.insert({ statement: 'troops were not sent' });
    await a.claims.delete(gone.id);
    const other = await a.articles.insert({ title: 'Other', text: 'Unrelated text.' });
    await a.articles.delete(other.id);
    await a.claims.update(kept.id, { statement: 'thousands of troops were sent' });
    await a.snapshot();
    await a.close();
    const bytes = new Uint8Array(readFileSync(path.join(a.dir, 'archive.db')));
    expect(await integrityCheckInWorker(bytes, defaultWasmPath())).toBe('ok');
    expect(a.logs.join('\n')).not.toMatch(/Integrity check failed/);
    const b = await open(a.dir);
    expect(b.listBackups().length).toBeGreaterThan(0);
    expect(b.claims.list({ search: 'troops' }).items.map((c) => c.id)).toEqual([kept.id]);
    await b.claims.restore(gone.id);
    expect(b.claims.list({ search: 'troops', sort: 'createdAt', order: 'asc' }).items.map((c) => c.id)).toEqual([kept.id, gone.id]);
    await b.close();
  });
});
