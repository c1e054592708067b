// A `.claimdesk` file is held to the API's limits: an oversized field, too many tags or too many
// records is refused with a message naming the record and the field, and nothing is written.
import { describe, expect, it } from 'vitest';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { parseArchiveBytes, parseArchiveJson, type ArchiveJsonInput } from '../../../main/archive/exchange/format';
import { ARCHIVE_LIMITS } from '../../../main/archive/exchange/limits';
import { MAX_ARTICLE_TEXT_CHARS, MAX_STATEMENT_CHARS, MAX_TAGS_PER_CLAIM } from '../../../shared/limits';
import { bobsArchive, freshArchive, seedArchive, snapshotOf } from './archive-fixture';

/** Alice's archive as a document, changed by `edit`, merged into Bob's: refused with `message`, Bob's archive unchanged. */
async function expectRefused(edit: (doc: ArchiveJsonInput) => void, message: string | RegExp): Promise<void> {
  const alice = await freshArchive();
  await seedArchive(alice);
  const doc = exportArchiveJson(alice);
  edit(doc);
  const bob = await bobsArchive();
  const before = snapshotOf(bob);
  await expect(importArchiveJson(bob, JSON.stringify(doc), 'alice.claimdesk')).rejects.toMatchObject({
    code: 'TOO_LARGE',
    message: expect.stringMatching(message),
  });
  expect(snapshotOf(bob)).toEqual(before);
}

describe('limits of a .claimdesk file', () => {
  it('refuses a claim whose statement is longer than the API allows, naming the claim', async () => {
    await expectRefused(
      (doc) => (doc.claims[1].statement = 'x'.repeat(MAX_STATEMENT_CHARS + 1)),
      /^claim 2: statement is 20,001 characters; the limit is 20,000; nothing was imported\.$/,
    );
  });

  it('refuses an article whose text is longer than the API allows', async () => {
    await expectRefused(
      (doc) => (doc.articles[0].text = 'y'.repeat(MAX_ARTICLE_TEXT_CHARS + 1)),
      /^article 1: text is 5,000,001 characters; the limit is 5,000,000/,
    );
  });

  it('refuses 200,000 tags on one claim', async () => {
    await expectRefused(
      (doc) => (doc.claims[0].tags = Array.from({ length: 200_000 }, (_, i) => `t${i}`)),
      /^claim 1: tags holds 200,000 items; the limit is 100;/,
    );
    expect(MAX_TAGS_PER_CLAIM).toBe(100);
  });

  it('refuses more claims than a file may hold, before looking at any of them', async () => {
    const cap = ARCHIVE_LIMITS.claims;
    // A compact file: the count is checked before the records, so they need not be real claims.
    await expectRefused(
      (doc) => (doc.claims = Array<never>(cap + 1).fill(0 as never)),
      `The archive file holds ${(cap + 1).toLocaleString('en-US')} claims; the limit is ${cap.toLocaleString('en-US')}`,
    );
  });

  it('applies lowered limits: record counts and the file size', async () => {
    const alice = await freshArchive();
    await seedArchive(alice);
    const json = renderArchiveJson(exportArchiveJson(alice));
    expect(() => parseArchiveJson(json, { ...ARCHIVE_LIMITS, claims: 2 })).toThrow(
      /^The archive file holds 3 claims; the limit is 2; nothing was imported\.$/,
    );
    expect(() => parseArchiveJson(json, { ...ARCHIVE_LIMITS, history: 1 })).toThrow(/history entries; the limit is 1;/);
    const bytes = new TextEncoder().encode(json);
    expect(() => parseArchiveBytes(bytes, { ...ARCHIVE_LIMITS, maxBytes: 1024 })).toThrow(
      /^The archive file is \d+ KB; the limit is 1 KB;/,
    );
    expect(parseArchiveBytes(bytes).claims).toHaveLength(3);
  });

  it('names the record and field of a damaged value', async () => {
    const alice = await freshArchive();
    await seedArchive(alice);
    const doc = exportArchiveJson(alice);
    (doc.claims[2] as { kind: string }).kind = 'rumour';
    expect(() => parseArchiveJson(JSON.stringify(doc))).toThrow(/^The archive file is damaged at claim 3, kind: Invalid option/);
  });
});
