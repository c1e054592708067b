import { describe, expect, it } from 'vitest';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange/export';
import { importArchiveJson } from '../../../main/archive/exchange/import';
import { AppError } from '../../../shared/errors';
import { freshArchive, seedArchive } from './archive-fixture';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

describe('JSON archive export and import', () => {
  it('carries every entity, not only the first 1,000 an entity list shows', async () => {
    const archive = await freshArchive();
    await archive.transaction((tx) => {
      for (let i = 0; i < 1205; i++) tx.entities.upsert(`Ministry of Trade ${i}`, 'organisation');
    });
    const doc = exportArchiveJson(archive);
    expect(doc.entities).toHaveLength(1205);
    const target = await freshArchive();
    await importArchiveJson(target, renderArchiveJson(doc));
    expect(target.info().counts.entities).toBe(1205);
  });

  it('is a versioned document with articles, claims, entities, links, evidence and history', async () => {
    const archive = await freshArchive();
    const { legal } = await seedArchive(archive);
    const doc = exportArchiveJson(archive);
    expect(doc).toMatchObject({ format: 'claimdesk-archive', version: 1, search: null });
    expect(doc.articles.map((a) => a.outlet)).toEqual(['AFP', 'Daily Copy', 'Yonhap']);
    expect(doc.articles[1].duplicateOf).toBe(doc.articles[0].id);
    expect(doc.articles[0].text).toContain('김정규');
    expect(doc.entities.find((e) => e.name === 'Kim Jong Gyu')?.aliases).toEqual(['김정규']);
    expect(doc.links).toHaveLength(1);
    expect(doc.evidence).toHaveLength(1);
    const verdicts = doc.history.filter((h) => h.claimId === legal.id && h.field === 'verdict').map((h) => h.note);
    expect(verdicts).toEqual(['Law of armed conflict says otherwise.', 'Legal framing hides the deployment.']);
    expect(doc.collections[0]).toMatchObject({ name: 'Deployment week', claimIds: [1, 3] });
    expect(doc.savedSearches.map((s) => s.name)).toEqual(['Troops']);
  });

  it('round-trips losslessly: export, import into a fresh archive, export again gives the same document', async () => {
    const source = await freshArchive();
    const { nato, fake, troops } = await seedArchive(source);
    // Gaps in the ids: a claim (with a link) and an article deleted between kept ones.
    const gone = await source.claims.insert({ articleId: nato.id, statement: 'A claim deleted later.' });
    await source.links.add(gone.id, troops.id, 'supports', 'to a claim that goes away');
    await source.claims.insert({ statement: 'A claim kept after the gap.', tags: ['kept'] });
    await source.claims.delete(gone.id);
    const dropped = await source.articles.insert({ title: 'Deleted article', text: 'Gone.' });
    await source.articles.delete(dropped.id);
    await source.articles.insert({ title: 'After the gap', text: 'Still here.' });
    await source.claims.update(fake.id, { tags: ['disinformation'] }, 'tagged');
    const first = exportArchiveJson(source);
    expect(first.claims.map((c) => c.id)).toEqual([1, 2, 3, 5]);
    expect(first.articles.map((a) => a.id)).toEqual([1, 2, 3, 5]);

    const target = await freshArchive('bob');
    const result = await importArchiveJson(target, renderArchiveJson(first));
    expect(result).toMatchObject({
      mode: 'restored',
      added: { articles: 4, claims: 4, entities: 4, links: 1, evidence: 1, collections: 1, savedSearches: 1 },
    });
    const second = exportArchiveJson(target);
    // Everything, history and timestamps included: only the export time differs.
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null });
    expect(second.history.some((h) => h.actor === 'bob')).toBe(false);
    expect(target.claims.verdictAsOf(troops.id, '2000-01-01').verdict).toBeNull();
    // The restored archive goes on: search finds restored claims, new ones get the next ids.
    expect(target.claims.list({ search: 'kept' }).items.map((c) => c.id)).toEqual([5]);
    const next = await target.claims.insert({ statement: 'Written after the import.' });
    expect(next.id).toBe(6);
    expect(target.claims.history(next.id)[0].actor).toBe('bob');
  });

  it('keeps a deleted original that a live copy and evidence still point to, deleted, through the round trip', async () => {
    const source = await freshArchive();
    const { afp, nato } = await seedArchive(source);
    await source.articles.delete(afp.id);
    await source.articles.delete(nato.id);
    const first = exportArchiveJson(source);
    expect(first.articles.map((a) => [a.id, a.deletedAt !== undefined])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    const target = await freshArchive();
    await importArchiveJson(target, renderArchiveJson(first));
    expect({ ...exportArchiveJson(target), exportedAt: null }).toEqual({ ...first, exportedAt: null });
    expect(target.articles.list({}).items.map((a) => a.id)).toEqual([2]);
  });

  it('exports only what a search finds, with every article those claims point to', async () => {
    const archive = await freshArchive();
    await seedArchive(archive);
    const doc = exportArchiveJson(archive, { search: 'troops' });
    expect(doc.search).toBe('troops');
    expect(doc.claims.map((c) => c.statement).sort()).toEqual([
      'North Korean troops are in Russia.',
      'Reports of North Korean troops in Russia are fake.',
    ]);
    // claim 3 is in the copy (article 2), which needs its original (article 1); evidence needs article 3.
    expect(doc.articles.map((a) => a.id)).toEqual([1, 2, 3]);
    expect(doc.collections).toEqual([expect.objectContaining({ name: 'Deployment week', claimIds: [3] })]);
    const target = await freshArchive();
    await importArchiveJson(target, renderArchiveJson(doc));
    expect(target.info().counts.claims).toBe(2);
  });

  it('refuses bad input with a specific error and writes nothing', async () => {
    const source = await freshArchive();
    await seedArchive(source);
    const good = exportArchiveJson(source);
    const target = await freshArchive();
    expect(await codeOf(importArchiveJson(target, '{"format": "claimdesk-archive", '))).toBe('PARSE_FAILED');
    expect(await codeOf(importArchiveJson(target, JSON.stringify({ hello: 'world' })))).toBe('UNSUPPORTED_FORMAT');
    expect(await codeOf(importArchiveJson(target, JSON.stringify({ ...good, version: 2 })))).toBe('UNSUPPORTED_FORMAT');
    const dangling = { ...good, claims: good.claims.map((c) => ({ ...c, articleId: 99 })) };
    await expect(importArchiveJson(target, JSON.stringify(dangling))).rejects.toThrow(/claim 1 points to article 99/);
    const twice = { ...good, claims: [...good.claims, good.claims[0]] };
    await expect(importArchiveJson(target, JSON.stringify(twice))).rejects.toThrow(/claim 1 twice/);
    expect(target.info().counts).toEqual({ articles: 0, claims: 0, entities: 0 });
  });

  it('rolls back the whole import when a record is refused half-way', async () => {
    const source = await freshArchive();
    await seedArchive(source);
    const doc = exportArchiveJson(source);
    // The last claim's quote no longer matches its article text: the archive refuses it.
    const broken = { ...doc, evidence: doc.evidence.map((e) => ({ ...e, quote: 'words that are not in the article' })) };
    const target = await freshArchive();
    expect(await codeOf(importArchiveJson(target, JSON.stringify(broken)))).toBe('INVALID_ARGUMENT');
    expect(target.info().counts).toEqual({ articles: 0, claims: 0, entities: 0 });
    expect(target.collections.list()).toEqual([]);
    // ...and the same archive then takes the good export.
    await importArchiveJson(target, JSON.stringify(doc));
    expect(target.info().counts.claims).toBe(3);
  });

  // Into an archive that holds work, an import merges: archive-merge.test.ts.
});
