// Import: files and folders dropped on the window or chosen in File ▸ Import.
import { z } from 'zod';
import { method } from './define';
import { Id, type ArchiveMergeUndoResult, type ImportSummary } from '../../../shared/domain';

/** What main handed out for a dropped file or folder (main/api/path-grants.ts); never a path. */
const FileToken = z.string().min(1).max(4_096);

export const importsContract = {
  /**
   * Imports the dropped files and folders behind tokens from the bridge's grantFiles (folders recurse);
   * FORBIDDEN for anything else, paths included. Progress arrives as import.progress events.
   */
  'import.files': method<ImportSummary>()(z.tuple([z.array(FileToken).min(1).max(10_000), z.string().max(100).optional()])),
  /** Shows the native file chooser, then imports what the user picked (null when cancelled). */
  'import.choose': method<ImportSummary | null>()(z.tuple([z.string().max(100).optional()])),
  /** Cancels the rest of a running import job; files already imported stay. */
  'import.cancel': method<boolean>()(z.tuple([z.string().max(100)])),
  /**
   * Takes back exactly what a `.claimdesk` merge added (its ImportSummary archive's mergeId); CONFLICT,
   * with nothing written, if any of it changed since or the merge was already undone.
   */
  'archive.undoMerge': method<ArchiveMergeUndoResult>()(z.tuple([Id])),
} as const;
