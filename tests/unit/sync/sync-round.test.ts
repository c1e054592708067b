// What one sync round sends and asks for (docs/sync.md §3, issue #20 item 6): after one small edit a
// round sends that claim and its history entry and nothing else, and the other device asks the
// server for only those — whatever the archive's size. New records are found from the rows written
// since the last round (the archive's change feed) instead of by reading every table, so every way a
// record comes to be must still reach the other device: a collection put back by undo with its old
// id, an entity split back out of a merge, claims written in one transaction, a claim saved before
// the archive was closed and opened again. Observed on the wire: the requests the client sends.
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { syncOnce } from '../../../main/sync/client';
import { open, tempDir } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

interface Sent {
  method: string;
  /** The path inside the team database: `_bulk_docs`, `_revs_diff`, `_bulk_get`, `_changes`, … */
  what: string;
  body: Record<string, unknown> | undefined;
}

/** A sync round that records every request it sends. */
async function round(archive: Archive): Promise<{ report: Awaited<ReturnType<typeof syncOnce>>; sent: Sent[] }> {
  const sent: Sent[] = [];
  const recording: typeof fetch = (input, init) => {
    const what = decodeURIComponent(new URL(String(input)).pathname.split('/').slice(2).join('/'));
    sent.push({ method: init?.method ?? 'GET', what, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return fetch(input, init);
  };
  const report = await syncOnce({ archive, remote: team.url, fetch: recording });
  return { report, sent };
}

type Doc = Record<string, unknown> & { _id: string; type: string };
/** The documents a round sent (`_bulk_docs`, originals aside). */
const pushedDocs = (sent: Sent[]): Doc[] =>
  sent.filter((s) => s.what === '_bulk_docs').flatMap((s) => (s.body!.docs as Doc[]).filter((d) => d.type !== 'original'));
/** The documents a round asked the server for (`_bulk_get`). */
const fetchedIds = (sent: Sent[]): string[] =>
  sent.filter((s) => s.what.startsWith('_bulk_get')).flatMap((s) => (s.body!.docs as { id: string }[]).map((d) => d.id));
/** The revisions a round asked the server about (`_revs_diff`). */
const askedIds = (sent: Sent[]): string[] => sent.filter((s) => s.what === '_revs_diff').flatMap((s) => Object.keys(s.body!));

async function converged(alice: Archive, bob: Archive): Promise<void> {
  for (const a of [alice, bob, alice]) expect((await syncOnce({ archive: a, remote: team.url })).rejected).toEqual([]);
}

const statementsOf = (a: Archive) =>
  a.claims
    .list({ limit: 1000 })
    .items.map((c) => c.statement)
    .sort();

describe('one sync round', () => {
  it('after one edit sends that claim and its history entry only, and the other device fetches only those', async () => {
    const alice = await open(undefined, { actor: 'alice' });
    const bob = await open(undefined, { actor: 'bob' });
    const article = await alice.articles.insert({ title: 'Council budget', text: 'The council published its budget for the year.' });
    const claims = await alice.claims.insertMany(
      Array.from({ length: 120 }, (_, i) => ({ articleId: article.id, statement: `Line ${i + 1} of the budget rose.` })),
    );
    await converged(alice, bob);

    await alice.claims.update(claims[41].id, { notes: 'Checked against the published tables.' });
    expect(alice.sync.unsynced()).toBe(2);
    const push = await round(alice);
    expect(push.report).toMatchObject({ pushed: 2, pending: 0, rejected: [] });
    const docs = pushedDocs(push.sent);
    expect(docs.map((d) => d.type).sort()).toEqual(['claim', 'history']);
    expect(docs.find((d) => d.type === 'claim')).toMatchObject({
      statement: 'Line 42 of the budget rose.',
      notes: 'Checked against the published tables.',
    });
    expect(docs.find((d) => d.type === 'history')).toMatchObject({ field: 'notes', actor: 'alice' });
    // The server is asked about those two revisions (and nothing else was sent) …
    expect(askedIds(push.sent).sort()).toEqual(docs.map((d) => d._id).sort());
    expect(alice.sync.unsynced()).toBe(0);

    // … and the other device asks for those two documents and shows the note.
    const pull = await round(bob);
    expect(pull.report).toMatchObject({ pushed: 0, pulled: 2, rejected: [], conflicts: [] });
    expect(fetchedIds(pull.sent).sort()).toEqual(docs.map((d) => d._id).sort());
    expect(pushedDocs(pull.sent)).toEqual([]);
    const seen = bob.claims.list({ search: '"Line 42 of the budget rose."', limit: 5 }).items;
    expect(seen.map((c) => c.notes)).toEqual(['Checked against the published tables.']);

    // An idle round sends no document and asks for none.
    const idle = await round(alice);
    expect(idle.report).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    expect([...pushedDocs(idle.sent), ...fetchedIds(idle.sent)]).toEqual([]);
  });

  it('sends every record that came to be since the last round, however it was made', async () => {
    const dir = tempDir();
    let alice = await open(dir, { actor: 'alice' });
    const bob = await open(undefined, { actor: 'bob' });
    const article = await alice.articles.insert({ title: 'Harbour report', text: 'The harbour authority expects 2 million passengers.' });
    await alice.claims.insertMany([{ articleId: article.id, statement: 'The harbour expects 2 million passengers.' }]);
    // An entity merged into another before it ever travelled: it has no global id yet.
    const authority = await alice.entities.upsert('Harbour Authority', 'organisation');
    const board = await alice.entities.upsert('Harbour Board', 'organisation');
    await alice.entities.merge(authority.id, board.id);
    // A collection made and deleted between two rounds: it never gets one either.
    const scratch = await alice.collections.create('Harbour scratch');
    const deleted = await alice.collections.delete(scratch.id);
    await converged(alice, bob);
    expect(bob.collections.list().map((c) => c.name)).toEqual([]);

    // Undo puts the collection back under its old id; the merged entity is split back out.
    await alice.collections.restore(deleted);
    await alice.entities.unmerge(board.id);
    // Claims written in one transaction.
    await alice.transaction((tx) =>
      tx.claims.insertMany([
        { articleId: article.id, statement: 'Passenger numbers doubled since 2019.' },
        { articleId: article.id, statement: 'The new terminal opens in May.' },
      ]),
    );
    const sent = pushedDocs((await round(alice)).sent);
    expect(sent.filter((d) => d.type === 'collection').map((d) => d.name)).toEqual(['Harbour scratch']);
    expect(sent.filter((d) => d.type === 'entity').map((d) => d.name)).toContain('Harbour Board');
    expect(
      sent
        .filter((d) => d.type === 'claim')
        .map((d) => d.statement)
        .sort(),
    ).toEqual(['Passenger numbers doubled since 2019.', 'The new terminal opens in May.']);

    // A claim saved, then the archive closed and opened again before any round.
    await alice.claims.insertMany([{ articleId: article.id, statement: 'Cruise calls fell by a third.' }]);
    await alice.close();
    alice = await open(dir, { actor: 'alice' });
    expect(alice.sync.unsynced()).toBeGreaterThanOrEqual(1);
    expect(pushedDocs((await round(alice)).sent).map((d) => d.statement)).toContain('Cruise calls fell by a third.');
    expect(alice.sync.unsynced()).toBe(0);

    await syncOnce({ archive: bob, remote: team.url });
    expect(bob.collections.list().map((c) => c.name)).toEqual(['Harbour scratch']);
    expect(statementsOf(bob)).toEqual(statementsOf(alice));
    expect(statementsOf(bob)).toHaveLength(4);
  });
});
