// Highlights and the articles a collection holds travel with team sync (docs/sync.md §2): a passage
// kept on one device is on the other with its note and label, a note edited comes back, a removal
// reaches the other device — and a deletion wins only over an unchanged highlight. An article added
// to a collection on one device is in the other's collection, its claims in that collection's scope;
// taken out, it is gone there too; a collection document from an older device (no articles) leaves
// the articles here alone. Hostile highlights are refused without touching the archive.
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

const TEXT = 'The council said the depot would hold 400 homes. The filing lists 396 dwellings.';
const span = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

/** A device's highlights as a researcher reads them in the reader: passage, label, note. */
const highlights = (a: Archive) =>
  a.articles
    .list({})
    .items.flatMap((art) => a.highlights.forArticle(art.id).map((h) => `${art.title}: "${h.quote}" [${h.label}] ${h.note}`));

/** A collection's articles (by title) and the statements in its scope (the Claims table filtered by it). */
function collection(a: Archive, name: string) {
  const k = a.collections.list().find((c) => c.name === name);
  if (!k) return null;
  return {
    articles: a.articles
      .list({ collectionId: k.id })
      .items.map((x) => x.title)
      .sort(),
    claims: a.claims
      .list({ collectionId: k.id, limit: 100 })
      .items.map((c) => c.statement)
      .sort(),
  };
}

/** Alice's archive with two articles (claims on each) and a collection; Bob has synced it. */
async function twoDevices(): Promise<{ alice: Archive; bob: Archive; depot: number; filing: number }> {
  const alice = await open(undefined, { actor: 'alice' });
  const depot = await alice.articles.insert({ title: 'Tram depot', outlet: 'Courier', text: TEXT });
  const filing = await alice.articles.insert({ title: 'Planning filing', outlet: 'Council', text: 'Application 24/0113: 396 dwellings.' });
  await alice.claims.insertMany([
    { articleId: depot.id, statement: 'The depot would hold 400 homes.' },
    { articleId: filing.id, statement: 'The filing lists 396 dwellings.' },
  ]);
  await alice.collections.create('Housing desk');
  const bob = await open(undefined, { actor: 'bob' });
  expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
  expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });
  return { alice, bob, depot: depot.id, filing: filing.id };
}

const round = async (from: Archive, to: Archive) => {
  expect(await syncOnce({ archive: from, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
  expect(await syncOnce({ archive: to, remote: team.url })).toMatchObject({ rejected: [], conflicts: [], pending: 0 });
};

describe('team sync of highlights', () => {
  it('a highlight made on one device appears on the other with its note; a note edit and a deletion follow', async () => {
    const { alice, bob, depot } = await twoDevices();
    const kept = await alice.highlights.add({
      articleId: depot,
      ...span('400 homes'),
      note: 'Ask the council for the plan.',
      label: 'follow-up',
    });
    expect(alice.sync.unsynced()).toBe(1);
    await round(alice, bob);
    expect(highlights(bob)).toEqual(['Tram depot: "400 homes" [follow-up] Ask the council for the plan.']);

    // Bob edits the note: Alice gets it; then nothing is left to move.
    const [there] = bob.highlights.forArticle(bob.articles.list({}).items.find((a) => a.title === 'Tram depot')!.id);
    await bob.highlights.update(there.id, { note: 'The plan says 396.' });
    await round(bob, alice);
    expect(highlights(alice)).toEqual(['Tram depot: "400 homes" [follow-up] The plan says 396.']);
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });

    // Alice deletes it: it is gone on Bob's device too.
    await alice.highlights.remove(kept.id);
    await round(alice, bob);
    expect(highlights(bob)).toEqual([]);
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  it('a deletion wins only over an unchanged highlight: one edited on the other device comes back on both', async () => {
    const { alice, bob, depot } = await twoDevices();
    const a = await alice.highlights.add({ articleId: depot, ...span('400 homes'), note: 'First.' });
    const b = await alice.highlights.add({ articleId: depot, ...span('396 dwellings'), note: 'Second.' });
    await round(alice, bob);
    // Offline, Alice deletes both; Bob edits the note of the first and leaves the second alone.
    await alice.highlights.remove(a.id);
    await alice.highlights.remove(b.id);
    const first = bob.highlights.forArticle(bob.articles.list({}).items.find((x) => x.title === 'Tram depot')!.id)[0];
    await bob.highlights.update(first.id, { note: 'First, checked.' });
    await syncOnce({ archive: alice, remote: team.url });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    await syncOnce({ archive: alice, remote: team.url });
    const expected = ['Tram depot: "400 homes" [null] First, checked.'];
    expect(highlights(bob)).toEqual(expected);
    expect(highlights(alice)).toEqual(expected);
  });

  it('a highlight with script in its note, a passage that is not in its article or an unknown article is refused', async () => {
    const { alice, bob } = await twoDevices();
    const articleGid = String((await docsOnServer('article:')).find((d) => d.title === 'Tram depot')!._id).slice('article:'.length);
    const body = { type: 'highlight', v: 1, article: articleGid, ...span('400 homes'), quote: '400 homes', note: '', label: null };
    const at = { createdAt: '2026-12-05T10:00:00.000Z', updatedAt: '2026-12-05T10:00:00.000Z' };
    await team.server.put(team.url, {
      _id: 'highlight:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      ...body,
      ...at,
      note: '<script>alert(1)</script>',
    });
    await team.server.put(team.url, { _id: 'highlight:1d2e3f4a-5b6c-4d7e-9f80-91a2b3c4d5e6', ...body, ...at, quote: '500 homes' });
    await team.server.put(team.url, { _id: 'highlight:2e3f4a5b-6c7d-4e8f-a091-a2b3c4d5e6f7', ...body, ...at, end: body.start });
    await team.server.put(team.url, {
      _id: 'highlight:3f4a5b6c-7d8e-4f90-b1a2-b3c4d5e6f708',
      ...body,
      ...at,
      article: '4a5b6c7d-8e9f-4a01-82b3-c4d5e6f70819',
    });
    const report = await syncOnce({ archive: bob, remote: team.url });
    expect(report.rejected.map((r) => r.reason).sort()).toEqual([
      expect.stringMatching(/^end: ends before it starts/),
      expect.stringMatching(/^its passage does not match the text of article/),
      expect.stringMatching(/^note: holds markup/),
      expect.stringMatching(/refers to article 4a5b6c7d-8e9f-4a01-82b3-c4d5e6f70819, which this archive does not have/),
    ]);
    expect(highlights(bob)).toEqual([]);
    expect(bob.info().counts).toEqual(alice.info().counts);
  });
});

describe('team sync of the articles a collection holds', () => {
  it('an article added on one device is in the other device’s collection with its claims; taken out, it is gone there too', async () => {
    const { alice, bob, depot, filing } = await twoDevices();
    const desk = alice.collections.list()[0].id;
    await alice.collections.addArticles(desk, [depot, filing]);
    await round(alice, bob);
    const both = {
      articles: ['Planning filing', 'Tram depot'],
      claims: ['The depot would hold 400 homes.', 'The filing lists 396 dwellings.'],
    };
    expect(collection(bob, 'Housing desk')).toEqual(both);
    expect(collection(bob, 'Housing desk')).toEqual(collection(alice, 'Housing desk'));

    await alice.collections.removeArticles(desk, [filing]);
    await round(alice, bob);
    const one = { articles: ['Tram depot'], claims: ['The depot would hold 400 homes.'] };
    expect(collection(bob, 'Housing desk')).toEqual(one);

    // Bob takes the other one out: Alice's collection follows; then nothing is left to move.
    const there = bob.collections.list()[0].id;
    await bob.collections.removeArticles(there, [bob.articles.list({ collectionId: there }).items[0].id]);
    await round(bob, alice);
    expect(collection(alice, 'Housing desk')).toEqual({ articles: [], claims: [] });
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  it('a collection document from an older device, without articles, renames the collection and leaves its articles alone', async () => {
    const { alice, bob, depot } = await twoDevices();
    const desk = alice.collections.list()[0].id;
    await alice.collections.addArticles(desk, [depot]);
    await round(alice, bob);
    // An older app (before collections held articles) renames it: its document says nothing of articles.
    const [doc] = await docsOnServer('collection:');
    const { articles: _articles, ...older } = doc;
    await team.server.put(team.url, { ...older, name: 'Housing desk (2024)' });
    await syncOnce({ archive: bob, remote: team.url });
    expect(collection(bob, 'Housing desk (2024)')).toEqual({ articles: ['Tram depot'], claims: ['The depot would hold 400 homes.'] });
  });
});

/** The documents the server holds whose id starts with `prefix` (as another device would read them). */
async function docsOnServer(prefix: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${team.url}/_all_docs?include_docs=true`);
  const all = (await res.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
  return all.rows.filter((r) => r.id.startsWith(prefix)).map((r) => r.doc);
}
