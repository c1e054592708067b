// Everything a user hands the app — dropped, chosen in File ▸ Import, opened from the file manager,
// or given to `claimdesk import` — goes through here: a `.claimdesk` archive file is restored into
// an empty archive or merged into one that holds work; everything else is imported as articles or
// claim lists. An archive file is read, parsed and checked in the import worker; only the checked
// document reaches this thread. Opened from the file manager (askBeforeMerge), a file that would
// merge into work waits for the user's yes (pending-merges.ts); dropped or chosen, it merges at once.
import { basename } from 'node:path';
import { toApiError } from '../../shared/errors';
import { plural } from '../../shared/plural';
import { describeArchiveImport } from '../../shared/import-summary';
import type { ImportSummary } from '../../shared/domain';
import { parseArchiveFile, type ImportJobOptions } from '../importers';
import { holdMerge, takePendingMerge } from './pending-merges';
import { importArchiveDoc } from '../archive/exchange';
import type { AppServices } from './context';

type OpenServices = Pick<AppServices, 'archive' | 'imports' | 'emit'>;

export interface OpenOptions extends ImportJobOptions {
  /** Files opened from the file manager: a merge into an archive that holds work waits for confirmMerge. */
  askBeforeMerge?: boolean;
}

export const ARCHIVE_FILE_EXTENSION = '.claimdesk';

export function isArchiveFile(path: string): boolean {
  return path.toLowerCase().endsWith(ARCHIVE_FILE_EXTENSION);
}

export async function openPaths(services: OpenServices, paths: string[], opts: OpenOptions = {}): Promise<ImportSummary> {
  const archives = paths.filter(isArchiveFile);
  const others = paths.filter((p) => !isArchiveFile(p));
  const summary: ImportSummary = others.length
    ? await services.imports.importPaths(others, opts)
    : { imported: 0, duplicates: 0, failed: [], articleIds: [] };
  for (const path of archives) await openArchiveFile(services, path, summary, opts);
  if (archives.length) services.emit('archive.changed', { kind: 'all' });
  return summary;
}

async function openArchiveFile(services: OpenServices, path: string, summary: ImportSummary, opts: OpenOptions): Promise<void> {
  try {
    const doc = await parseArchiveFile(path, { signal: opts.signal });
    if (opts.askBeforeMerge && !services.archive.restore.isEmpty()) {
      (summary.pendingMerges ??= []).push(holdMerge(services.archive, path, doc));
      return;
    }
    const result = await importArchiveDoc(services.archive, doc, basename(path));
    summary.imported += result.added.articles;
    (summary.archives ??= []).push({ path, ...result });
  } catch (err) {
    summary.failed.push({ path, error: `${basename(path)}: ${toApiError(err).message}` });
  }
}

/** The user said yes to a waiting file: it is read, checked and merged now, as if it had been dropped. */
export async function confirmMerge(services: OpenServices, id: number, opts: ImportJobOptions = {}): Promise<ImportSummary> {
  return openPaths(services, [takePendingMerge(services.archive, id).path], opts);
}

/**
 * What to tell the user after files were opened from the file manager (no import panel is on screen
 * then): what came in, archive merges included, and every failure with its reason. Null when nothing
 * happened worth a message.
 */
export function openedFilesMessage(summary: ImportSummary): { type: 'info' | 'warning'; message: string; detail: string } | null {
  const lines = (summary.archives ?? []).map(describeArchiveImport);
  const articles = summary.imported - (summary.archives ?? []).reduce((n, a) => n + a.added.articles, 0);
  if (articles > 0) lines.unshift(`${plural(articles, 'article')} imported`);
  if (summary.duplicates > 0) lines.push(`${summary.duplicates} already in the archive, skipped`);
  if (summary.failed.length) {
    return {
      type: 'warning',
      message: 'Some files could not be opened',
      detail: [...summary.failed.map((f) => `${f.path}: ${f.error}`), ...lines].join('\n'),
    };
  }
  return lines.length ? { type: 'info', message: 'Files opened', detail: lines.join('\n') } : null;
}
