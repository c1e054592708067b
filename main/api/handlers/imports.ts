// Handlers of the import methods (main/api/contract/imports.ts).
import { AppError } from '../../../shared/errors';
import { openPaths } from '../../app/open-paths';
import type { importsContract } from '../contract/imports';
import type { HandlersOf, ServiceBase } from './types';

export function importsHandlers(
  s: ServiceBase<'archive' | 'emit' | 'imports' | 'options' | 'pathGrants'>,
): HandlersOf<typeof importsContract> {
  return {
    'import.files': (tokens, jobId) => openPaths(s, s.pathGrants.redeem(tokens), { jobId }),
    'import.choose': async (jobId) => {
      if (!s.options.chooseFiles)
        throw new AppError(
          'FORBIDDEN',
          'There is no file chooser without the app window: give the files to import (claimdesk import PATH…).',
        );
      const paths = await s.options.chooseFiles();
      return paths.length ? openPaths(s, paths, { jobId }) : null;
    },
    'import.cancel': (jobId) => s.imports.cancel(jobId),
    'archive.undoMerge': async (mergeId) => {
      const result = await s.archive.merge.undo(mergeId);
      s.emit('archive.changed', { kind: 'all' });
      return result;
    },
  };
}
