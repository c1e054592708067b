// Archive maintenance: the verified backups, restoring one (or recovering without one) when the
// archive is damaged, and trying again after a full disk.
import { z } from 'zod';
import { method } from './define';
import type { ArchiveInfo, BackupInfo } from '../../../shared/domain';

/** A backup is named by the archive (archive-<timestamp>.db); never a path. */
const BackupName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.-]+$/, 'a backup name, not a path');

export const maintenanceContract = {
  /** The archive's verified backups, newest first. */
  'archive.backups': method<BackupInfo[]>()(z.tuple([])),
  /** Replaces the archive with a backup (the current files are kept aside); answers the archive's new state. */
  'archive.restoreBackup': method<ArchiveInfo>()(z.tuple([BackupName])),
  /** Rebuilds a damaged archive from its own files (the intact archive file, or with no backup the journal) plus every readable journaled change. */
  'archive.recoverJournal': method<ArchiveInfo>()(z.tuple([])),
  /** After a full disk: checks for room again and resumes writing if there is; answers the archive's state. */
  'archive.tryAgain': method<ArchiveInfo>()(z.tuple([])),
} as const;
