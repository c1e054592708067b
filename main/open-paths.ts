// Everything a user hands the app — dropped, chosen in File ▸ Import, opened from the file manager,
// or given to `claimdesk import` — goes through here: a `.claimdesk` archive file is restored into
// an empty archive or merged into one that holds work; everything else is imported as articles or
// claim lists.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { toApiError } from './api/errors';
import type { ImportSummary } from './api/types';
import { importArchiveJson } from './reports';
import type { Services } from './services';

export const ARCHIVE_FILE_EXTENSION = '.claimdesk';

export function isArchiveFile(path: string): boolean {
  return path.toLowerCase().endsWith(ARCHIVE_FILE_EXTENSION);
}

export async function openPaths(
  services: Pick<Services, 'archive' | 'imports' | 'emit'>,
  paths: string[],
  opts: { jobId?: string; signal?: AbortSignal } = {},
): Promise<ImportSummary> {
  const archives = paths.filter(isArchiveFile);
  const others = paths.filter((p) => !isArchiveFile(p));
  const summary: ImportSummary = others.length
    ? await services.imports.importPaths(others, opts)
    : { imported: 0, duplicates: 0, failed: [], articleIds: [] };
  for (const path of archives) {
    try {
      const result = await importArchiveJson(services.archive, await readFile(path, 'utf8'));
      summary.imported += result.added.articles;
      (summary.archives ??= []).push({ path, ...result });
    } catch (err) {
      summary.failed.push({ path, error: `${basename(path)}: ${toApiError(err).message}` });
    }
  }
  if (archives.length) services.emit('archive.changed', { kind: 'all' });
  return summary;
}
