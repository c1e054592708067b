import { describe, expect, it } from 'vitest';
import { createCrossref } from '../../../main/crossref';
import { stanceCue } from '../../../main/crossref/stance-cues';
import { tempArchive } from './helpers';
import { seedSample } from './sample';

describe('stance cues', () => {
  it('tells denial from non-committal wording', () => {
    expect(stanceCue("North Korea's representatives have dismissed the claims")?.stance).toBe('denies');
    expect(stanceCue('The ministry denied the report')?.stance).toBe('denies');
    expect(stanceCue('North Korea stopped short of confirming it had sent soldiers')?.stance).toBe('disputes');
    expect(stanceCue('He refused to confirm the deployment')?.stance).toBe('disputes');
    expect(stanceCue('The spokesman would neither confirm nor deny the report')?.stance).toBe('disputes');
    expect(stanceCue('Seoul says troops were sent')).toBeNull();
  });
});

describe('stance matrix for the sample article', () => {
  it('shows Seoul and Washington asserting, the UN mission denying, the vice minister non-committal', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const matrix = createCrossref(archive).stanceMatrix({ claimIds: [s.seoul.id, s.lawful.id] });

    expect(matrix.columns.map((c) => c.key)).toEqual([`claim:${s.seoul.id}`, `claim:${s.lawful.id}`]);
    expect(matrix.columns[0].claimIds.sort()).toEqual([s.seoul.id, s.washington.id].sort());

    const name = (key: string) => matrix.actors.find((a) => a.key === key)!.name;
    const troops = new Map(matrix.cells.filter((c) => c.column === `claim:${s.seoul.id}`).map((c) => [name(c.actor), c]));
    expect(troops.get('Seoul')?.stance).toBe('asserts');
    expect(troops.get('Washington')?.stance).toBe('asserts');
    expect(troops.get('Volodymyr Zelensky')?.stance).toBe('asserts');
    expect(troops.get("North Korea's UN mission")).toMatchObject({ stance: 'denies', counts: { denies: 1 } });
    expect(troops.get("North Korea's UN mission")?.evidence[0]).toMatchObject({ via: 'link', claimId: s.unMission.id });
    expect(troops.get('Kim Jong Gyu')?.stance).toBe('disputes');
    expect(troops.get('Kim Jong Gyu')?.evidence[0].cue).toMatch(/confirm/);

    const lawful = matrix.cells.filter((c) => c.column === `claim:${s.lawful.id}`);
    expect(lawful.map((c) => [name(c.actor), c.stance])).toEqual([['Kim Jong Gyu', 'asserts']]);
  });

  it('counts evidence and reads a negated "same" claim as a denial', async () => {
    const archive = await tempArchive();
    const s = await seedSample(archive);
    const kcna = await archive.claims.insert({ statement: 'North Korea has not sent troops to Russia', claimant: 'KCNA' });
    await archive.links.add(kcna.id, s.seoul.id, 'same');
    const yonhap = await archive.articles.insert({
      title: 'Troops seen in Russia',
      outlet: 'Yonhap',
      text: 'Footage shows North Korean soldiers at bases in Russia.',
    });
    await archive.evidence.add({ claimId: s.seoul.id, articleId: yonhap.id, stance: 'supports' });
    await archive.evidence.add({ claimId: s.washington.id, articleId: yonhap.id, stance: 'supports' });

    const matrix = createCrossref(archive).stanceMatrix({ clusterOf: s.washington.id });
    expect(matrix.columns).toHaveLength(1);
    const byName = new Map(matrix.cells.map((c) => [matrix.actors.find((a) => a.key === c.actor)!.name, c]));
    expect(byName.get('KCNA')?.stance).toBe('denies');
    expect(byName.get('Yonhap')).toMatchObject({ stance: 'asserts', counts: { asserts: 2, denies: 0, disputes: 0 } });
  });

  it('rejects an empty or unknown selection with a clear error', async () => {
    const archive = await tempArchive();
    const crossref = createCrossref(archive);
    expect(() => crossref.stanceMatrix({ claimIds: [] })).toThrow(/Invalid stance query \(claimIds\)/);
    expect(() => crossref.stanceMatrix({ clusterOf: 4242 })).toThrow(/4242/);
  });
});
