import { describe, expect, it } from 'vitest';
import { createCrossref } from '../../../main/crossref';
import { tempArchive } from './helpers';
import { seedSample } from './sample';

describe('timeline', () => {
  it('puts claims, verdict changes and forecast deadlines in date order', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const earlier = await archive.articles.insert({
      title: 'Earlier report',
      outlet: 'Yonhap',
      published: '2024-10-18',
      text: 'NIS report.',
    });
    const nis = await archive.claims.insert({
      statement: 'North Korea decided to send troops to Russia',
      claimant: 'NIS',
      articleId: earlier.id,
    });
    await archive.links.add(nis.id, s.seoul.id, 'same');
    await archive.claims.setVerdict(s.seoul.id, 'claimdesk', 'mostly-true', 'confirmed by satellite images');

    const events = createCrossref(archive).timeline({ claimIds: [s.seoul.id, s.zelensky.id, nis.id] });
    expect(events.map((e) => [e.kind, e.claimId, e.date.slice(0, 10)])).toEqual([
      ['claim', nis.id, '2024-10-18'],
      ['claim', s.seoul.id, '2024-10-25'],
      ['claim', s.zelensky.id, '2024-10-25'],
      ['resolve-by', s.zelensky.id, '2024-10-27'],
      ['verdict', s.seoul.id, events[4].date.slice(0, 10)],
    ]);
    expect(events[3]).toMatchObject({ open: true });
    expect(events[4]).toMatchObject({ verdict: 'mostly-true', label: 'Verdict: Mostly true', note: 'confirmed by satellite images' });
    expect(events[4].date > '2024-10-27').toBe(true);
  });

  it('builds the same events for a cluster, an entity or a search', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const crossref = createCrossref(archive);
    const claimIds = (events: { claimId: number }[]) => [...new Set(events.map((e) => e.claimId))].sort();
    expect(claimIds(crossref.timeline({ clusterOf: s.seoul.id }))).toEqual([s.seoul.id, s.washington.id].sort());
    const kim = archive.entities.list({ search: 'Kim Jong Gyu' })[0];
    expect(claimIds(crossref.timeline({ entityId: kim.id }))).toEqual([s.viceMinister.id, s.lawful.id].sort());
    expect(claimIds(crossref.timeline({ search: 'international law' }))).toEqual([s.lawful.id]);
    expect(() => crossref.timeline({ entityId: 9999 })).toThrow(/9999/);
  });
});

describe('entity profile', () => {
  it('separates claims made by and about an entity, lists co-occurring entities and bare mentions', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const profileArticle = await archive.articles.insert({
      title: 'Who is Kim Jong Gyu?',
      outlet: 'NK News',
      text: 'Vice foreign minister Kim Jong Gyu handles Russian affairs at the ministry.',
    });
    const crossref = createCrossref(archive);
    const [kim] = archive.entities.list({ search: 'Kim Jong Gyu' });
    const profile = crossref.entityProfile(kim.id);
    expect(profile.entity.name).toBe('Kim Jong Gyu');
    expect(profile.claimsBy.map((c) => c.claimId).sort()).toEqual([s.viceMinister.id, s.lawful.id].sort());
    expect(profile.claimsAbout).toEqual([]);
    expect(profile.coOccurring[0]).toMatchObject({ name: 'Russia', count: 2 });
    // The sample article names him too, but claims link him there: only the profile piece is a bare mention.
    expect(profile.mentions.map((m) => m.articleId)).toEqual([profileArticle.id]);
    expect(profile.mentions[0].snippet).toContain('Kim Jong Gyu handles Russian affairs');

    const [nk] = archive.entities.list({ search: 'North Korea', type: 'place' });
    const about = crossref.entityProfile(nk.id).claimsAbout.map((c) => c.claimId);
    expect(about).toEqual(expect.arrayContaining([s.seoul.id, s.washington.id, s.viceMinister.id]));
  });

  it('counts a claim whose claimant text names the entity even when no entity link was made', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const unlinked = await archive.claims.insert({ statement: 'Troops were seen in Kursk', claimant: 'volodymyr zelensky' });
    const [zel] = archive.entities.list({ search: 'Zelensky' });
    const by = createCrossref(archive)
      .entityProfile(zel.id)
      .claimsBy.map((c) => c.claimId);
    expect(by.sort()).toEqual([s.zelensky.id, unlinked.id].sort());
  });

  it('refuses an unknown entity', async () => {
    const archive = await tempArchive();
    expect(() => createCrossref(archive).entityProfile(777)).toThrow(/777/);
  });
});
