// Import of a JSON archive export into a new, empty archive: every record restored verbatim (same
// ids, timestamps and history), all or nothing in one durable archive transaction, so a bad record
// leaves the archive exactly as it was and exporting the result gives the same document again.
import type { Archive, RestoreCounts } from '../archive';
import { parseArchiveJson } from './archive-format';

/** How many records of each kind were restored. */
export type ArchiveImportResult = RestoreCounts;

export async function importArchiveJson(archive: Archive, json: string): Promise<ArchiveImportResult> {
  const doc = parseArchiveJson(json);
  // Checked before the (possibly large) transaction too, so a wrong target fails fast.
  archive.restore.assertEmpty();
  return archive.transaction((tx) => tx.restore.records(doc));
}
