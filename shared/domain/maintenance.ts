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
  /**
   * How the database file is held in this process's memory: `roomBytes`, the buffer it grows into in
   * place (unwritten room costs no memory; null: sql.js's own buffer, which it copies whole into a
   * larger one each time the file outgrows it); `copies`, whole copies made of the file since the
   * archive was opened (a snapshot that had to export it, a write that outgrew the room).
   */
  memory: { roomBytes: number | null; copies: number };
  counts: { articles: number; claims: number; entities: number };
}
