// Entities (migrations 001, 003): people, organisations, places; every name they are known by; their
// roles in claims.
import { EntityType, Id, type Entity, type MergedEntity } from '../../../shared/domain';
import { Name, Stamp } from './file-fields';
import { defineTable, type Assert, type FieldNames, type RecordFields, type Same } from './table';

const moved = { via: 'mergedEntities[].names and .links' } as const;

export const ENTITY = defineTable('entity', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  name: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Name },
  type: { type: 'TEXT', notNull: true, record: true, tracked: true, file: EntityType },
  /** Set on an entity merged into another (repos/entity-merges.ts); such a row is not live. */
  merged_into: { type: 'INTEGER', field: 'mergedInto', tracked: true, file: Id },
  merged_at: { type: 'TEXT', field: 'mergedAt', file: Stamp },
  /** JSON: the names and claim links the merge moved (MergeMoves). */
  merge_record: { type: 'TEXT', field: 'record', json: 'value', file: moved },
});

/** The fields of a live entity's record in the file, and of a merged one's (`mergedEntities`). */
export const ENTITY_FILE_FIELDS = ['id', 'name', 'type'] as const;
export const MERGED_ENTITY_FILE_FIELDS = ['id', 'name', 'type', 'mergedInto', 'mergedAt'] as const;

/** Every name of an entity (main name and aliases), normalised for lookup. */
export const ENTITY_NAME = defineTable('entity_name', {
  norm: { type: 'TEXT', notNull: true, pk: 1, file: { via: 'entities[].name and .aliases' } },
  type: { type: 'TEXT', notNull: true, pk: 2, file: { via: 'entities[].type' } },
  entity_id: { type: 'INTEGER', notNull: true, file: { via: 'entities[].id' } },
  name: { type: 'TEXT', notNull: true, file: { via: 'entities[].name and .aliases' } },
});

export const CLAIM_ENTITY = defineTable('claim_entity', {
  claim_id: { type: 'INTEGER', notNull: true, pk: 1, file: { via: 'claims[].entities' } },
  entity_id: { type: 'INTEGER', notNull: true, pk: 2, file: { via: 'claims[].entities[].entityId' } },
  role: { type: 'TEXT', notNull: true, pk: 3, file: { via: 'claims[].entities[].role' } },
});

export type EntitySchemaChecks = [
  // aliases: the entity's other rows in entity_name
  Assert<Same<RecordFields<typeof ENTITY> | 'aliases', keyof Entity>>,
  Assert<Same<Exclude<FieldNames<typeof ENTITY>, 'record'>, keyof MergedEntity>>,
  Assert<Same<(typeof MERGED_ENTITY_FILE_FIELDS)[number], keyof MergedEntity>>,
];
