// The whole backend as one plain object. Electron's shell, the CLI and the e2e harness all create
// it the same way, so every transport drives identical code.
import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive } from './archive';
import { createImportService, importWorkers } from './importers';
import { suggestClaims } from './extraction/suggest';
import { createCrossref } from './crossref';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatch';
import { createHandlers } from './api/handlers';
import { noEmit } from '../shared/events';
import { createPathGrants } from './app/path-grants';
import type { AppServices, ServicesOptions } from './app/context';
import { notifyChanges } from './api/change-notifier';
import { createTeamSync } from './app/team-sync';
import { backfillPageStarts } from './app/page-backfill';
import { APP_VERSION } from './version';

export type { AppServices, ServicesOptions } from './app/context';

/** The use cases' services plus the API built over them (what the shell and the harness call). */
export interface Services extends AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
}

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const emit = opts.emit ?? noEmit;
  const log = opts.log ?? (() => {});
  const archive = await openArchive({ dir: opts.archiveDir, actor: opts.actor ?? defaultActor(), log, wasmPath: opts.wasmPath });
  const archiveFile = path.join(opts.archiveDir, 'archive.db');
  const imports = createImportService({ archive, emit, extract: suggestClaims, concurrency: () => importWorkers(fileSize(archiveFile)) });
  notifyChanges(archive, emit); // every committed write tells the window which records changed
  const teamSync = createTeamSync({
    archive,
    archiveDir: opts.archiveDir,
    emit,
    log,
    intervalMs: opts.teamSyncIntervalMs,
    encryptSecret: opts.encryptSecret,
    decryptSecret: opts.decryptSecret,
  });
  await teamSync.load({ autoStart: opts.teamSyncAutoStart });
  // PDFs imported before page numbers were kept get them from their originals, in the background.
  const pages = backfillPageStarts({ archive, options: opts }, log);
  const base: AppServices = {
    version: APP_VERSION,
    archive,
    imports,
    crossref: createCrossref(archive),
    emit,
    pathGrants: createPathGrants(),
    teamSync,
    options: opts,
    close: async () => {
      await pages.stop();
      await teamSync.close();
      await imports.close();
      await archive.close();
    },
  };
  const handlers = createHandlers(base);
  return { ...base, handlers, dispatch: createDispatcher(handlers) };
}

/** The archive file's size on disk (its last snapshot), 0 when there is none yet. */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'researcher';
  } catch {
    return 'researcher';
  }
}
