// Import of a JSON archive export (a `.claimdesk` file). Into an empty archive every record is
// restored verbatim (same ids, timestamps and history), so exporting the result gives the same
// document again; into an archive that already holds work the records are merged (see
// archive/repos/merge.ts). Either way all or nothing, in one durable archive transaction: a bad
// record leaves the archive exactly as it was.
import { noRecords, type Archive } from '../archive';
import type { ArchiveImportResult } from '../api/types';
import { parseArchiveJson } from './archive-format';

export type { ArchiveImportResult };

/** `source`: the file's name, kept with a merge so its undo can name it. */
export async function importArchiveJson(archive: Archive, json: string, source: string | null = null): Promise<ArchiveImportResult> {
  const doc = parseArchiveJson(json);
  // Decided inside the transaction, so nothing can be written between the check and the import.
  return archive.transaction((tx): ArchiveImportResult =>
    tx.restore.isEmpty() ? { mode: 'restored', added: tx.restore.records(doc), present: noRecords() } : tx.merge.records(doc, source),
  );
}
