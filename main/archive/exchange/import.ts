// Import of a JSON archive export (a `.claimdesk` file). Into an empty archive every record is
// restored verbatim (same ids, timestamps and history), so exporting the result gives the same
// document again; into an archive that already holds work the records are merged (see
// repos/merge.ts). Either way all or nothing, in one durable archive transaction: a bad
// record leaves the archive exactly as it was. The app parses and checks files in the import worker
// (importArchiveDoc takes the checked document); importArchiveJson parses here, for tests and tools.
import { noRecords, type Archive } from '../index';
import type { ArchiveImportResult } from '../../../shared/domain';
import { parseArchiveJson, type ArchiveJson } from './format';

export type { ArchiveImportResult };

/** `source`: the file's name, kept with a merge so its undo can name it. */
export async function importArchiveJson(archive: Archive, json: string, source: string | null = null): Promise<ArchiveImportResult> {
  return importArchiveDoc(archive, parseArchiveJson(json), source);
}

/** Restores or merges a document parsed and checked by parseArchiveJson / parseArchiveBytes. */
export async function importArchiveDoc(archive: Archive, doc: ArchiveJson, source: string | null = null): Promise<ArchiveImportResult> {
  // Decided inside the transaction, so nothing can be written between the check and the import.
  return archive.transaction((tx): ArchiveImportResult =>
    tx.restore.isEmpty() ? { mode: 'restored', added: tx.restore.records(doc), present: noRecords() } : tx.merge.records(doc, source),
  );
}
