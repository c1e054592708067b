// Entities (people, organisations, places) and their links to claims.
import { z } from 'zod';
import { Id } from './core';

export const EntityType = z.enum(['person', 'organisation', 'place', 'other']);
export type EntityType = z.infer<typeof EntityType>;
export const EntityRole = z.enum(['claimant', 'subject', 'mentioned']);
export type EntityRole = z.infer<typeof EntityRole>;
export interface Entity {
  id: number;
  name: string;
  type: EntityType;
  aliases: string[];
}
/** An entity folded into another by entities.merge: kept, not live, until entities.unmerge splits it back out. */
export interface MergedEntity {
  id: number;
  name: string;
  type: EntityType;
  mergedInto: number;
  mergedAt: string;
}
/** What entities.unmerge did: the entity split back out, and the one it had been merged into. */
export interface EntityUnmergeResult {
  restored: Entity;
  kept: Entity;
}
/** The entity to link to a claim: an existing one by id, or a name (found through names and aliases of that type, else created). */
export const EntityTarget = z.union([
  z.object({ entityId: Id }).strict(),
  z.object({ name: z.string().trim().min(1, 'an entity name needs at least one character').max(300), type: EntityType }).strict(),
]);
export type EntityTarget = z.infer<typeof EntityTarget>;
/** An entity as linked to one claim, in one role. */
export type ClaimEntity = Entity & { role: EntityRole };
/** What claims.linkEntity did: the entity linked, and whether it had to be created. */
export interface EntityLinkResult {
  entity: Entity;
  role: EntityRole;
  created: boolean;
}
