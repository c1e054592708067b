// One description per table (table.ts says what a description holds and derives from it).
import { ARTICLE, ARTICLE_TAG } from './articles';
import { CLAIM, CLAIM_TAG } from './claims';
import { CLAIM_ENTITY, ENTITY, ENTITY_NAME } from './entities';
import { HIGHLIGHT } from './highlights';
import { HISTORY } from './history';
import { CLAIM_LINK, EVIDENCE } from './links';
import { ARCHIVE_MERGE, ARCHIVE_MERGE_ROW, ARCHIVE_STATE } from './merge-log';
import { COLLECTION, COLLECTION_ARTICLE, COLLECTION_CLAIM, SAVED_SEARCH, SUGGESTION } from './workflow';
import { SYNC_CHECKPOINT, SYNC_DOC } from './sync';
import type { Table } from './table';

export { ARTICLE, ARTICLE_TAG, SourceRecord } from './articles';
export { CLAIM, CLAIM_TAG } from './claims';
export { CLAIM_ENTITY, ENTITY, ENTITY_FILE_FIELDS, ENTITY_NAME, MERGED_ENTITY_FILE_FIELDS } from './entities';
export { HIGHLIGHT } from './highlights';
export { HISTORY } from './history';
export { CLAIM_LINK, EVIDENCE } from './links';
export { ARCHIVE_MERGE, ARCHIVE_MERGE_ROW, ARCHIVE_STATE } from './merge-log';
export { COLLECTION, COLLECTION_ARTICLE, COLLECTION_CLAIM, SAVED_SEARCH, SUGGESTION } from './workflow';
export { SYNC_CHECKPOINT, SYNC_DOC } from './sync';
export * from './table';

/** Every table of an archive (FTS indexes and SQLite's own tables aside). */
export const TABLES: readonly Table[] = [
  ARTICLE,
  ARTICLE_TAG,
  CLAIM,
  CLAIM_TAG,
  ENTITY,
  ENTITY_NAME,
  CLAIM_ENTITY,
  CLAIM_LINK,
  EVIDENCE,
  HIGHLIGHT,
  HISTORY,
  SUGGESTION,
  SAVED_SEARCH,
  COLLECTION,
  COLLECTION_CLAIM,
  COLLECTION_ARTICLE,
  ARCHIVE_MERGE,
  ARCHIVE_MERGE_ROW,
  ARCHIVE_STATE,
  SYNC_DOC,
  SYNC_CHECKPOINT,
];
