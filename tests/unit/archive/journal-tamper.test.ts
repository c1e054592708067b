// Issue #18 item 4: journal payloads are validated when read. A record whose checksum matches but
// whose content is not a change Claimdesk wrote (edited by hand or by a tool that recomputed the
// checksum: wrong types, cut-off JSON, a statement that is not a row write) used to be taken for a
// record that "fails its checksum", or was executed as it stood. Now it is named (file, byte, change
// and what is wrong), the archive opens read-only with the changes before it and the files untouched,
// and "Recover intact edits" keeps every other change and none of the bad one.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from '../../../main/archive/engine/crc32';
import { HEADER_BYTES, RECORD_MAGIC, scanSegment } from '../../../main/archive/engine/journal-format';
import { crashImage, hashFiles, journalFiles, open, type Opened } from './helpers';

/** Claim 1 (change 1); claims 2 and 3 in one transaction (change 2); claim 4 (change 3): only in the journal. */
async function threeChanges(): Promise<string> {
  const a = await open();
  await a.claims.insert({ statement: 'first' });
  await a.transaction((tx) => {
    tx.claims.insert({ statement: 'second, same transaction' });
    tx.claims.insert({ statement: 'third, same transaction' });
  });
  await a.claims.insert({ statement: 'fourth' });
  const dir = crashImage(a.dir);
  await a.close();
  return dir;
}

/** Replaces the payload of change `seq` with `tamper(payload)`, with a length and checksum that fit it. */
function rewrite(dir: string, seq: number, tamper: (payload: string) => string): { file: string; offset: number } {
  for (const file of journalFiles(dir)) {
    const bytes = readFileSync(file);
    const record = scanSegment(bytes).records.find((r) => r.seq === seq);
    if (!record) continue;
    const payload = Buffer.from(tamper(bytes.toString('utf8', record.offset + HEADER_BYTES, record.end)), 'utf8');
    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt32LE(RECORD_MAGIC, 0);
    header.writeUInt32LE(payload.length, 4);
    header.writeUInt32LE(crc32(payload), 8);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, record.offset), header, payload, bytes.subarray(record.end)]));
    return { file: path.basename(file), offset: record.offset };
  }
  throw new Error(`no change ${seq}`);
}

const statements = (a: Opened) =>
  a.claims
    .list({})
    .items.map((c) => [c.id, c.statement])
    .sort((x, y) => Number(x[0]) - Number(y[0]));

type Statement = [string, unknown[], number?];

/** The record's last claim INSERT (in change 2: claim 3's, after claim 2's), edited in place. */
const lastClaimInsert = (payload: string, edit: (statement: Statement) => Statement) => {
  const record = JSON.parse(payload) as { s: number; q: Statement[] };
  const at = record.q.findLastIndex((s) => /^\s*INSERT INTO claim\b/.test(s[0]));
  record.q[at] = edit(record.q[at]);
  return JSON.stringify(record);
};

// `which`: how the record is named (by its own change number when that much of it is readable).
const TAMPERS: { name: string; tamper: (payload: string) => string; says: RegExp; which: string }[] = [
  {
    name: 'a statement that is not a row write',
    tamper: (p) => lastClaimInsert(p, (s) => ['DROP TABLE claim', [], s[2]]),
    says: /unknown operation "DROP" \(a change only inserts, updates or deletes rows\) \(statement \d+\)/,
    which: 'change 2',
  },
  {
    name: 'a parameter of the wrong type',
    tamper: (p) => lastClaimInsert(p, (s) => [s[0], [{ statement: 'x' }, ...s[1].slice(1)], s[2]]),
    says: /a parameter must be a string, a number or null \(statement \d+, parameter 1\)/,
    which: 'change 2',
  },
  {
    name: 'cut-off JSON',
    tamper: (p) => p.slice(0, Math.floor(p.length / 2)),
    says: /its content is not valid JSON/,
    which: 'the record after change 1',
  },
  {
    name: 'a change number that is not a number',
    tamper: (p) => p.replace(/^\{"s":2,/, '{"s":"2",'),
    says: /the change number must be a number/,
    which: 'the record after change 1',
  },
];

describe('a tampered journal record', () => {
  for (const { name, tamper, says, which } of TAMPERS) {
    it(`(${name}) is reported by file, byte and change, and nothing of it is applied`, async () => {
      const dir = await threeChanges();
      const bad = rewrite(dir, 2, tamper);
      const before = hashFiles(dir);

      const a = await open(dir);
      const reason = a.info().readOnlyReason ?? '';
      expect(a.info()).toMatchObject({ readOnly: true, contents: 'partial' });
      expect(reason).toContain(`Journal ${bad.file} holds an invalid record at byte ${bad.offset} (${which}): `);
      expect(reason).toMatch(says);
      expect(statements(a)).toEqual([[1, 'first']]); // neither half of change 2
      await expect(a.claims.insert({ statement: 'refused' })).rejects.toMatchObject({ code: 'READ_ONLY' });
      await a.close();
      expect(hashFiles(dir)).toEqual(before);

      // "Recover intact edits…": every other change, none of the bad one, and the archive writes again.
      const b = await open(dir);
      const note = await b.recoverJournal();
      expect(note).toMatch(says);
      expect(note).toMatch(/Change\(s\) 2 could not be read/);
      expect(b.info()).toMatchObject({ readOnly: false, contents: 'complete' });
      expect(statements(b)).toEqual([
        [1, 'first'],
        [4, 'fourth'],
      ]);
      await b.claims.insert({ statement: 'after the recovery' });
      expect(b.claims.list({}).total).toBe(3);
    });
  }

  it('in changes the snapshot already holds, is reported in the log and does not stop writing', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'first' });
    await a.snapshot(); // a backup: the journal is kept from here on
    await a.claims.insert({ statement: 'second' });
    await a.close(); // the closing snapshot holds change 2
    const bad = rewrite(a.dir, 2, (p) => lastClaimInsert(p, (s) => ['PRAGMA writable_schema = 1', [], s[2]]));
    const b = await open(a.dir);
    expect(b.info().readOnlyReason).toBe(null);
    expect(b.logs.join('\n')).toContain(`Journal ${bad.file} holds an invalid record at byte ${bad.offset} (unknown operation "PRAGMA"`);
    expect(statements(b)).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });
});
