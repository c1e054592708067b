// The archive as a whole: its state and its backups.

export interface BackupInfo {
  name: string;
  at: string;
  sizeBytes: number;
}
export interface ArchiveInfo {
  dir: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Why the archive is read-only, when it is. */
  readOnlyReason: string | null;
  /** Read-only only because the disk is full: `archive.tryAgain` resumes once there is room. */
  diskFull: boolean;
  /** What the last restore or recovery did (which base, changes replayed or missing, files kept). */
  recovery: string | null;
  /**
   * How much of what is on disk is shown: 'partial' when journal damage hides later changes, 'none'
   * when the archive file could not be loaded (an empty stand-in is shown).
   */
  contents: 'complete' | 'partial' | 'none';
  sizeBytes: number;
  budgetBytes: number;
  counts: { articles: number; claims: number; entities: number };
}
