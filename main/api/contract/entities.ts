// Entity upkeep behind the entity pages: one entity, extra names for it, folding duplicates together and splitting them apart again.
import { z } from 'zod';
import { method } from './define';
import { Id, type Entity, type EntityUnmergeResult, type MergedEntity } from '../../../shared/domain';

const Alias = z.string().trim().min(1, 'an alias needs at least one character').max(300);

export const entitiesContract = {
  'entities.get': method<Entity>()(z.tuple([Id])),
  /** Another name for the entity; fails with CONFLICT when that name already belongs to another one. */
  'entities.addAlias': method<Entity>()(z.tuple([Id, Alias])),
  /** Folds the second entity into the first: its names become aliases, its claims move over. Undone by entities.unmerge. */
  'entities.merge': method<Entity>()(z.tuple([Id, Id])),
  /**
   * Splits a merged entity back out: its own names and claim links (roles included) return to it;
   * the kept entity keeps only what it had before and what it gained since. NOT_FOUND for no such
   * entity; CONFLICT when it is not merged, the kept one was merged away since, or a name now names another.
   */
  'entities.unmerge': method<EntityUnmergeResult>()(z.tuple([Id])),
  /** The entities merged into this one, most recent first (each can be split back out). */
  'entities.mergedFrom': method<MergedEntity[]>()(z.tuple([Id])),
} as const;
