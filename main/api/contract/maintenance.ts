// Archive maintenance: the verified backups, and restoring one when the archive is damaged.
import { z } from 'zod';
import { method } from './define';
import type { ArchiveInfo, BackupInfo } from '../types';

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
} as const;
