// Entity upkeep behind the entity pages: one entity, extra names for it, and folding duplicates together.
import { z } from 'zod';
import { method } from './define';
import { Id, type Entity } from '../types';

const Alias = z.string().trim().min(1, 'an alias needs at least one character').max(300);

export const entitiesContract = {
  'entities.get': method<Entity>()(z.tuple([Id])),
  /** Another name for the entity; fails with CONFLICT when that name already belongs to another one. */
  'entities.addAlias': method<Entity>()(z.tuple([Id, Alias])),
  /** Folds the second entity into the first: its names become aliases, its claims move over. */
  'entities.merge': method<Entity>()(z.tuple([Id, Id])),
} as const;
