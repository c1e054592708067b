// A mistaken entity merge can be undone: entities.unmerge splits the merged entity back out with its
// own names, type and claim links (roles included), and takes from the kept entity only what the
// merge gave it. Refusals write nothing; a JSON export round trip keeps enough to split after a restore.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { journalFiles, open, type Opened } from './helpers';

/** Kim Jong Un and Kim Jong Gyu, each with aliases and claims in several roles; one claim names both, one is deleted. */
async function seed(a: Archive) {
  const un = await a.entities.upsert('Kim Jong Un', 'person', ['KJU', 'Kim Jong-un']);
  const gyu = await a.entities.upsert('Kim Jong Gyu', 'person', ['김정규']);
  const person = (name: string, role: 'claimant' | 'subject' | 'mentioned') => ({ name, type: 'person' as const, role });
  const [byUn, both, byGyu, gone] = await a.claims.insertMany([
    { statement: 'Troops will be sent.', entities: [person('KJU', 'claimant'), { name: 'Russia', type: 'place', role: 'subject' }] },
    {
      statement: 'The two met in Pyongyang.',
      entities: [person('Kim Jong Un', 'subject'), person('Kim Jong Gyu', 'subject'), person('Kim Jong Gyu', 'claimant')],
    },
    { statement: 'The deployment is legal.', entities: [person('Kim Jong Gyu', 'claimant'), person('Kim Jong-un', 'mentioned')] },
    { statement: 'A claim deleted later.', entities: [person('Kim Jong Un', 'subject')] },
  ]);
  await a.claims.delete(gone.id);
  return { un, gyu, claims: [byUn, both, byGyu, gone] };
}

/** Everything a researcher sees of the entities and who each claim is by and about. */
function snapshot(a: Archive, entityIds: number[], claimIds: number[]) {
  return {
    entities: entityIds.map((id) => a.entities.get(id)),
    list: a.entities.list().map((e) => [e.id, e.name, e.claimCount, e.aliases]),
    links: claimIds.map((id) => a.claims.entities(id).map((e) => [e.id, e.role])),
    count: a.info().counts.entities,
  };
}

const journalBytes = (a: Opened) => journalFiles(a.dir).reduce((n, f) => n + statSync(f).size, 0);

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  return p.then(
    () => ({ code: 'OK', message: '' }),
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
}

describe('entities.unmerge', () => {
  it('splits a merged entity back out exactly: names, aliases, type, claim links and roles', async () => {
    const a = await open();
    const { un, gyu, claims } = await seed(a);
    const ids = claims.slice(0, 3).map((c) => c.id); // live ones; the deleted one is checked after restoring it
    const before = snapshot(a, [un.id, gyu.id], ids);

    const kept = await a.entities.merge(gyu.id, un.id);
    expect(kept.aliases).toEqual(expect.arrayContaining(['KJU', 'Kim Jong Un', 'Kim Jong-un', '김정규']));
    expect(() => a.entities.get(un.id)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('merged into “Kim Jong Gyu”') }),
    );
    expect(a.entities.list().map((e) => e.id)).not.toContain(un.id);
    expect(a.entities.list({ search: 'KJU' }).map((e) => e.id)).toEqual([gyu.id]);
    expect(a.info().counts.entities).toBe(before.count - 1);
    expect(a.claims.entities(ids[1]).map((e) => [e.id, e.role])).toEqual([
      [gyu.id, 'claimant'],
      [gyu.id, 'subject'],
    ]);
    expect(a.entities.mergedFrom(gyu.id)).toEqual([
      { id: un.id, name: 'Kim Jong Un', type: 'person', mergedInto: gyu.id, mergedAt: expect.any(String) },
    ]);

    const result = await a.entities.unmerge(un.id);
    expect(result).toEqual({ restored: before.entities[0], kept: before.entities[1] });
    expect(snapshot(a, [un.id, gyu.id], ids)).toEqual(before);
    expect(a.entities.mergedFrom(gyu.id)).toEqual([]);
    await a.claims.restore(claims[3].id);
    expect(a.claims.entities(claims[3].id).map((e) => [e.id, e.role])).toEqual([[un.id, 'subject']]);
    // Its names find it again: linking by an alias reaches the entity split out, not the kept one.
    const linked = await a.claims.linkEntity(ids[2], { name: 'kju', type: 'person' }, 'subject');
    expect(linked.entity.id).toBe(un.id);
  });

  it('writes a history row on every claim whose links moved, deleted ones included, for the merge and the split', async () => {
    const a = await open();
    const { un, gyu, claims } = await seed(a);
    await a.entities.merge(gyu.id, un.id);
    await a.entities.unmerge(un.id);
    for (const c of [claims[0], claims[1], claims[2], claims[3]]) {
      const rows = a.claims.history(c.id).filter((h) => h.field === 'entity');
      expect(rows.map((h) => [h.from, h.to, h.note, h.actor])).toEqual([
        ['Kim Jong Un', 'Kim Jong Gyu', `merged entity ${un.id} into ${gyu.id}`, 'tester'],
        ['Kim Jong Gyu', 'Kim Jong Un', `split entity ${un.id} back out of ${gyu.id}`, 'tester'],
      ]);
    }
  });

  it('keeps on the kept entity a link it had before the merge, and what was decided after it', async () => {
    const a = await open();
    const { un, gyu, claims } = await seed(a);
    const [byUn, both, byGyu] = claims;
    await a.entities.merge(gyu.id, un.id);
    // After the merge: a new claim names the kept entity by one of the merged names, an alias is
    // added, and a link the merge moved is taken off.
    const later = await a.claims.insert({
      statement: 'Said after the merge.',
      entities: [{ name: 'KJU', type: 'person', role: 'claimant' }],
    });
    await a.entities.addAlias(gyu.id, 'General Kim');
    await a.claims.unlinkEntity(byGyu.id, gyu.id, 'mentioned');

    await a.entities.unmerge(un.id);
    const links = (id: number) => a.claims.entities(id).map((e) => [e.id, e.role]);
    expect(links(both.id)).toEqual([
      [gyu.id, 'claimant'],
      [gyu.id, 'subject'],
      [un.id, 'subject'],
    ]); // gyu's subject link was there before
    expect(links(byUn.id)).toEqual([
      [un.id, 'claimant'],
      [expect.any(Number), 'subject'],
    ]);
    expect(links(byGyu.id)).toEqual([[gyu.id, 'claimant']]); // taken off after the merge: stays off
    expect(links(later.id)).toEqual([[gyu.id, 'claimant']]);
    expect(a.entities.get(gyu.id).aliases).toEqual(['General Kim', '김정규']);
    expect(a.entities.get(un.id).aliases).toEqual(['KJU', 'Kim Jong-un']);
  });

  it('can merge, split and merge again (undo, redo) and split a merge of a merge in order', async () => {
    const a = await open();
    const { un, gyu } = await seed(a);
    const third = await a.entities.upsert('Kim Yo Jong', 'person', ['KYJ']);
    await a.entities.merge(gyu.id, un.id);
    await a.entities.unmerge(un.id);
    await a.entities.merge(gyu.id, un.id);
    await a.entities.merge(third.id, gyu.id); // the kept entity is itself merged away
    expect(a.entities.mergedFrom(third.id).map((m) => m.name)).toEqual(['Kim Jong Gyu']);
    expect(await codeOf(a.entities.unmerge(un.id))).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/has since been merged into “Kim Yo Jong”: split “Kim Jong Gyu” out of it first/),
    });
    await a.entities.unmerge(gyu.id);
    expect(a.entities.get(gyu.id).aliases).toContain('KJU'); // still holds what was merged into it
    await a.entities.unmerge(un.id);
    expect(a.entities.get(third.id).aliases).toEqual(['KYJ']);
    expect(a.entities.get(gyu.id).aliases).toEqual(['김정규']);
    expect(a.entities.get(un.id).aliases).toEqual(['KJU', 'Kim Jong-un']);
  });

  it('refuses with a clear error and writes nothing', async () => {
    const a = await open();
    const { un, gyu } = await seed(a);
    await a.entities.merge(gyu.id, un.id);
    const bytes = journalBytes(a);
    const state = snapshot(a, [gyu.id], []);
    expect(await codeOf(a.entities.unmerge(999))).toEqual({ code: 'NOT_FOUND', message: 'Entity 999 does not exist.' });
    expect(await codeOf(a.entities.unmerge(gyu.id))).toEqual({
      code: 'CONFLICT',
      message: expect.stringMatching(/is not merged into another entity/),
    });
    expect((await codeOf(a.entities.merge(gyu.id, gyu.id))).code).toBe('INVALID_ARGUMENT');
    expect((await codeOf(a.entities.merge(gyu.id, un.id))).code).toBe('NOT_FOUND'); // already merged away
    expect((await codeOf(a.entities.addAlias(un.id, 'Marshal'))).code).toBe('NOT_FOUND');
    expect((await codeOf(a.claims.linkEntity(1, { entityId: un.id }, 'mentioned'))).code).toBe('NOT_FOUND');
    expect(() => a.entities.mergedFrom(un.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(journalBytes(a)).toBe(bytes);
    expect(snapshot(a, [gyu.id], [])).toEqual(state);
  });

  it('refuses, naming it, when one of its names has since been given to another entity', async () => {
    const a = await open();
    // An archive restored from a file in which "Supreme Leader" names another entity.
    await a.restore.records({
      articles: [],
      links: [],
      evidence: [],
      history: [],
      collections: [],
      savedSearches: [],
      claims: [],
      entities: [
        { id: 1, name: 'Kim Jong Gyu', type: 'person', aliases: ['Kim Jong Un'] },
        { id: 3, name: 'Supreme Leader', type: 'person', aliases: [] },
      ],
      mergedEntities: [
        {
          id: 2,
          name: 'Kim Jong Un',
          type: 'person',
          mergedInto: 1,
          mergedAt: '2024-11-01T00:00:00.000Z',
          names: ['Kim Jong Un', 'Supreme Leader'],
          links: [],
        },
      ],
    });
    const bytes = journalBytes(a);
    expect(await codeOf(a.entities.unmerge(2))).toEqual({
      code: 'CONFLICT',
      message: expect.stringContaining('The name “Supreme Leader” of “Kim Jong Un” now belongs to “Supreme Leader” (entity 3)'),
    });
    expect(journalBytes(a)).toBe(bytes);
    expect(a.entities.get(1).aliases).toEqual(['Kim Jong Un']);
  });
});

describe('merged entities in the JSON archive export', () => {
  it('round-trip: a restored archive lists the merged entity nowhere, yet can split it back out', async () => {
    const source = await open();
    const { un, gyu, claims } = await seed(source);
    const live = claims.slice(0, 3).map((c) => c.id);
    const before = snapshot(source, [un.id, gyu.id], live);
    await source.entities.merge(gyu.id, un.id);
    const doc = exportArchiveJson(source);
    expect(doc.entities.map((e) => e.id)).not.toContain(un.id);
    // The deleted claim is not exported, so neither is its link.
    expect(doc.mergedEntities).toEqual([
      expect.objectContaining({
        id: un.id,
        mergedInto: gyu.id,
        names: ['KJU', 'Kim Jong Un', 'Kim Jong-un'],
        links: expect.not.arrayContaining([expect.objectContaining({ claimId: claims[3].id })]),
      }),
    ]);

    const target = await open();
    await importArchiveJson(target, renderArchiveJson(doc));
    expect({ ...exportArchiveJson(target), exportedAt: null }).toEqual({ ...doc, exportedAt: null });
    expect(target.info().counts.entities).toBe(source.info().counts.entities);
    await target.entities.unmerge(un.id);
    expect(snapshot(target, [un.id, gyu.id], live)).toEqual(before);

    // A record pointing at a claim the file does not hold is refused before anything is written.
    const dangling = {
      ...doc,
      mergedEntities: (doc.mergedEntities ?? []).map((m) => ({ ...m, links: [{ claimId: 99, role: 'subject' as const, keptHad: false }] })),
    };
    await expect(importArchiveJson(await open(), JSON.stringify(dangling))).rejects.toThrow(
      /merged entity \d+ names claim 99, which is not in it/,
    );

    // Merged into an archive that already holds work, a merged-away entity does not come in as live.
    const other = await open();
    await other.entities.upsert('Someone else', 'person');
    await importArchiveJson(other, renderArchiveJson(doc));
    expect(
      other.entities
        .list()
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Kim Jong Gyu', 'Russia', 'Someone else']);
  });

  it('reads an export written before merges were kept (no mergedEntities)', async () => {
    const source = await open();
    await seed(source);
    const { mergedEntities: _none, ...older } = exportArchiveJson(source);
    const target = await open();
    await importArchiveJson(target, JSON.stringify(older));
    expect(target.info().counts.entities).toBe(source.info().counts.entities);
  });
});
