// Handlers of the entity upkeep methods (main/api/contract/entities.ts).
import type { entitiesContract } from '../contract/entities';
import type { HandlersOf, ServiceBase } from './types';

export function entitiesHandlers({ archive }: ServiceBase<'archive'>): HandlersOf<typeof entitiesContract> {
  return {
    'entities.get': (id) => archive.entities.get(id),
    'entities.addAlias': (id, alias) => archive.entities.addAlias(id, alias),
    'entities.merge': (keepId, mergeId) => archive.entities.merge(keepId, mergeId),
    'entities.unmerge': (mergedId) => archive.entities.unmerge(mergedId),
    'entities.mergedFrom': (id) => archive.entities.mergedFrom(id),
  };
}
