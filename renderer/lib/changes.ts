// What changed in the archive, as main reports it after each committed transaction ('data.changed':
// {type, ids}), fanned out to the queries on screen. A query names what it depends on; only a change
// to that refetches it. 'archive.changed' (another archive opened, files waiting to merge, a restore)
// counts as every kind of record having changed.
import { CHANGE_TYPES, type ChangeType, type DataChange } from '../../shared/events';
import type { ClaimdeskBridge } from '../../main/api/contract';

export type { ChangeType, DataChange };

/** What a query depends on: every record of a type, or some records of it. */
export type Dependency = ChangeType | { type: ChangeType; ids: readonly number[] };

/** Whether any of `changes` touches what `deps` names (a change with ids null touches every record of its type). */
export function touches(changes: readonly DataChange[], deps: readonly Dependency[]): boolean {
  return changes.some((c) =>
    deps.some((d) =>
      typeof d === 'string' ? d === c.type : d.type === c.type && (c.ids === null || d.ids.some((id) => c.ids!.includes(id))),
    ),
  );
}

export type ChangeListener = (changes: readonly DataChange[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  /** Calls `listener` with every batch of changes; returns the function that stops it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  publish(changes: readonly DataChange[]): void {
    for (const listener of [...this.listeners]) listener(changes);
  }

  /** Every kind of record may have changed. */
  publishAll(): void {
    this.publish(CHANGE_TYPES.map((type) => ({ type, ids: null })));
  }

  /** Follows main's events; returns the function that stops. */
  connect(bridge: Pick<ClaimdeskBridge, 'on'>): () => void {
    const offData = bridge.on('data.changed', (changes) => this.publish(changes));
    const offArchive = bridge.on('archive.changed', () => this.publishAll());
    return () => {
      offData();
      offArchive();
    };
  }
}

/** The window's feed (App connects it to main's events). */
export const changes = new ChangeFeed();
