// A colleague's `.claimdesk` file opened into an archive that already holds work: merged, not refused.
import { describe, expect, it } from 'vitest';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { describeArchiveImport } from '../../../shared/import-summary';
import { AFP_TEXT, bobsArchive, freshArchive, seedArchive, snapshotOf } from './archive-fixture';

describe('merging an archive file into an archive that holds work', () => {
  it('adds what is new, matches the shared article and entity, and brings history, verdicts and evidence along remapped', async () => {
    const alice = await freshArchive('alice');
    const seeded = await seedArchive(alice);
    const file = exportArchiveJson(alice);
    const bob = await bobsArchive();

    const result = await importArchiveJson(bob, renderArchiveJson(file));
    expect(result).toEqual({
      mode: 'merged',
      mergeId: expect.any(Number),
      added: { articles: 2, claims: 3, entities: 3, links: 1, evidence: 1, history: file.history.length, collections: 0, savedSearches: 0 },
      present: { articles: 1, claims: 0, entities: 1, links: 0, evidence: 0, history: 0, collections: 1, savedSearches: 1 },
    });
    expect(describeArchiveImport({ path: '/home/bob/colleague.claimdesk', ...result })).toBe(
      'colleague.claimdesk: merged 2 articles (1 already here), 3 claims, 3 entities (1 already here), 1 link, 1 evidence item',
    );

    // One AFP article (Bob's), the copy pointing to it, Alice's NATO article with fresh ids.
    const articles = bob.articles.list({}).items;
    expect(articles.map((a) => a.title).sort()).toEqual([
      'NATO confirms troops in Kursk',
      'NK deployment legal, says Pyongyang',
      'NK: deployment legal',
      'Seoul briefing',
    ]);
    const afpHere = bob.articles.findBySha256('ab'.repeat(32))!;
    expect(afpHere.title).toBe('NK deployment legal, says Pyongyang');
    const copy = articles.find((a) => a.title === 'NK: deployment legal')!;
    const nato = articles.find((a) => a.title === 'NATO confirms troops in Kursk')!;
    expect(copy.duplicateOf).toBe(afpHere.id);
    expect(nato.id).not.toBe(seeded.nato.id);

    // One Kim Jong Gyu (Bob's spelling), with Alice's alias.
    const kims = bob.entities.list({ search: 'kim jong gyu' });
    expect(kims).toHaveLength(1);
    expect(kims[0]).toMatchObject({ name: 'kim jong gyu', aliases: ['김정규'] });
    expect(bob.entities.list({ search: '김정규' }).map((e) => e.id)).toEqual([kims[0].id]);

    // Both researchers' claims; Alice's keep verdict, status, span, roles and who decided what, when.
    const claims = bob.claims.list({}).items;
    expect(claims).toHaveLength(5);
    const bobsOwn = claims.find((c) => c.claimant === 'KCNA')!;
    const legal = claims.find((c) => c.statement === seeded.legal.statement)!;
    const troops = claims.find((c) => c.statement === seeded.troops.statement)!;
    const fake = claims.find((c) => c.statement === seeded.fake.statement)!;
    expect(legal).toMatchObject({
      articleId: afpHere.id,
      start: seeded.legal.start,
      end: seeded.legal.end,
      verdict: 'misleading',
      status: 'needs_review',
    });
    expect(bob.claims.entities(legal.id).map((e) => [e.id === kims[0].id, e.name, e.role])).toEqual([
      [true, 'kim jong gyu', 'claimant'],
      [false, 'Russia', 'subject'],
    ]);
    const history = bob.claims.history(legal.id);
    expect(history.map((h) => [h.field, h.actor])).toEqual(alice.claims.history(seeded.legal.id).map((h) => [h.field, 'alice']));
    expect(history.map((h) => h.at)).toEqual(alice.claims.history(seeded.legal.id).map((h) => h.at));
    expect(history.filter((h) => h.field === 'verdict').map((h) => h.note)).toEqual([
      'Law of armed conflict says otherwise.',
      'Legal framing hides the deployment.',
    ]);
    const beforeSecondVerdict = history.filter((h) => h.field === 'verdict')[1].at;
    expect(bob.claims.verdictAsOf(legal.id, new Date(Date.parse(beforeSecondVerdict) - 1).toISOString()).verdict).toBe('mostly-false');

    // Evidence and the link point to the merged records, in the records and in the history.
    const [evidence] = bob.evidence.forClaim(troops.id);
    expect(evidence).toMatchObject({ articleId: nato.id, claimId: troops.id, stance: 'supports', note: 'NATO briefing' });
    const [link] = bob.links.forClaim(troops.id);
    expect(link).toMatchObject({ fromClaimId: troops.id, toClaimId: fake.id, type: 'contradicts' });
    const linked = bob.claims.history(fake.id).find((h) => h.field === 'link')!;
    expect(linked).toMatchObject({ actor: 'alice', to: { id: link.id, fromClaimId: troops.id, toClaimId: fake.id } });
    expect(bob.claims.history(troops.id).find((h) => h.field === 'evidence')!.to).toMatchObject({
      id: evidence.id,
      claimId: troops.id,
      articleId: nato.id,
    });

    // Collections merge by name; Bob's saved search of the same name stays his.
    const collections = bob.collections.list();
    expect(collections.map((k) => [k.name, k.claimCount])).toEqual([['deployment WEEK', 3]]);
    expect(
      bob.claims
        .list({ collectionId: collections[0].id })
        .items.map((c) => c.id)
        .sort(),
    ).toEqual([bobsOwn.id, legal.id, troops.id].sort());
    expect(bob.savedSearches.list().map((s) => [s.name, s.query.search])).toEqual([['Troops', 'soldiers']]);
    // Search finds the merged claims.
    expect(bob.claims.list({ search: 'troops' }).items.map((c) => c.id)).toContain(troops.id);
  });

  it('adds nothing when the same file is merged again', async () => {
    const alice = await freshArchive('alice');
    await seedArchive(alice);
    const file = renderArchiveJson(exportArchiveJson(alice));
    const bob = await bobsArchive();
    await importArchiveJson(bob, file);
    const before = snapshotOf(bob);

    const again = await importArchiveJson(bob, file);
    expect(again.added).toEqual({
      articles: 0,
      claims: 0,
      entities: 0,
      links: 0,
      evidence: 0,
      history: 0,
      collections: 0,
      savedSearches: 0,
    });
    expect(again.present).toMatchObject({ articles: 3, claims: 3, entities: 4, links: 1, evidence: 1, collections: 1, savedSearches: 1 });
    expect(snapshotOf(bob)).toEqual(before);
    expect(describeArchiveImport({ path: 'colleague.claimdesk', ...again })).toBe(
      'colleague.claimdesk: nothing new (3 articles, 3 claims, 4 entities already here)',
    );
  });

  it('merging an archive into itself adds nothing', async () => {
    const archive = await freshArchive();
    await seedArchive(archive);
    const before = snapshotOf(archive);
    const result = await importArchiveJson(archive, renderArchiveJson(exportArchiveJson(archive)));
    expect(result.mode).toBe('merged');
    expect(Object.values(result.added).every((n) => n === 0)).toBe(true);
    expect(snapshotOf(archive)).toEqual(before);
  });

  it('finds quotes again when the same file was read into other text here', async () => {
    const alice = await freshArchive('alice');
    const { legal } = await seedArchive(alice);
    const bob = await bobsArchive(`UPDATED. ${AFP_TEXT}`);
    await importArchiveJson(bob, renderArchiveJson(exportArchiveJson(alice)));
    const merged = bob.claims.list({ search: 'conform' }).items.find((c) => c.statement === legal.statement)!;
    expect(merged).toMatchObject({ start: legal.start! + 9, end: legal.end! + 9, quote: legal.quote });
  });

  it('refuses a file with a dangling reference or a record the archive refuses, and changes nothing', async () => {
    const alice = await freshArchive('alice');
    await seedArchive(alice);
    const good = exportArchiveJson(alice);
    const bob = await bobsArchive();
    const before = snapshotOf(bob);

    const dangling = {
      ...good,
      claims: good.claims.map((c, i) => (i === 2 ? { ...c, entities: [{ entityId: 99, role: 'subject' as const }] } : c)),
    };
    await expect(importArchiveJson(bob, JSON.stringify(dangling))).rejects.toThrow(/claim 3 names entity 99, which is not in it/);
    // Records handed to the archive directly are checked as they are merged.
    await expect(bob.merge.records(dangling)).rejects.toThrow(/Could not merge claim 3: it refers to entity 99, which is not in the file/);
    // Half-way: the evidence quote no longer matches its article, after articles, entities and claims went in.
    const broken = { ...good, evidence: good.evidence.map((e) => ({ ...e, quote: 'words that are not in the article' })) };
    await expect(importArchiveJson(bob, JSON.stringify(broken))).rejects.toThrow(
      /Could not merge evidence item 1: The quote does not match/,
    );
    await expect(importArchiveJson(bob, '{"format": "claimdesk-archive", ')).rejects.toThrow(/not valid JSON/);
    expect(snapshotOf(bob)).toEqual(before);
  });
});
