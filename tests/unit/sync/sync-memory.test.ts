// Pulling a team archive into an empty device holds the archive's database file once (docs/sync.md
// §6): the file grows in place in the buffer it was created in, so it is never copied whole into a
// larger one while the documents arrive, and the snapshot after the pull is written from that
// buffer, not from an export. What the researcher notices: the pull fits in memory at 100k claims
// (npm run bench -- --only sync), and everything pulled is there after a restart.
import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../main/sync/client';
import { open, tempDir } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

const CLAIMS = 600;
const statement = (i: number) =>
  `Claim ${i}: the ministry said ${i * 7} schools were rebuilt in ${2000 + (i % 25)}. ${'Filed note. '.repeat(40)}`;

describe('pulling into an empty device', () => {
  it('grows the database file in place while documents arrive: no whole copy, and the snapshot after it keeps every claim', async () => {
    const alice = await open(undefined, { actor: 'alice' });
    const article = await alice.articles.insert({
      title: 'School rebuilding figures',
      outlet: 'Courier',
      text: 'The ministry gave figures.',
    });
    await alice.claims.insertMany(Array.from({ length: CLAIMS }, (_, i) => ({ articleId: article.id, statement: statement(i) })));
    await syncOnce({ archive: alice, remote: team.url });

    const dir = tempDir();
    const bob = await open(dir, { actor: 'bob' });
    const before = bob.info();
    expect(before.memory).toEqual({ roomBytes: expect.any(Number), copies: 0 });

    // Batches of 50: the pull commits a dozen and more transactions, each growing the file.
    const pulled = await syncOnce({ archive: bob, remote: team.url, batchSize: 50 });
    expect(pulled).toMatchObject({ rejected: [], conflicts: [] });
    expect(pulled.pulled).toBeGreaterThanOrEqual(CLAIMS + 1);
    const after = bob.info();
    expect(after.counts.claims).toBe(CLAIMS);
    expect(after.sizeBytes).toBeGreaterThan(before.sizeBytes * 4);
    // The room made when the archive was created holds the whole pull: grown once, never copied.
    expect(after.memory).toEqual({ roomBytes: before.memory.roomBytes, copies: 0 });
    expect(after.memory.roomBytes).toBeGreaterThan(after.sizeBytes);

    await bob.snapshot();
    expect(bob.info().memory.copies).toBe(0); // written from the live file, not an export
    await bob.close();
    const reopened = await open(dir, { actor: 'bob' });
    expect(reopened.logs.join('\n')).not.toMatch(/Recovered|damaged|quick_check/);
    expect(reopened.info().counts.claims).toBe(CLAIMS);
    const found = reopened.claims.list({ search: '"4193 schools"', limit: 5 }).items;
    expect(found.map((c) => c.statement)).toEqual([statement(599)]);
  });
});
