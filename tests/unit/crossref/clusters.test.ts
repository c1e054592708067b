import { describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { createCrossref } from '../../../main/crossref';
import { tempArchive } from './helpers';

const STATEMENT = 'North Korea has sent thousands of troops to Russia';

/** One AFP story, a copy of it, and an independent Yonhap report of the same claim. */
async function wireStory(archive: Archive) {
  const afp = await archive.articles.insert({
    title: 'Troops to Russia',
    outlet: 'France 24',
    wireAgency: 'AFP',
    published: '2024-10-25',
    text: 'AFP story.',
  });
  const copy = await archive.articles.insert({
    title: 'Troops to Russia (copy)',
    outlet: "Barron's",
    published: '2024-10-25T09:00:00Z',
    text: 'AFP story.',
    duplicateOf: afp.id,
  });
  const yonhap = await archive.articles.insert({ title: 'NK troops', outlet: 'Yonhap', published: '2024-10-24', text: 'Yonhap story.' });
  const inAfp = await archive.claims.insert({ statement: STATEMENT, claimant: 'Seoul', articleId: afp.id });
  const inCopy = await archive.claims.insert({ statement: STATEMENT, claimant: 'Seoul', articleId: copy.id });
  const inYonhap = await archive.claims.insert({ statement: 'Pyongyang sent troops to Russia', claimant: 'NIS', articleId: yonhap.id });
  await archive.links.add(inAfp.id, inCopy.id, 'same');
  return { afp, copy, yonhap, inAfp, inCopy, inYonhap };
}

describe('clusters', () => {
  it('lists every appearance of a claim with outlet, claimant and date, first appearance marked', async () => {
    const archive = await tempArchive();
    const w = await wireStory(archive);
    await archive.links.add(w.inCopy.id, w.inYonhap.id, 'same'); // transitively joins all three
    await archive.links.add(w.inYonhap.id, (await archive.claims.insert({ statement: 'Unrelated' })).id, 'related');

    const cluster = createCrossref(archive).clusterOf(w.inAfp.id);
    expect(cluster.appearances.map((a) => [a.claimId, a.outlet, a.claimant, a.date, a.first])).toEqual([
      [w.inYonhap.id, 'Yonhap', 'NIS', '2024-10-24', true],
      [w.inAfp.id, 'France 24', 'Seoul', '2024-10-25', false],
      [w.inCopy.id, "Barron's", 'Seoul', '2024-10-25T09:00:00Z', false],
    ]);
    expect(cluster.firstClaimId).toBe(w.inYonhap.id);
    expect(cluster.truncated).toBe(false);
  });

  it('says whether the verdict is shared across appearances', async () => {
    const archive = await tempArchive();
    const w = await wireStory(archive);
    const crossref = createCrossref(archive);
    await archive.claims.setVerdict(w.inAfp.id, 'claimdesk', 'mostly-true', 'Seoul and US intelligence agree');
    let cluster = crossref.clusterOf(w.inCopy.id);
    expect(cluster).toMatchObject({ verdict: 'mostly-true', verdictShared: false });
    expect(cluster.appearances.find((a) => a.claimId === w.inCopy.id)?.sharesVerdict).toBe(false);

    await archive.claims.setVerdict(w.inCopy.id, 'claimdesk', 'mostly-true', 'same story');
    cluster = crossref.clusterOf(w.inCopy.id);
    expect(cluster).toMatchObject({ verdict: 'mostly-true', verdictShared: true });
  });

  it('drops deleted claims and refuses unknown ones', async () => {
    const archive = await tempArchive();
    const w = await wireStory(archive);
    await archive.claims.delete(w.inCopy.id);
    const crossref = createCrossref(archive);
    expect(crossref.clusterOf(w.inAfp.id).claimIds).toEqual([w.inAfp.id]);
    expect(() => crossref.clusterOf(w.inCopy.id)).toThrow(/deleted/);
  });
});

describe('wire-copy independence', () => {
  it('flags a claim whose appearances all trace back to one wire story', async () => {
    const archive = await tempArchive();
    const w = await wireStory(archive);
    const report = createCrossref(archive).independence(w.inCopy.id);
    expect(report).toMatchObject({ independentSources: 1, articleCount: 2, restsOnOneSource: true, flag: 'rests on one source: AFP' });
    expect(report.sources[0].articleIds.sort()).toEqual([w.afp.id, w.copy.id].sort());
  });

  it('counts an independent report, by link or by evidence, as a second source', async () => {
    const archive = await tempArchive();
    const w = await wireStory(archive);
    const crossref = createCrossref(archive);
    await archive.links.add(w.inYonhap.id, w.inAfp.id, 'supports');
    let report = crossref.independence(w.inAfp.id);
    expect(report).toMatchObject({ independentSources: 2, restsOnOneSource: false, flag: null });
    expect(report.sources.map((s) => s.label).sort()).toEqual(['AFP', 'Yonhap']);

    const other = await archive.claims.insert({ statement: STATEMENT, articleId: w.afp.id });
    await archive.evidence.add({ claimId: other.id, articleId: w.yonhap.id, stance: 'supports' });
    report = crossref.independence(other.id);
    expect(report.independentSources).toBe(2);
  });

  it('has no flag when nothing supports the claim', async () => {
    const archive = await tempArchive();
    const bare = await archive.claims.insert({ statement: 'Typed in by hand' });
    expect(createCrossref(archive).independence(bare.id)).toMatchObject({ independentSources: 0, restsOnOneSource: false, flag: null });
  });
});
