// Fine-grained change events, as Zotero's notifier sends them: the archive collects the rows each
// transaction touches (SQLite's update hook, plus the tables of statements that changed rows without
// a rowid), and once the transaction has committed this sends one 'data.changed' event saying which
// kinds of record, and which of them, changed. The renderer refetches only what depends on them.
import type { StoreChange } from '../archive';
import { CHANGE_TYPES, noEmit, type ChangeType, type DataChange, type Emit } from '../../shared/events';

/** Which kind of record a table's rows belong to; `rowIsId`: a rowid of this table is that record's id. */
const TABLES: Record<string, { type: ChangeType; rowIsId: boolean }> = {
  article: { type: 'article', rowIsId: true },
  claim: { type: 'claim', rowIsId: true },
  claim_tag: { type: 'claim', rowIsId: false },
  entity: { type: 'entity', rowIsId: true },
  entity_name: { type: 'entity', rowIsId: false },
  claim_link: { type: 'link', rowIsId: true },
  evidence: { type: 'evidence', rowIsId: true },
  history: { type: 'history', rowIsId: true },
  suggestion: { type: 'suggestion', rowIsId: true },
  collection: { type: 'collection', rowIsId: true },
  collection_claim: { type: 'collection', rowIsId: false },
  collection_article: { type: 'collection', rowIsId: false },
  saved_search: { type: 'savedSearch', rowIsId: true },
  archive_merge: { type: 'merge', rowIsId: true },
  archive_merge_row: { type: 'merge', rowIsId: false },
  highlight: { type: 'highlight', rowIsId: true },
};

/** Past this many ids of one type (a big merge or import), the event says "any" instead of listing them. */
export const MAX_IDS_PER_CHANGE = 1000;

/** Claims and entities both change when a claim's people and places do. */
const ALSO: Record<string, ChangeType[]> = { claim_entity: ['claim', 'entity'] };

/** The change events for one committed transaction (or reload); empty when no record kind changed. */
export function dataChanges(change: StoreChange): DataChange[] {
  if (change.type === 'reset') return CHANGE_TYPES.map((type) => ({ type, ids: null }));
  const byType = new Map<ChangeType, Set<number> | null>();
  const add = (type: ChangeType, ids: Iterable<number> | null) => {
    const known = byType.get(type);
    if (known === null) return;
    if (ids === null) return void byType.set(type, null);
    const set = known ?? new Set<number>();
    for (const id of ids) set.add(id);
    byType.set(type, set);
  };
  for (const [table, rowids] of change.tables) {
    const t = TABLES[table];
    if (t) add(t.type, t.rowIsId && rowids.size > 0 ? rowids : null);
    for (const type of ALSO[table] ?? []) add(type, null);
  }
  return [...byType].map(([type, ids]) => ({ type, ids: ids && ids.size <= MAX_IDS_PER_CHANGE ? [...ids].sort((a, b) => a - b) : null }));
}

/** Sends one 'data.changed' event after every committed transaction; returns the unsubscribe. */
export function notifyChanges(archive: { onChange(listener: (change: StoreChange) => void): () => void }, emit: Emit): () => void {
  if (emit === noEmit) return () => {}; // nobody listens (the command line)
  return archive.onChange((change) => {
    const changes = dataChanges(change);
    if (changes.length) emit('data.changed', changes);
  });
}
