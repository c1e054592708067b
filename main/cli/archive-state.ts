// Opening the archive a command names, and saying so when it opened read-only. When the archive
// file could not be loaded at all the engine shows an empty stand-in: reads then fail instead of
// printing "no claims", which a script could not tell from an archive that holds none.
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ArchiveInfo } from '../../shared/domain';
import { createServices, type Services } from '../services';
import type { CliIo } from './io';

/** Opens the archive in dir; states a read-only archive on stderr and refuses one with nothing loaded. */
export async function openArchiveForCli(dir: string, io: CliIo): Promise<Services> {
  // The engine logs "Archive opened read-only: …" as it opens; the CLI states that line itself below.
  const log = (m: string) => (m.startsWith('Archive opened read-only: ') ? undefined : io.err(m));
  const services = await createServices({ archiveDir: resolve(dir), log });
  try {
    reportReadOnly(services.archive.info(), io);
  } catch (err) {
    await services.close();
    throw err;
  }
  return services;
}

function reportReadOnly(info: ArchiveInfo, io: CliIo): void {
  if (!info.readOnly) return;
  io.err(`Archive is read-only: ${info.readOnlyReason}`);
  if (info.contents === 'none')
    throw new AppError(
      'READ_ONLY',
      'the archive’s contents could not be loaded, so nothing can be read from it or written to it (an empty archive is not shown instead). Restore a backup in the Claimdesk app.',
    );
  if (info.contents === 'partial')
    io.err('Only the changes made before the damage could be read: later work is missing from what follows.');
}

/**
 * An export of part of a damaged archive never silently replaces an existing file (perhaps a full
 * earlier export): it needs --force.
 */
export function checkOverwrite(info: ArchiveInfo, exists: boolean, out: string, force: boolean): void {
  if (info.contents === 'complete' || !exists || force) return;
  throw new AppError(
    'CONFLICT',
    `not overwriting ${out}: the archive could be read only in part, so the export would hold less than the archive does. Write to a new file, or pass --force to replace it anyway.`,
  );
}
