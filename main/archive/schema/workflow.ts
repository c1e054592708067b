// The review workflow (migration 002): extraction suggestions, saved searches, collections.
import { ClaimQuery, Id, type Collection, type SavedSearch, type Suggestion } from '../../../shared/domain';
import { Name, Stamp } from './file-fields';
import { defineTable, type Assert, type RecordFields, type Same } from './table';

export const SUGGESTION = defineTable(
  'suggestion',
  {
    id: { type: 'INTEGER', pk: 1, record: true },
    article_id: { type: 'INTEGER', notNull: true, field: 'articleId', record: true },
    /** The proposed claim (NewClaim). */
    payload: { type: 'TEXT', notNull: true, json: 'object', record: true },
    state: { type: 'TEXT', notNull: true, sqlDefault: "'pending'", record: true },
    claim_id: { type: 'INTEGER', field: 'claimId', record: true },
    created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true },
    decided_at: { type: 'TEXT', field: 'decidedAt', record: true },
  },
  { local: "review of this archive's own imports: the claims accepted from them travel, the proposals do not" },
);

export const SAVED_SEARCH = defineTable('saved_search', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  name: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Name },
  query: { type: 'TEXT', notNull: true, json: 'object', record: true, tracked: true, file: ClaimQuery },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
  updated_at: { type: 'TEXT', notNull: true, field: 'updatedAt', record: true, tracked: true, file: Stamp },
});

export const COLLECTION = defineTable('collection', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  name: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Name },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
});

export const COLLECTION_CLAIM = defineTable('collection_claim', {
  collection_id: { type: 'INTEGER', notNull: true, pk: 1, file: { via: 'collections[].id' } },
  claim_id: { type: 'INTEGER', notNull: true, pk: 2, file: { via: 'collections[].claimIds' } },
  added_at: { type: 'TEXT', notNull: true, file: { local: "not exported: a restore uses the collection's creation time" } },
});

/** Articles a collection holds (migration 011): their claims are the collection's too. */
export const COLLECTION_ARTICLE = defineTable('collection_article', {
  collection_id: { type: 'INTEGER', notNull: true, pk: 1, file: { via: 'collections[].id' } },
  article_id: { type: 'INTEGER', notNull: true, pk: 2, file: { via: 'collections[].articleIds' } },
  added_at: { type: 'TEXT', notNull: true, file: { local: "not exported: a restore uses the collection's creation time" } },
});

export type WorkflowSchemaChecks = [
  Assert<Same<RecordFields<typeof SUGGESTION>, keyof Suggestion>>,
  Assert<Same<RecordFields<typeof SAVED_SEARCH>, keyof SavedSearch>>,
  // claimCount, articleCount: counted from collection_claim, collection_article
  Assert<Same<RecordFields<typeof COLLECTION> | 'claimCount' | 'articleCount', keyof Collection>>,
];
