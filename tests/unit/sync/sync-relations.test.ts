// Links between claims, evidence and collections travel with team sync (docs/sync.md §2): made on one
// device, they arrive on the other joining the same claims and articles; a collection renamed and
// given another member there comes back; an idle round then moves nothing.
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
  const title = new Map(doc.articles.map((r) => [r.id, r.title]));
  return {
    links: doc.links.map((l) => `${statement.get(l.fromClaimId)} ${l.type} ${statement.get(l.toClaimId)}: ${l.note}`).sort(),
    evidence: doc.evidence
      .map((e) => `${statement.get(e.claimId)} ${e.stance} ${title.get(e.articleId)} [${e.start}-${e.end}] "${e.quote}" ${e.note}`)
      .sort(),
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

describe('team sync of links, evidence and collections', () => {
  it('arrive on the other device joining the same claims and articles, and edits come back', async () => {
    const alice = await open(undefined, { actor: 'alice' });
    const depot = await alice.articles.insert({
      title: 'Tram depot',
      outlet: 'Courier',
      text: 'The council said the depot would hold 400 homes.',
    });
    const filing = await alice.articles.insert({
      title: 'Planning filing',
      outlet: 'Council',
      text: 'Application for 396 dwellings at the depot.',
    });
    const [homes, largest, third] = await alice.claims.insertMany([
      { articleId: depot.id, statement: 'The depot would hold 400 homes.' },
      { articleId: depot.id, statement: 'It is the largest scheme in a decade.' },
      { articleId: filing.id, statement: 'The filing lists 396 dwellings.' },
    ]);
    await alice.links.add(homes.id, third.id, 'contradicts', 'Filing says 396.');
    await alice.evidence.add({ claimId: homes.id, articleId: filing.id, start: 0, end: 30, stance: 'contradicts', note: 'The filing.' });
    const desk = await alice.collections.create('Housing desk');
    await alice.collections.add(desk.id, [homes.id, largest.id]);

    const bob = await open(undefined, { actor: 'bob' });
    const pushed = await syncOnce({ archive: alice, remote: team.url });
    expect(pushed).toMatchObject({ rejected: [], pending: 0 });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });
    expect(relations(bob)).toEqual(relations(alice));
    expect(relations(bob)).toEqual({
      links: ['The depot would hold 400 homes. contradicts The filing lists 396 dwellings.: Filing says 396.'],
      evidence: ['The depot would hold 400 homes. contradicts Planning filing [0-30] "Application for 396 dwellings " The filing.'],
      collections: ['Housing desk: It is the largest scheme in a decade. | The depot would hold 400 homes.'],
    });

    // Bob renames the collection, adds a claim to it and links two claims: Alice gets all of it.
    const bobDesk = bob.collections.list()[0];
    const idIn = (a: Archive, s: string) => exportArchiveJson(a).claims.find((c) => c.statement === s)!.id;
    await bob.collections.rename(bobDesk.id, 'Housing desk (checked)');
    await bob.collections.add(bobDesk.id, [idIn(bob, 'The filing lists 396 dwellings.')]);
    await bob.links.add(idIn(bob, 'It is the largest scheme in a decade.'), idIn(bob, 'The depot would hold 400 homes.'), 'related');
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });
    expect(relations(alice)).toEqual(relations(bob));
    expect(relations(alice).collections).toEqual([
      'Housing desk (checked): It is the largest scheme in a decade. | The depot would hold 400 homes. | The filing lists 396 dwellings.',
    ]);
    expect(relations(alice).links).toHaveLength(2);
    expect(alice.info().counts).toEqual(bob.info().counts);

    // Nothing left to move either way.
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });

    // A new link is pending (with its history entry on each claim) until it is sent.
    await alice.links.add(idIn(alice, 'It is the largest scheme in a decade.'), idIn(alice, 'The filing lists 396 dwellings.'), 'supports');
    expect(alice.sync.unsynced()).toBe(3);
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 3, pending: 0 });
    expect(alice.sync.unsynced()).toBe(0);
  });

  it('refuses a link to a claim that does not exist and a collection with script in its name, leaving the archive as it was', async () => {
    const bob = await open(undefined, { actor: 'bob' });
    const gid = '4b1f3c2a-8d9e-4f10-a2b3-c4d5e6f7a8b9';
    await team.server.put(team.url, {
      _id: 'link:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      type: 'link',
      v: 1,
      from: gid,
      to: '5c2e4d3b-9eaf-4a21-b3c4-d5e6f7a8b9c0',
      linkType: 'same',
      note: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await team.server.put(team.url, {
      _id: 'collection:1d2e3f4a-5b6c-4d7e-9f80-91a2b3c4d5e6',
      type: 'collection',
      v: 1,
      name: '<script>alert(1)</script>',
      createdAt: '2026-01-01T00:00:00.000Z',
      members: [],
    });
    const report = await syncOnce({ archive: bob, remote: team.url });
    expect(report.rejected.map((r) => r.id).sort()).toEqual([
      'collection:1d2e3f4a-5b6c-4d7e-9f80-91a2b3c4d5e6',
      'link:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
    ]);
    expect(report.rejected.find((r) => r.id.startsWith('collection'))!.reason).toMatch(/name: holds markup/);
    expect(report.rejected.find((r) => r.id.startsWith('link'))!.reason).toMatch(/refers to claim .* which this archive does not have/);
    expect(relations(bob)).toEqual({ links: [], evidence: [], collections: [] });
  });
});
