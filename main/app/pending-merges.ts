// `.claimdesk` files opened from the file manager that would merge into an archive holding work wait
// here for the user's yes (archive.confirmMerge) or no (archive.discardMerge). Only the path and the
// file's record counts are kept: on yes the file is read and checked again, as if it had been dropped.
import { AppError } from '../../shared/errors';
import type { ArchiveRecordCounts, PendingMerge } from '../../shared/domain';
import type { ArchiveJson } from '../archive/exchange';

/** Per archive (the app has one; tests and the e2e harness make many). */
const waiting = new WeakMap<object, Map<number, PendingMerge>>();
let nextId = 1;

function registry(archive: object): Map<number, PendingMerge> {
  let merges = waiting.get(archive);
  if (!merges) waiting.set(archive, (merges = new Map()));
  return merges;
}

export function recordCounts(doc: ArchiveJson): ArchiveRecordCounts {
  const { articles, claims, entities, links, evidence, history, collections, savedSearches } = doc;
  const n = (rows: unknown[]) => rows.length;
  return {
    articles: n(articles),
    claims: n(claims),
    entities: n(entities),
    links: n(links),
    evidence: n(evidence),
    history: n(history),
    collections: n(collections),
    savedSearches: n(savedSearches),
  };
}

/** Holds a checked file for confirmation; the same file opened twice waits once. */
export function holdMerge(archive: object, path: string, doc: ArchiveJson): PendingMerge {
  const merges = registry(archive);
  for (const m of merges.values()) if (m.path === path) merges.delete(m.id);
  const pending: PendingMerge = { id: nextId++, path, records: recordCounts(doc) };
  merges.set(pending.id, pending);
  return pending;
}

/** The files waiting, oldest first. */
export function listPendingMerges(archive: object): PendingMerge[] {
  return [...registry(archive).values()];
}

/** Takes a waiting file out (to merge it or drop it); NOT_FOUND when it is not waiting (any more). */
export function takePendingMerge(archive: object, id: number): PendingMerge {
  const merges = registry(archive);
  const pending = merges.get(id);
  if (!pending) throw new AppError('NOT_FOUND', `No archive file waits for a merge with id ${id}: it was merged or dismissed already.`);
  merges.delete(id);
  return pending;
}
