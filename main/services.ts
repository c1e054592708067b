// The whole backend as one plain object. Electron's shell, the CLI and the e2e harness all create
// it the same way, so every transport drives identical code.
import os from 'node:os';
import { openArchive, type Archive } from './archive';
import { createImportService, type ImportService } from './importers';
import { suggestClaims } from './extraction/suggest';
import { createCrossref, type Crossref } from './crossref';
import type { PrintPdf } from './reports/export';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { noEmit, type Emit } from './api/events';
import { createPathGrants, type PathGrants } from './api/path-grants';
import { notifyChanges } from './api/change-notifier';
import { APP_VERSION } from './version';

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
}


export interface Services {
  version: string;
  archive: Archive;
  imports: ImportService;
  crossref: Crossref;
  emit: Emit;
  /** Dropped files the renderer may import, by token (the shell's grant channel fills it). */
  pathGrants: PathGrants;
  options: ServicesOptions;
  handlers: Handlers;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const emit = opts.emit ?? noEmit;
  const log = opts.log ?? (() => {});
  const archive = await openArchive({ dir: opts.archiveDir, actor: opts.actor ?? defaultActor(), log, wasmPath: opts.wasmPath });
  const imports = createImportService({ archive, emit, extract: suggestClaims });
  notifyChanges(archive, emit); // every committed write tells the window which records changed
  const base = {
    version: APP_VERSION,
    archive,
    imports,
    crossref: createCrossref(archive),
    emit,
    pathGrants: createPathGrants(),
    options: opts,
    close: async () => {
      await imports.close();
      await archive.close();
    },
  };
  const handlers = createHandlers(base);
  return { ...base, handlers, dispatch: createDispatcher(handlers) };
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'researcher';
  } catch {
    return 'researcher';
  }
}
