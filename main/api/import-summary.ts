// How the import of a `.claimdesk` archive file reads, in the import panel and on the command line:
//   "colleague.claimdesk: merged 12 articles (3 already here), 40 claims, 9 entities"
import type { ArchiveImportResult } from './types';

const SHOWN = [
  ['articles', 'article', 'articles'],
  ['claims', 'claim', 'claims'],
  ['entities', 'entity', 'entities'],
] as const;

export function describeArchiveImport(result: ArchiveImportResult & { path: string }): string {
  const name = result.path.split(/[\\/]/).pop() ?? result.path;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const nothingNew = SHOWN.every(([kind]) => result.added[kind] === 0);
  if (result.mode === 'merged' && nothingNew) {
    return `${name}: nothing new (${SHOWN.map(([kind, one, many]) => count(result.present[kind], one, many)).join(', ')} already here)`;
  }
  const parts = SHOWN.map(([kind, one, many]) => {
    const present = result.present[kind];
    return `${count(result.added[kind], one, many)}${present ? ` (${present} already here)` : ''}`;
  });
  return `${name}: ${result.mode} ${parts.join(', ')}`;
}
