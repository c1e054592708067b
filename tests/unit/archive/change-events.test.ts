// The window learns which records a saved change touched: one 'data.changed' event per committed
// transaction, naming the kinds of record and their ids, so a view refetches only what it shows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import type { DataChange, EventName } from '../../../shared/events';
import { dataChanges, MAX_IDS_PER_CHANGE } from '../../../main/api/change-notifier';
import { dispatcherOf } from '../editing/dispatch-fixture';

let dir: string;
let services: Services;
let events: DataChange[][];
const { call } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-changes-'));
  events = [];
  services = await createServices({
    archiveDir: dir,
    actor: 'tester',
    emit: (event: EventName, payload: unknown) => {
      if (event === 'data.changed') events.push(payload as DataChange[]);
    },
  });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const ofType = (batch: DataChange[] | undefined, type: DataChange['type']) => batch?.find((c) => c.type === type);

describe('change events', () => {
  it('a verdict change names the claim it changed, once, after the change is saved', async () => {
    const a = await services.archive.claims.insert({ statement: 'Troops crossed the border' } as never);
    await services.archive.claims.insert({ statement: 'Grain exports doubled' } as never);
    events = [];
    await call('claims.setVerdict', a.id, 'claimdesk', 'false', 'Satellite images show no troops');
    expect(events).toHaveLength(1);
    expect(ofType(events[0], 'claim')).toEqual({ type: 'claim', ids: [a.id] });
    expect(ofType(events[0], 'history')?.ids?.length).toBeGreaterThan(0);
    expect(ofType(events[0], 'article')).toBeUndefined();
    expect(services.archive.claims.get(a.id).verdict).toBe('false');
  });

  it('adding a claim to a collection is reported, though the membership table has no rowids', async () => {
    const a = await services.archive.claims.insert({ statement: 'Troops crossed the border' } as never);
    const k = await services.archive.collections.create('Border');
    events = [];
    await services.archive.collections.add(k.id, [a.id]);
    expect(events).toHaveLength(1);
    expect(ofType(events[0], 'collection')).toEqual({ type: 'collection', ids: null });
    // The claim's history notes that it joined the collection.
    expect(ofType(events[0], 'history')?.ids).toHaveLength(1);
  });

  it('tags and entity links mark claims (and entities) as changed', async () => {
    const a = await services.archive.claims.insert({ statement: 'Troops crossed the border' } as never);
    events = [];
    await call('claims.linkEntity', a.id, { name: 'Ministry of Defence', type: 'organisation' }, 'claimant');
    const batch = events.at(-1)!;
    expect(ofType(batch, 'entity')?.ids).toBeNull();
    expect(ofType(batch, 'claim')).toBeDefined();
  });

  it('a failed change sends nothing; a restore says everything may have changed', async () => {
    const a = await services.archive.claims.insert({ statement: 'Troops crossed the border' } as never);
    events = [];
    await expect(call('claims.setVerdict', a.id, 'claimdesk', 'no-such-verdict', 'note')).rejects.toThrow();
    expect(events).toEqual([]);
    await services.archive.recoverJournal();
    expect(events.at(-1)).toContainEqual({ type: 'claim', ids: null });
    expect(events.at(-1)).toContainEqual({ type: 'article', ids: null });
  });

  it('a change to more records than an event lists says "any" of that type instead', () => {
    const many = new Set(Array.from({ length: MAX_IDS_PER_CHANGE + 1 }, (_, i) => i + 1));
    expect(
      dataChanges({
        type: 'rows',
        tables: new Map([
          ['claim', many],
          ['article', new Set([4])],
        ]),
      }),
    ).toEqual([
      { type: 'claim', ids: null },
      { type: 'article', ids: [4] },
    ]);
  });
});
