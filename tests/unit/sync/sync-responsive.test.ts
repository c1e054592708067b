// While a pull brings a large batch into the archive, the window's requests are still answered
// (docs/sync.md §6): the services' thread applies a batch a few documents per transaction and
// answers whatever the window asked in between, instead of holding on until the whole batch is in.
// What the researcher notices: the Claims table keeps answering (and fills up) during a big first
// pull. How long the answers take is measured by npm run bench -- --only sync, not here.
import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

const CLAIMS = 120;

describe('a pull into an empty device', () => {
  it('answers the Claims table between the slices of one batch, and ends with every claim', async () => {
    const alice = await open(undefined, { actor: 'alice' });
    const article = await alice.articles.insert({ title: 'Harbour works', outlet: 'Courier', text: 'The port authority gave figures.' });
    await alice.claims.insertMany(
      Array.from({ length: CLAIMS }, (_, i) => ({ articleId: article.id, statement: `The harbour took ${i + 1} ships a day` })),
    );
    await syncOnce({ archive: alice, remote: team.url });

    const bob = await open(undefined, { actor: 'bob' });
    // The window's side: asks for the Claims table's first page at every turn of the event loop.
    const seen: number[] = [];
    let pulling = true;
    const ask = () => {
      if (!pulling) return;
      seen.push(bob.claims.list({ sort: 'updatedAt', order: 'desc', offset: 0, limit: 100 }).total);
      setImmediate(ask);
    };
    setImmediate(ask);
    // One batch holds every change (the article, the claims and their history): it arrives in one answer.
    const pull = await syncOnce({ archive: bob, remote: team.url, batchSize: 1_000 });
    pulling = false;

    expect(pull).toMatchObject({ rejected: [], conflicts: [] });
    expect(bob.claims.list({ limit: 1 }).total).toBe(CLAIMS);
    // Answered while that batch was going in: some of its claims were there, not all yet.
    const during = seen.filter((n) => n > 0 && n < CLAIMS);
    expect(during.length).toBeGreaterThan(1);
    // Claims only ever came in: no answer showed fewer than one before it.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    // The next round finds nothing left to fetch: the checkpoint moved with the batch's last slice.
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ pulled: 0, pushed: 0 });
    await Promise.all([alice.close(), bob.close()]);
  });
});
