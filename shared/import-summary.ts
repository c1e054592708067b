// How the import of a `.claimdesk` archive file reads, in the import panel and on the command line:
//   "colleague.claimdesk: merged 12 articles (3 already here), 40 claims, 9 entities"
// and what undoing such a merge removes: "1 article, 1 claim, 1 entity, 2 history entries".
import { plural } from './plural';
import type { ArchiveImportResult, ArchiveRecordCounts } from './domain';

const SHOWN = [
  ['articles', 'article', 'articles'],
  ['claims', 'claim', 'claims'],
  ['entities', 'entity', 'entities'],
] as const;

const ALL: readonly (readonly [keyof ArchiveRecordCounts, string, string])[] = [
  ...SHOWN,
  ['links', 'link', 'links'],
  ['evidence', 'evidence item', 'evidence items'],
  ['history', 'history entry', 'history entries'],
  ['collections', 'collection', 'collections'],
  ['savedSearches', 'saved search', 'saved searches'],
];

const count = (n: number, one: string, many: string) => plural(n, one, many);
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Whether the import added any record at all. */
const addedAnything = (result: ArchiveImportResult) => Object.values(result.added).some((n) => n > 0);

export function describeArchiveImport(result: ArchiveImportResult & { path: string }): string {
  const name = fileName(result.path);
  if (result.mode === 'merged' && !addedAnything(result)) {
    return `${name}: nothing new (${SHOWN.map(([kind, one, many]) => count(result.present[kind], one, many)).join(', ')} already here)`;
  }
  const parts = SHOWN.map(([kind, one, many]) => {
    const present = result.present[kind];
    return `${count(result.added[kind], one, many)}${present ? ` (${present} already here)` : ''}`;
  });
  // Links, evidence, collections and saved searches are named only when some came in; history
  // entries go with the claims and are not listed.
  const extra = ALL.slice(SHOWN.length)
    .filter(([kind]) => kind !== 'history' && result.added[kind] > 0)
    .map(([kind, one, many]) => count(result.added[kind], one, many));
  return `${name}: ${result.mode} ${[...parts, ...extra].join(', ')}`;
}

/** Every kind of record with a count, e.g. "1 article, 2 history entries"; "nothing" when all are 0. */
export function describeRecordCounts(counts: ArchiveRecordCounts): string {
  const parts = ALL.filter(([kind]) => counts[kind] > 0).map(([kind, one, many]) => count(counts[kind], one, many));
  return parts.length ? parts.join(', ') : 'nothing';
}

/** A merge that can be undone: it added something (one that added nothing has nothing to take back). */
export function isUndoableMerge<R extends ArchiveImportResult>(result: R): result is R & { mergeId: number } {
  return result.mode === 'merged' && result.mergeId !== undefined && addedAnything(result);
}

/** The import line once its merge is undone: "colleague.claimdesk: merge undone, removed 1 article, 1 claim". */
export function describeMergeUndone(path: string, removed: ArchiveRecordCounts): string {
  return `${fileName(path)}: merge undone, removed ${describeRecordCounts(removed)}`;
}
