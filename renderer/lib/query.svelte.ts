// The renderer's one way to load data. A query has a key (its arguments, read reactively), a fetch,
// and what it depends on (change types, or types with ids). It exposes {data, error, loading}; an
// answer to an older request never replaces a newer one; it refetches when its key changes or when
// main reports a change to what it depends on (changes.ts), and at no other time. Errors are kept
// in `error` for the view to show (ErrorNote.svelte), never swallowed.
import { untrack } from 'svelte';
import { errorMessage } from './api';
import { changes as windowFeed, touches, type ChangeFeed, type DataChange, type Dependency } from './changes';

export interface QueryOptions<K, T> {
  /** The arguments; null or undefined: nothing to load (data is cleared). Read reactively while followed. */
  key: () => K | null | undefined;
  /** `signal` aborts when a newer request supersedes this one (its answer would be dropped anyway). */
  fetch: (key: K, signal: AbortSignal) => Promise<T>;
  /** What the answer depends on: a change to any of these refetches it. */
  on: readonly Dependency[] | ((key: K, data: T | undefined) => readonly Dependency[]);
  /** Called with each answer that is shown (e.g. to seed a form). */
  onData?: (data: T, key: K) => void;
  /** Called when the key changes to a different one, before its fetch (e.g. to go back to the top). */
  onKey?: (key: K | null) => void;
  /**
   * For costly lists fetched on demand (a menu about to open): a relevant change only marks the data
   * `stale`, and `freshen()` fetches it then.
   */
  lazy?: boolean;
  /** Where change events come from (tests pass their own). */
  feed?: ChangeFeed;
}

export class Query<K, T> {
  data = $state.raw<T | undefined>(undefined);
  error = $state<string | null>(null);
  /** True until the first answer, and while the answer for a new key (or a refetch) is on its way. */
  loading = $state(true);
  /** A change touched what the data depends on since it was fetched (lazy queries only). */
  stale = $state(false);
  private key: K | null = null;
  private keyText: string | null = null;
  /** Numbers every request: only the latest one may set data or error. */
  private seq = 0;
  private inflight: Promise<void> | null = null;
  private again = false;
  private controller: AbortController | null = null;

  constructor(private readonly opts: QueryOptions<K, T>) {}

  /**
   * Follows the key and the change events for as long as the calling component (or $effect.root)
   * lives. Following again (a view shown again) refreshes the same key in place.
   */
  follow(): void {
    $effect(() => {
      const key = this.opts.key() ?? null;
      untrack(() => void this.show(key));
    });
    $effect(() => (this.opts.feed ?? windowFeed).subscribe((c) => this.changed(c)));
  }

  /** The request count: an extra fetch started at one generation is stale once it differs. */
  get generation(): number {
    return this.seq;
  }

  /** The key the data belongs to (or is on its way for). */
  get current(): K | null {
    return this.key;
  }

  /** Shows `key`: a different key is fetched at once (older answers are dropped); the same key is refetched. */
  show(key: K | null): Promise<void> {
    const text = key === null ? null : JSON.stringify(key);
    if (text === this.keyText && key !== null) return this.refetch();
    this.key = key;
    this.keyText = text;
    this.opts.onKey?.(key);
    if (key === null) {
      this.seq++;
      this.controller?.abort();
      this.inflight = null;
      this.data = undefined;
      this.error = null;
      this.loading = false;
      return Promise.resolve();
    }
    return this.run();
  }

  /** The next key shown counts as new, even if it is the same (a view that starts from the top each time it is shown). */
  forget(): void {
    this.keyText = null;
  }

  /** Fetches the current key again; while a fetch is on its way, one more follows it (not one per call). */
  refetch(): Promise<void> {
    if (this.key === null) return Promise.resolve();
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    return this.run();
  }

  /** Fetches again now: an answer already on its way is dropped (it may predate a change made here). */
  reload(): Promise<void> {
    return this.key === null ? Promise.resolve() : this.run();
  }

  /**
   * After an edit made here, settles on an answer fetched since `since` (a `generation` read before
   * the edit): main's change event for the edit arrives before the edit's own answer and has already
   * started that fetch, so this waits for it; only when none started does it fetch. One fetch, not two.
   */
  settle(since: number): Promise<void> {
    if (this.seq > since) return this.inflight ?? Promise.resolve();
    return this.refetch();
  }

  /** Fetches when the data is stale (lazy queries: when it is about to be shown). */
  freshen(): Promise<void> {
    return this.stale ? this.refetch() : (this.inflight ?? Promise.resolve());
  }

  /** Replaces the shown data (a page that arrived, an edit made here); a later answer replaces it again. */
  set(data: T): void {
    this.data = data;
  }

  private changed(changes: readonly DataChange[]): void {
    if (this.key === null) return;
    const deps = typeof this.opts.on === 'function' ? this.opts.on(this.key, this.data) : this.opts.on;
    if (!touches(changes, deps)) return;
    if (this.opts.lazy) this.stale = true;
    else void this.refetch();
  }

  private run(): Promise<void> {
    const seq = ++this.seq;
    const key = this.key as K;
    this.again = false;
    this.stale = false;
    this.loading = true;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const done = (async () => {
      try {
        const value = await this.opts.fetch(key, controller.signal);
        if (seq !== this.seq) return;
        this.data = value;
        this.error = null;
        this.opts.onData?.(value, key);
      } catch (err) {
        if (seq !== this.seq) return;
        this.error = errorMessage(err);
      }
      if (seq !== this.seq) return;
      this.inflight = null;
      if (this.again) return this.run();
      this.loading = false;
    })();
    this.inflight = done;
    return done;
  }
}

/** A query that follows its key and changes while the calling component is mounted. */
export function query<K, T>(opts: QueryOptions<K, T>): Query<K, T> {
  const q = new Query(opts);
  q.follow();
  return q;
}

/** Waits `ms`, then throws if `signal` was aborted meanwhile (a debounce inside a fetch: superseded requests never call main). */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  signal.throwIfAborted();
}
