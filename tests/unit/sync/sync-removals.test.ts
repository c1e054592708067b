// Removals travel with team sync (docs/sync.md §4): a link or an evidence removed, a collection
// deleted (with or without members) or a claim taken out of a collection on one device is gone on the
// other after both sync — and a deletion wins only over an unchanged record: a collection deleted on
// one device while the other renamed it comes back on both, with the rename.
import { describe, expect, it } from 'vitest';
import { exportArchiveJson } from '../../../main/archive/exchange';
import type { Archive } from '../../../main/archive';
import { syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

/** Links, evidence and collections as a researcher sees them: by statement and title, not local ids. */
function relations(a: Archive) {
  const doc = exportArchiveJson(a);
  const statement = new Map(doc.claims.map((c) => [c.id, c.statement]));
  return {
    links: doc.links.map((l) => `${statement.get(l.fromClaimId)} ${l.type} ${statement.get(l.toClaimId)}`).sort(),
    evidence: doc.evidence.map((e) => `${statement.get(e.claimId)} ${e.stance} "${e.quote}"`).sort(),
    collections: doc.collections
      .map(
        (k) =>
          `${k.name}: ${k.claimIds
            .map((id) => statement.get(id))
            .sort()
            .join(' | ')}`,
      )
      .sort(),
  };
}

const idIn = (a: Archive, statement: string) => exportArchiveJson(a).claims.find((c) => c.statement === statement)!.id;
const collectionIn = (a: Archive, name: string) => a.collections.list().find((k) => k.name === name)!.id;

/** Alice's archive: three claims, two links, evidence, a collection of two claims, an empty one and a third; Bob has synced it. */
async function twoDevices(): Promise<{ alice: Archive; bob: Archive }> {
  const alice = await open(undefined, { actor: 'alice' });
  const depot = await alice.articles.insert({
    title: 'Tram depot',
    outlet: 'Courier',
    text: 'The council said the depot would hold 400 homes.',
  });
  const [homes, largest, filing] = await alice.claims.insertMany([
    { articleId: depot.id, statement: 'The depot would hold 400 homes.' },
    { articleId: depot.id, statement: 'It is the largest scheme in a decade.' },
    { articleId: depot.id, statement: 'The filing lists 396 dwellings.' },
  ]);
  await alice.links.add(homes.id, filing.id, 'contradicts', 'Filing says 396.');
  await alice.links.add(largest.id, homes.id, 'related');
  await alice.evidence.add({ claimId: homes.id, articleId: depot.id, start: 0, end: 16, stance: 'supports', note: '' });
  const desk = await alice.collections.create('Housing desk');
  await alice.collections.add(desk.id, [homes.id, largest.id]);
  await alice.collections.create('Empty for now');
  const later = await alice.collections.create('To check');
  await alice.collections.add(later.id, [filing.id]);
  const bob = await open(undefined, { actor: 'bob' });
  expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
  expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });
  expect(relations(bob)).toEqual(relations(alice));
  return { alice, bob };
}

describe('team sync of removals', () => {
  it('a removed link and evidence, deleted collections and a claim taken out of one are gone on the other device', async () => {
    const { alice, bob } = await twoDevices();
    const [link] = alice.links.forClaim(idIn(alice, 'The filing lists 396 dwellings.'));
    await alice.links.remove(link.id);
    const [evidence] = alice.evidence.forClaim(idIn(alice, 'The depot would hold 400 homes.'));
    await alice.evidence.remove(evidence.id);
    await alice.collections.delete(collectionIn(alice, 'To check'));
    await alice.collections.delete(collectionIn(alice, 'Empty for now'));
    await alice.collections.remove(collectionIn(alice, 'Housing desk'), [idIn(alice, 'It is the largest scheme in a decade.')]);
    // Each removal waits as pending until sent (with the history entries the link's and evidence's claims got).
    expect(alice.sync.unsynced()).toBeGreaterThanOrEqual(5);

    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], conflicts: [], pending: 0 });
    const expected = {
      links: ['It is the largest scheme in a decade. related The depot would hold 400 homes.'],
      evidence: [],
      collections: ['Housing desk: The depot would hold 400 homes.'],
    };
    expect(relations(alice)).toEqual(expected);
    expect(relations(bob)).toEqual(expected);
    expect(bob.info().counts).toEqual(alice.info().counts);

    // Bob removes the other link: it reaches Alice too; then nothing is left to move either way.
    const [other] = bob.links.forClaim(idIn(bob, 'It is the largest scheme in a decade.'));
    await bob.links.remove(other.id);
    await syncOnce({ archive: bob, remote: team.url });
    await syncOnce({ archive: alice, remote: team.url });
    expect(relations(alice).links).toEqual([]);
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  it('a deletion wins only over an unchanged record: a collection renamed on one device while deleted on the other comes back on both', async () => {
    const { alice, bob } = await twoDevices();
    // Offline, Alice deletes two collections; Bob renames one of them and leaves the other alone.
    await alice.collections.delete(collectionIn(alice, 'To check'));
    await alice.collections.delete(collectionIn(alice, 'Housing desk'));
    await bob.collections.rename(collectionIn(bob, 'Housing desk'), 'Housing desk (checked)');
    await syncOnce({ archive: alice, remote: team.url });
    // Bob's rename meets Alice's deletion: his edit stays and goes out; the untouched collection is deleted.
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    await syncOnce({ archive: alice, remote: team.url });
    const expected = ['Empty for now: ', 'Housing desk (checked): It is the largest scheme in a decade. | The depot would hold 400 homes.'];
    expect(relations(bob).collections).toEqual(expected);
    expect(relations(alice).collections).toEqual(expected);

    // The other way round: Alice deletes it again, Bob has not touched it since: it is gone on both.
    await alice.collections.delete(collectionIn(alice, 'Housing desk (checked)'));
    await syncOnce({ archive: alice, remote: team.url });
    await syncOnce({ archive: bob, remote: team.url });
    expect(relations(bob).collections).toEqual(['Empty for now: ']);
    expect(relations(alice).collections).toEqual(['Empty for now: ']);
  });
});
