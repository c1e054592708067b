// Collections as the views use them, through the app's dispatcher: made, renamed, filled, emptied and
// deleted, each write undoable by the call that puts it back; bad input is refused with a clear error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';
import { dataChanges } from '../../../main/api/change-notifier';
import type { DataChange } from '../../../shared/events';

let dir: string;
let services: Services;

const { call, failure } = dispatcherOf(() => services);

async function claim(statement: string) {
  return services.archive.claims.insert({ statement } as never);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-collections-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('collections', () => {
  it('are created, renamed, filled and emptied, and each claim’s history says so', async () => {
    const a = await claim('Troops crossed the border');
    const b = await claim('Grain exports doubled');
    const k = await call('collections.create', '  Border week ');
    expect(k).toMatchObject({ name: 'Border week', claimCount: 0 });

    const { added } = await call('collections.add', k.id, [a.id, b.id]);
    expect(added).toEqual([a.id, b.id]);
    expect((await call('collections.add', k.id, [a.id])).added).toEqual([]);
    expect((await call('collections.rename', k.id, 'Deployment week')).name).toBe('Deployment week');
    expect((await call('collections.ofClaim', a.id)).map((c) => c.name)).toEqual(['Deployment week']);

    const { removed, collection } = await call('collections.remove', k.id, [b.id]);
    expect(removed).toEqual([b.id]);
    expect(collection.claimCount).toBe(1);
    // Undo of the removal adds it back, noted as an undo.
    await call('collections.add', k.id, removed, 'Undo: Remove from collection');
    expect((await call('collections.list'))[0].claimCount).toBe(2);
    const entries = services.archive.claims.history(b.id).filter((h) => h.field === 'collection');
    expect(entries.map((h) => [h.from, h.to, h.note])).toEqual([
      [null, 'Border week', null],
      ['Deployment week', null, null],
      [null, 'Deployment week', 'Undo: Remove from collection'],
    ]);
  });

  it('come back exactly after a delete is undone', async () => {
    const a = await claim('Troops crossed the border');
    const k = await call('collections.create', 'Border');
    await call('collections.add', k.id, [a.id]);
    const deleted = await call('collections.delete', k.id);
    expect(await call('collections.list')).toEqual([]);
    expect(services.archive.claims.get(a.id).statement).toBe('Troops crossed the border');

    const back = await call('collections.restore', deleted, 'Undo: Delete collection');
    expect(back).toMatchObject({ id: k.id, name: 'Border', claimCount: 1, createdAt: k.createdAt });
    expect((await call('collections.ofClaim', a.id)).map((c) => c.id)).toEqual([k.id]);
  });

  it('refuse empty, too long and duplicate names and unknown ids, changing nothing', async () => {
    const a = await claim('Troops crossed the border');
    const k = await call('collections.create', 'Border');
    const other = await call('collections.create', 'Grain');

    const empty = await failure('collections.create', '   ');
    expect(empty.code).toBe('INVALID_ARGUMENT');
    expect(empty.message).toMatch(/needs a name/);
    const long = await failure('collections.rename', k.id, 'x'.repeat(201));
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(long.message).toMatch(/at most 200 characters/);
    const dup = await failure('collections.create', 'border');
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'A collection named "Border" already exists.' });
    expect((await failure('collections.rename', other.id, 'BORDER')).code).toBe('CONFLICT');
    // Renaming to its own name in another case is fine.
    expect((await call('collections.rename', k.id, 'BORDER')).name).toBe('BORDER');

    expect((await failure('collections.rename', 999, 'Other')).code).toBe('NOT_FOUND');
    expect((await failure('collections.delete', 999)).code).toBe('NOT_FOUND');
    const unknownClaim = await failure('collections.add', k.id, [a.id, 999]);
    expect(unknownClaim).toMatchObject({ code: 'NOT_FOUND', message: 'Claim 999 does not exist.' });
    expect(await call('collections.ofClaim', a.id)).toEqual([]);
    expect((await failure('collections.add', k.id, [])).code).toBe('INVALID_ARGUMENT');
    expect((await failure('collections.add', 'x' as never, [a.id])).code).toBe('INVALID_ARGUMENT');
    expect((await call('collections.list')).map((c) => c.name)).toEqual(['BORDER', 'Grain']);
  });

  it('tell the views which collection changed', async () => {
    const a = await claim('Troops crossed the border');
    const seen: DataChange[][] = [];
    const off = services.archive.onChange((c) => seen.push(dataChanges(c)));
    const k = await call('collections.create', 'Border');
    await call('collections.add', k.id, [a.id]);
    off();
    expect(seen[0]).toContainEqual({ type: 'collection', ids: [k.id] });
    expect(seen[1].map((c) => c.type)).toEqual(expect.arrayContaining(['collection', 'history']));
  });
});
