// Damage campaigns (issue #13): a flipped byte in any journal record, bit flips across the snapshot,
// and a damaged last record. Small archives keep each campaign to seconds.
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { journalFiles, open, tempDir } from './helpers';

function records(dir: string) {
  return journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records.map((r) => ({ ...r, file })));
}

function copy(image: string): string {
  const dir = tempDir('claimdesk-damage-');
  cpSync(image, dir, { recursive: true });
  return dir;
}

/** An archive whose backup holds claim 1; claims 2..6 are in the journal and in the closing snapshot. */
async function closedArchive() {
  const a = await open();
  await a.claims.insert({ statement: 'c1' });
  await a.snapshot(); // the first backup
  for (let i = 2; i <= 6; i++) await a.claims.insert({ statement: `c${i}` });
  await a.close();
  return a.dir;
}

describe('journal damage the snapshot already covers', () => {
  it('never blocks writing, whichever record has the flipped byte', async () => {
    const image = await closedArchive();
    const all = records(image);
    expect(all.length).toBe(5);
    for (const [i, victim] of all.entries()) {
      const dir = copy(image);
      const file = path.join(dir, path.relative(image, victim.file));
      const bytes = readFileSync(file);
      bytes[victim.offset + 20 + i] ^= 0x10;
      writeFileSync(file, bytes);
      const b = await open(dir);
      expect(b.info().readOnly, `record ${i}`).toBe(false);
      expect(b.claims.list({}).total, `record ${i}`).toBe(6);
      expect(b.logs.join('\n')).toMatch(/snapshot already holds/);
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the last journal record', () => {
  async function uncovered() {
    const a = await open();
    await a.claims.insert({ statement: 'first' });
    await a.claims.insert({ statement: 'acknowledged last' });
    const dir = a.dir;
    const last = records(dir).at(-1)!;
    return { a, dir, last };
  }

  it('zeroed bytes inside an acknowledged record open read-only and leave the file untouched', async () => {
    const { a, dir, last } = await uncovered();
    const image = copy(dir);
    await a.close();
    const file = path.join(image, path.relative(dir, last.file));
    const bytes = readFileSync(file);
    bytes.fill(0, last.offset + 20, last.offset + 30);
    writeFileSync(file, bytes);
    const b = await open(image);
    expect(b.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/complete record that fails its checksum/) });
    await b.close();
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('a truncated last record is cut off, and the cut bytes are kept beside the journal and reported', async () => {
    const { a, dir, last } = await uncovered();
    const image = copy(dir);
    await a.close();
    const file = path.join(image, path.relative(dir, last.file));
    const original = readFileSync(file);
    const cut = last.offset + 20;
    truncateSync(file, cut);
    const b = await open(image);
    expect(b.info().readOnly).toBe(false);
    const log = b.logs.join('\n');
    const kept = /kept in (\S+\.cut-[^)\s]+)\)/.exec(log)?.[1];
    expect(kept).toBeTruthy();
    const keptFile = path.join(path.dirname(file), kept!);
    expect(existsSync(keptFile)).toBe(true);
    expect(readFileSync(keptFile)).toEqual(original.subarray(last.offset, cut));
    expect(readdirSync(path.dirname(file)).some((n) => n.includes('.cut-'))).toBe(true);
  });
});

describe('bit flips across the snapshot', () => {
  it('every flip that changes the file opens read-only with a reason, and the file is kept', async () => {
    const a = await open();
    for (let i = 0; i < 3; i++) await a.claims.insert({ statement: `claim ${i}` });
    await a.close();
    const original = readFileSync(path.join(a.dir, 'archive.db'));
    const step = Math.floor(original.length / 40);
    for (let at = 7; at < original.length; at += step) {
      const dir = copy(a.dir);
      const bytes = Buffer.from(original);
      bytes[at] ^= 1 << (at % 8);
      writeFileSync(path.join(dir, 'archive.db'), bytes);
      const b = await open(dir);
      expect(b.info().readOnly, `flip at ${at}`).toBe(true);
      expect(b.info().readOnlyReason, `flip at ${at}`).toMatch(/checksum|damaged|not an SQLite/);
      await b.close();
      const kept = readdirSync(dir).filter((n) => n.startsWith('archive.db') && !n.includes('sha256'));
      expect(
        kept.some((n) => readFileSync(path.join(dir, n)).equals(bytes)),
        `flip at ${at}`,
      ).toBe(true);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
