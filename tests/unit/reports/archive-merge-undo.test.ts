// Undoing a mistaken merge of a colleague's `.claimdesk` file: exactly what it added goes, only while
// none of it changed since.
import { describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { crashImage } from '../archive/helpers';
import { createServices } from '../../../main/services';
import type { EventName } from '../../../shared/events';
import { bobsArchive, freshArchive, seedArchive, snapshotOf, tempDir } from './archive-fixture';

/** Bob's archive before and after merging Alice's file into it. */
async function merged() {
  const alice = await freshArchive('alice');
  await seedArchive(alice);
  const file = renderArchiveJson(exportArchiveJson(alice));
  const bob = await bobsArchive();
  const before = snapshotOf(bob);
  const result = await importArchiveJson(bob, file, 'alice.claimdesk');
  const claim = (statement: string) => bob.claims.list({}).items.find((c) => c.statement === statement)!;
  const article = (title: string) => bob.articles.list({}).items.find((a) => a.title === title)!;
  return { bob, file, before, result, mergeId: result.mergeId!, claim, article };
}

const LEGAL = 'A troop deployment to Russia would conform with international law.';
const TROOPS = 'North Korean troops are in Russia.';

describe('undoing an archive merge', () => {
  it('removes exactly what the merge added: the archive is as before, also after a crash (journal replay)', async () => {
    const { bob, before, result, mergeId } = await merged();
    expect(mergeId).toEqual(expect.any(Number));
    expect(snapshotOf(bob)).not.toEqual(before);

    const undone = await bob.merge.undo(mergeId);
    expect(undone).toEqual({ mergeId, source: 'alice.claimdesk', removed: result.added });
    expect(snapshotOf(bob)).toEqual(before);
    // The alias the merge gave Bob's Kim Jong Gyu, the merged claims' search entries and memberships: gone.
    expect(bob.entities.list({ search: '김정규' })).toEqual([]);
    expect(bob.claims.list({ search: 'troops' }).items.map((c) => c.statement)).toEqual([]);
    expect(bob.collections.list().map((k) => k.claimCount)).toEqual([1]);
    expect(bob.info().counts).toEqual({ articles: 2, claims: 2, entities: 1 });

    // The undo is journaled: a crash now, before any snapshot, replays merge and undo on open.
    const reopened = await openArchive({ dir: crashImage(bob.dir), actor: 'bob' });
    try {
      expect(snapshotOf(reopened)).toEqual(before);
    } finally {
      await reopened.close();
    }
  });

  it.each([
    [
      'a merged claim is edited',
      async (bob: Archive, ids: Ids) => void (await bob.claims.update(ids.legal, { statement: 'Edited by Bob.' })),
      /claim \d+ “Edited by Bob\.”: edited since the merge, its statement was edited/,
    ],
    [
      'a verdict is set on a merged claim',
      async (bob: Archive, ids: Ids) => void (await bob.claims.setVerdict(ids.legal, 'claimdesk', 'false', 'Checked.')),
      /claim \d+ “A troop deployment.*”: edited since the merge, a verdict was set/,
    ],
    [
      'evidence is added to a merged claim',
      async (bob: Archive, ids: Ids) =>
        void (await bob.evidence.add({ claimId: ids.troops, articleId: ids.seoul, quote: '', stance: 'context', note: '' })),
      /claim \d+ “North Korean troops are in Russia\.”: evidence was added(;|\.)/,
    ],
    [
      'a claim is made on a merged article',
      async (bob: Archive, ids: Ids) => void (await bob.claims.insert({ articleId: ids.nato, statement: 'NATO said so.' })),
      /article \d+ “NATO confirms troops in Kursk”: claim \d+ was made on it/,
    ],
    [
      'a merged article is deleted',
      async (bob: Archive, ids: Ids) => void (await bob.articles.delete(ids.nato)),
      /article \d+ “NATO confirms troops in Kursk”: edited since the merge/,
    ],
    [
      'a merged claim joins a collection',
      async (bob: Archive, ids: Ids) => void (await bob.collections.add((await bob.collections.create('Mine')).id, [ids.fake])),
      /claim \d+ “Reports of North Korean troops in Russia are fake\.”: .*it was added to collection \d+/,
    ],
  ])('is refused, naming what changed and writing nothing, when %s', async (_what, change, message) => {
    const { bob, mergeId, claim, article } = await merged();
    const ids = {
      legal: claim(LEGAL).id,
      troops: claim(TROOPS).id,
      fake: claim('Reports of North Korean troops in Russia are fake.').id,
      nato: article('NATO confirms troops in Kursk').id,
      seoul: article('Seoul briefing').id,
    };
    await change(bob, ids);
    const changed = snapshotOf(bob);

    const refused = bob.merge.undo(mergeId);
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^Cannot undo the merge of alice\.claimdesk: what it added was changed or used since\./),
    });
    await expect(bob.merge.undo(mergeId)).rejects.toThrow(message);
    expect(snapshotOf(bob)).toEqual(changed);
  });

  it('is refused the second time', async () => {
    const { bob, before, mergeId } = await merged();
    await bob.merge.undo(mergeId);
    await expect(bob.merge.undo(mergeId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^The merge of alice\.claimdesk was already undone \(/),
    });
    await expect(bob.merge.undo(mergeId + 100)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshotOf(bob)).toEqual(before);
  });

  it('of a merge that added nothing changes nothing', async () => {
    const { bob, file, mergeId } = await merged();
    const after = snapshotOf(bob);
    const again = await importArchiveJson(bob, file, 'alice.claimdesk');
    expect(Object.values(again.added).every((n) => n === 0)).toBe(true);

    const undone = await bob.merge.undo(again.mergeId!);
    expect(Object.values(undone.removed).every((n) => n === 0)).toBe(true);
    expect(snapshotOf(bob)).toEqual(after);
    // The first merge is still there to undo.
    await bob.merge.undo(mergeId);
    expect(bob.claims.list({}).total).toBe(2);
  });

  it('of an earlier merge is refused while a later one builds on what it added', async () => {
    const { bob, mergeId, article } = await merged();
    const carol = await freshArchive('carol');
    const nato = await carol.articles.insert({
      title: 'NATO confirms troops in Kursk',
      outlet: 'Yonhap',
      published: '2024-10-28',
      text: 'NATO confirmed North Korean troops were deployed to Kursk.',
    });
    await carol.claims.insert({ articleId: nato.id, statement: 'Troops were deployed to Kursk.' });
    const later = await importArchiveJson(bob, renderArchiveJson(exportArchiveJson(carol)), 'carol.claimdesk');
    expect(later.added).toMatchObject({ articles: 0, claims: 1 });

    await expect(bob.merge.undo(mergeId)).rejects.toThrow(
      new RegExp(`article ${article('NATO confirms troops in Kursk').id} “NATO confirms troops in Kursk”: claim \\d+ was made on it`),
    );
    await bob.merge.undo(later.mergeId!);
    await bob.merge.undo(mergeId);
    expect(bob.articles.list({}).total).toBe(2);
  });
});

describe('archive.undoMerge (the API the import panel calls)', () => {
  it('validates its argument, tells the views the archive changed, and passes a refusal on with its code', async () => {
    const alice = await freshArchive('alice');
    await seedArchive(alice);
    const events: EventName[] = [];
    const services = await createServices({ archiveDir: tempDir(), actor: 'bob', emit: (event) => void events.push(event) });
    try {
      await services.archive.articles.insert({ title: 'Own work', text: 'Something of my own.' });
      const { mergeId } = await importArchiveJson(services.archive, renderArchiveJson(exportArchiveJson(alice)), 'alice.claimdesk');

      for (const bad of ['1', 0, -1, 1.5, null]) {
        expect(await services.dispatch('archive.undoMerge', [bad]), String(bad)).toMatchObject({
          ok: false,
          error: { code: 'INVALID_ARGUMENT' },
        });
      }
      events.length = 0;
      expect(await services.dispatch('archive.undoMerge', [mergeId])).toMatchObject({
        ok: true,
        value: { mergeId, removed: { articles: 3 } },
      });
      // Open views hear it: the whole archive changed, and which records the undo removed.
      expect(events).toContain('archive.changed');
      expect(events).toContain('data.changed');
      expect(await services.dispatch('archive.undoMerge', [mergeId])).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/already undone/) },
      });
      expect(services.archive.info().counts).toEqual({ articles: 1, claims: 0, entities: 0 });
    } finally {
      await services.close();
    }
  });
});

interface Ids {
  legal: number;
  troops: number;
  fake: number;
  nato: number;
  seoul: number;
}
