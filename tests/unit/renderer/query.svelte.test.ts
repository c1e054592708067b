// The renderer's one loading idiom: a query shows the answer to its latest request only, keeps a
// failure as an error the view shows, and refetches when main reports a change to what it shows —
// not when something else changes.
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../renderer/lib/changes';
import { Query } from '../../../renderer/lib/query.svelte';

/** A fetch whose answers the test hands out, in any order. */
function controlledFetch<K, T>() {
  const calls: { key: K; resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const fetch = (key: K) => new Promise<T>((resolve, reject) => calls.push({ key, resolve, reject }));
  return { calls, fetch };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
let stop: (() => void) | null = null;

/** Follows `q` as a mounted view would (its effects live until the test ends). */
function mount<K, T>(q: Query<K, T>) {
  stop = $effect.root(() => q.follow());
  flushSync();
  return q;
}

afterEach(() => {
  stop?.();
  stop = null;
});

describe('Query', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    let claimId = $state(1);
    const { calls, fetch } = controlledFetch<number, string>();
    const q = mount(new Query({ key: () => claimId, fetch, on: ['claim'], feed: new ChangeFeed() }));
    claimId = 2;
    flushSync();
    expect(calls.map((c) => c.key)).toEqual([1, 2]);

    calls[1].resolve('claim 2');
    await settle();
    calls[0].resolve('claim 1');
    await settle();
    expect(q.data).toBe('claim 2');
    expect(q.loading).toBe(false);
  });

  it('keeps a failure as its error, and a later success clears it', async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<object, string[]>();
    const q = mount(new Query({ key: () => ({}), fetch, on: ['savedSearch'], feed }));
    calls[0].reject(new Error('The archive is locked by another window.'));
    await settle();
    expect(q.error).toBe('The archive is locked by another window.');
    expect(q.data).toBeUndefined();
    expect(q.loading).toBe(false);

    void q.refetch();
    calls[1].resolve(['Border claims']);
    await settle();
    expect(q.error).toBeNull();
    expect(q.data).toEqual(['Border claims']);
  });

  it('refetches only when a change touches what it depends on', async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<number, string>();
    const q = mount(new Query({ key: () => 7, fetch, on: (id) => [{ type: 'claim', ids: [id] }, 'link'], feed }));
    calls[0].resolve('v1');
    await settle();

    feed.publish([{ type: 'claim', ids: [8, 9] }]); // another claim
    feed.publish([{ type: 'article', ids: [7] }]); // an article with the same id
    feed.publish([{ type: 'entity', ids: null }]);
    expect(calls).toHaveLength(1);

    feed.publish([{ type: 'claim', ids: [3, 7] }]);
    expect(calls).toHaveLength(2);
    calls[1].resolve('v2');
    await settle();
    feed.publish([{ type: 'link', ids: [42] }]);
    expect(calls).toHaveLength(3);
    calls[2].resolve('v3');
    await settle();
    feed.publish([{ type: 'claim', ids: null }]); // every claim may have changed (a restore)
    expect(calls).toHaveLength(4);
    calls[3].resolve('v4');
    await settle();
    expect(q.data).toBe('v4');
  });

  it('a burst of changes while a fetch is on its way causes one more fetch, not one per change', async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<object, number>();
    const q = mount(new Query({ key: () => ({}), fetch, on: ['article'], feed }));
    for (let i = 0; i < 5; i++) feed.publish([{ type: 'article', ids: [i] }]);
    expect(calls).toHaveLength(1);
    calls[0].resolve(1);
    await settle();
    expect(calls).toHaveLength(2);
    calls[1].resolve(2);
    await settle();
    expect(q.data).toBe(2);
    expect(q.loading).toBe(false);
  });

  it('stops listening when its view is gone, and loads nothing for an empty key', async () => {
    const feed = new ChangeFeed();
    let id = $state<number | null>(null);
    const { calls, fetch } = controlledFetch<number, string>();
    const q = mount(new Query({ key: () => id, fetch, on: ['claim'], feed }));
    expect(calls).toHaveLength(0);
    expect(q.loading).toBe(false);
    id = 3;
    flushSync();
    calls[0].resolve('three');
    await settle();
    stop?.();
    stop = null;
    feed.publish([{ type: 'claim', ids: null }]);
    expect(calls).toHaveLength(1);
  });

  it('a lazy query only marks itself stale on a change, and fetches when freshened', async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<object, string[]>();
    const q = mount(new Query({ key: () => ({}), fetch, on: ['entity'], feed, lazy: true }));
    calls[0].resolve(['Ministry of Defence']);
    await settle();
    feed.publish([{ type: 'entity', ids: [1] }]);
    expect(calls).toHaveLength(1);
    expect(q.stale).toBe(true);
    void q.freshen();
    expect(calls).toHaveLength(2);
    calls[1].resolve(['Ministry of Defence', 'NATO']);
    await settle();
    expect(q.stale).toBe(false);
    expect(q.data).toEqual(['Ministry of Defence', 'NATO']);
  });

  it('after a save made here, an answer fetched before it never replaces the one fetched after', async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<number, string>();
    const q = mount(new Query({ key: () => 5, fetch, on: ['claim'], feed }));
    calls[0].resolve('Unrated');
    await settle();
    feed.publish([
      { type: 'claim', ids: [9] },
      { type: 'claim', ids: [5] },
    ]); // a refetch starts (from before the save)
    void q.reload(); // the save is acknowledged: fetch again now
    expect(calls).toHaveLength(3);
    calls[2].resolve('False');
    await settle();
    calls[1].resolve('Unrated');
    await settle();
    expect(q.data).toBe('False');
  });

  it("after a save made here, settles on the fetch main's change event started (one fetch), or fetches when none did", async () => {
    const feed = new ChangeFeed();
    const { calls, fetch } = controlledFetch<number, string>();
    const q = mount(new Query({ key: () => 5, fetch, on: ['claim'], feed }));
    calls[0].resolve('Unrated');
    await settle();

    let since = q.generation; // the save starts
    feed.publish([{ type: 'claim', ids: [5] }]); // main's event for it, before its answer
    const settled = q.settle(since);
    expect(calls).toHaveLength(2);
    calls[1].resolve('False');
    await settled;
    expect(q.data).toBe('False');

    since = q.generation; // a save whose event never came
    const fetched = q.settle(since);
    expect(calls).toHaveLength(3);
    calls[2].resolve('Mostly false');
    await fetched;
    expect(q.data).toBe('Mostly false');
  });
});
