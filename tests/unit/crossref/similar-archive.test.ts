import { describe, expect, it } from 'vitest';
import { createCrossref } from '../../../main/crossref';
import { AppError } from '../../../shared/errors';
import type { Archive } from '../../../main/archive';
import { similarCommand } from '../../../main/cli/commands/crossref';
import type { Services } from '../../../main/services';
import { claim, tempArchive } from './helpers';

describe('similar over the archive', () => {
  it('finds the same claim from another article, best first, and keeps up with edits', async () => {
    const archive = await tempArchive();
    const seoul = await claim(archive, { statement: 'North Korea has sent thousands of troops to Russia', claimant: 'Seoul' });
    const wash = await claim(archive, { statement: 'Pyongyang sent about 3,000 troops to Russia', claimant: 'Washington' });
    await claim(archive, { statement: 'South Korea sells tanks and howitzers to Poland' });
    const crossref = createCrossref(archive);

    const hits = crossref.similar({ claimId: seoul.id }, { limit: 5 });
    expect(hits[0]).toMatchObject({ claimId: wash.id, negationMismatch: false });
    expect(hits.map((h) => h.claimId)).not.toContain(seoul.id);

    // Created after the index was built: picked up without any hook.
    const denial = await claim(archive, { statement: 'North Korea has not sent troops to Russia', claimant: 'KCNA' });
    const after = crossref.similar({ text: 'North Korean troops sent to Russia' }, { limit: 5 });
    expect(after.find((h) => h.claimId === denial.id)?.negationMismatch).toBe(true);

    // Deleted, then restored: deletes and restores leave updatedAt alone; the archive says which claim changed.
    await archive.claims.delete(wash.id);
    expect(crossref.similar({ claimId: seoul.id }, { limit: 5 }).map((h) => h.claimId)).not.toContain(wash.id);
    await archive.claims.restore(wash.id);
    expect(crossref.similar({ claimId: seoul.id }, { limit: 5 }).map((h) => h.claimId)).toContain(wash.id);
  });

  it('is current the moment a write resolves — create, edit, delete, restore, a transaction, a recovery — with no hook called and no polling', async () => {
    const archive = await tempArchive();
    const first = await claim(archive, { statement: 'The finance minister resigned after the budget vote' });
    // Default throttles (catch-up every 2 s, count check every 30 s): only the archive's notifications can explain a fresh answer.
    const crossref = createCrossref(archive);
    expect(await crossref.warm()).toBe(1);
    const similarTo = () => crossref.similar({ claimId: first.id }).map((h) => h.claimId);

    const second = await claim(archive, { statement: 'Finance minister quits over budget vote' });
    expect(similarTo()).toEqual([second.id]);
    await archive.claims.update(second.id, { statement: 'Heavy rain floods the capital' });
    expect(similarTo()).toEqual([]);
    expect(crossref.similar({ text: 'rain floods capital' }).map((h) => h.claimId)).toEqual([second.id]);
    await archive.claims.update(second.id, { statement: 'Finance minister quits over budget vote' });
    await archive.claims.delete(second.id);
    expect(similarTo()).toEqual([]);
    await archive.claims.restore(second.id);
    expect(similarTo()).toEqual([second.id]);

    // Several claims in one transaction (how accepting suggestions and imports write).
    const [third] = await archive.transaction((tx) => [
      tx.claims.insert({ statement: 'The budget vote forced the finance minister to resign' }),
      tx.claims.insert({ statement: 'Tram fares rise by ten percent in May' }),
    ]);
    expect(similarTo()).toContain(third.id);

    // A recovery reloads everything: the index starts over from what the archive now holds.
    await archive.snapshot();
    await archive.recoverJournal();
    expect(similarTo().sort()).toEqual([second.id, third.id].sort());
  });

  it('explains bad input instead of failing obscurely', async () => {
    const archive = await tempArchive();
    const crossref = createCrossref(archive);
    expect(() => crossref.similar({ claimId: 999 })).toThrow(/999/);
    expect(() => crossref.similar({ text: '   ' })).toThrow(AppError);
    expect(() => crossref.similar({ text: 'troops' }, { limit: 0 })).toThrow(/limit/);
    expect(() => crossref.search('')).toThrow(/words/);
  });

  it('search returns full-text hits first, then differently worded claims, and articles', async () => {
    const archive = await tempArchive();
    const art = await archive.articles.insert({ title: 'Troops to Russia', text: 'Seoul says troops were sent to Russia.' });
    const exact = await claim(archive, { statement: 'Seoul says troops were sent to Russia', articleId: art.id });
    const reworded = await claim(archive, { statement: 'Soldiers deployed: 70 per cent of units moved' });
    const result = createCrossref(archive).search('troops sent to Russia');
    expect(result.claims[0]).toMatchObject({ claimId: exact.id, via: 'text' });
    expect(result.articles.map((a) => a.articleId)).toContain(art.id);
    expect(
      createCrossref(archive)
        .search('70% of units')
        .claims.map((c) => c.claimId),
    ).toContain(reworded.id);
  });
});

describe('claimdesk similar', () => {
  async function run(archive: Archive, values: Record<string, string | boolean>) {
    const out: string[] = [];
    const ctx = {
      io: { out: (t: string) => out.push(t), err: () => {}, readStdin: async () => '' },
      values,
      positionals: [],
      json: values.json === true,
      services: async () => ({ archive, crossref: createCrossref(archive) }) as unknown as Services,
    };
    await similarCommand.run(ctx);
    return out.join('\n');
  }

  it('prints [{ claimId, score, text }] best first with --json', async () => {
    const archive = await tempArchive();
    const a = await claim(archive, { statement: 'Seoul says North Korea sent troops to Russia' });
    const b = await claim(archive, { statement: 'North Korean troops were sent to Russia, Seoul says' });
    const printed = JSON.parse(await run(archive, { claim: String(a.id), json: true }));
    expect(printed).toEqual([{ claimId: b.id, score: expect.any(Number), text: b.statement, negationMismatch: false }]);
    expect(await run(archive, { text: 'troops sent to Russia' })).toMatch(new RegExp(`^#(${a.id}|${b.id}) 0\\.\\d\\d `));
  });

  it('refuses ambiguous or malformed options', async () => {
    const archive = await tempArchive();
    await expect(run(archive, { claim: '1', text: 'x' })).rejects.toThrow(/exactly one/);
    await expect(run(archive, { text: 'x', limit: 'ten' })).rejects.toThrow(/--limit/);
    await expect(run(archive, { claim: 'abc' })).rejects.toThrow(/--claim/);
  });
});
