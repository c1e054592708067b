// A reopened archive's database is the file as read from disk, taken over by sql.js without a
// second copy and with room to grow (engine/own-bytes.ts). What a researcher must never notice:
// edits after a reopen — a few, or enough to outgrow that room several times — are all there
// after the next snapshot and reopen, and the snapshot on disk matches its checksum.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { open, tempDir } from './helpers';

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
});
