// Handlers of the waiting archive merges (main/api/contract/merges.ts).
import { confirmMerge } from '../../app/open-paths';
import { listPendingMerges, takePendingMerge } from '../../app/pending-merges';
import type { mergesContract } from '../contract/merges';
import type { HandlersOf, ServiceBase } from './types';

export function mergesHandlers(s: ServiceBase<'archive' | 'emit' | 'imports'>): HandlersOf<typeof mergesContract> {
  return {
    'archive.pendingMerges': () => listPendingMerges(s.archive),
    'archive.confirmMerge': (id) => confirmMerge(s, id),
    'archive.dismissMerge': (id) => {
      takePendingMerge(s.archive, id);
    },
  };
}
