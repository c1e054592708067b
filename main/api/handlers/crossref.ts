// Handlers of the cross-referencing methods (main/api/contract/crossref.ts).
import type { crossrefContract } from '../contract/crossref';
import type { HandlersOf, ServiceBase } from './types';

export function crossrefHandlers({ crossref }: ServiceBase<'crossref'>): HandlersOf<typeof crossrefContract> {
  return {
    'crossref.similar': (target, options) => crossref.similar(target, options),
    'crossref.search': (query, options) => crossref.search(query, options),
    'crossref.cluster': (id) => crossref.clusterOf(id),
    'crossref.independence': (id) => crossref.independence(id),
    'crossref.entityProfile': (id) => crossref.entityProfile(id),
    'crossref.stanceMatrix': (q) => crossref.stanceMatrix(q),
    'crossref.timeline': (q) => crossref.timeline(q),
  };
}
