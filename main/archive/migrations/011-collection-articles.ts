// Version 11: collections hold articles too (#19): `collection_article`, as `collection_claim` holds
// claims; a collection's claims are then those added to it and those of its articles.
import type { Migration } from './types';

export const collectionArticlesSchema: Migration = {
  version: 11,
  name: 'articles in collections',
  sql: `
CREATE TABLE collection_article (
  collection_id INTEGER NOT NULL REFERENCES collection(id),
  article_id INTEGER NOT NULL REFERENCES article(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_article_by_article ON collection_article(article_id);

`,
};
