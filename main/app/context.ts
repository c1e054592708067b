// What every use case runs against: the archive, the capabilities and the session's options. The
// composition root (main/services.ts) builds it; the API handlers, the command line and the use
// cases in this folder take it (or a Pick of it), never the whole Services with its dispatch.
import type { Archive } from '../archive';
import type { ImportService } from '../importers';
import type { Crossref } from '../crossref';
import type { PrintPdf } from '../reports/export';
import type { Emit } from '../../shared/events';
import type { PathGrants } from './path-grants';
import type { TeamSync } from './team-sync';

export interface ServicesOptions {
  archiveDir: string;
  /** Who is recorded in history for changes made through these services. */
  actor?: string;
  emit?: Emit;
  log?: (message: string) => void;
  /** Folder with the app's bundled resources (models, samples). */
  resourcesDir?: string;
  /** sql.js' wasm file; the packaged app passes its unpacked copy (default: the sql.js package's). */
  wasmPath?: string;
  /** Prints report HTML to PDF: Electron's printToPDF in the app, Chromium via Playwright elsewhere. */
  printPdf?: PrintPdf;
  /** Asks the user for files to import (a native dialog in the app). */
  chooseFiles?: () => Promise<string[]>;
  /** Asks where to save an export; null when cancelled (a native dialog in the app). */
  chooseSavePath?: (opts: { defaultName: string; filterName: string; extensions: string[] }) => Promise<string | null>;
  /**
   * The session's folder for files handed to other programs (copies of stored originals). The shell
   * makes it in the system's temp folder and removes it when the app quits.
   */
  openDir?: string;
  /** Opens a file of `openDir` in the system's viewer (Electron's shell.openPath in the app). */
  openFile?: (file: string) => Promise<void>;
  /**
   * Encrypts a secret (the team password) with the system's keychain (Electron's safeStorage in the
   * app): the base64 blob may be stored on disk, the plain text never. Absent in Node (CLI, tests).
   */
  encryptSecret?: (plain: string) => Promise<string>;
  /** Decrypts a blob made by encryptSecret (same user, same computer). */
  decryptSecret?: (blob: string) => Promise<string>;
  /** Team sync in the background: start rounds on open if a team is set up and not paused (the app). */
  teamSyncAutoStart?: boolean;
  /** Milliseconds between background sync rounds (default 30 s). */
  teamSyncIntervalMs?: number;
}

export interface AppServices {
  version: string;
  archive: Archive;
  imports: ImportService;
  crossref: Crossref;
  emit: Emit;
  /** Dropped files the renderer may import, by token (the shell's grant channel fills it). */
  pathGrants: PathGrants;
  /** Team sync with a CouchDB server in the background (main/app/team-sync.ts). */
  teamSync: TeamSync;
  options: ServicesOptions;
  close(): Promise<void>;
}
