// The `.claimdesk` file: the archive's own exchange format. A whole archive (or the claims a search
// or report selects, with everything they point to) as versioned JSON; read back by restoring into an
// empty archive or merging into one that holds work (repos/restore.ts, repos/merge.ts).
//   format.ts  the zod schema of the file, checked whole before anything is written
//   limits.ts  how much one file may hold, and how a refused file is explained
//   export.ts  archive -> document
//   import.ts  document -> archive (restore or merge, one transaction)
export { exportArchiveJson, renderArchiveJson, type ArchiveExportOptions } from './export';
export {
  parseArchiveJson,
  parseArchiveBytes,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveJson,
  type ArchiveJsonInput,
} from './format';
export { ARCHIVE_LIMITS, checkArchiveSize, type ArchiveLimits } from './limits';
export { importArchiveJson, importArchiveDoc, type ArchiveImportResult } from './import';
