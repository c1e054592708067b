// Version 11: what #19 still asked of collections and article notes.
// - Collections hold articles too (`collection_article`, as `collection_claim` holds claims): a
//   collection's claims are then those added to it and those of its articles.
// - The library's full-text search finds an article by its notes: the article index gains a `notes`
//   column (FTS4 cannot add one, so the index, its live-rows view and its triggers are made again and
//   the index rebuilt from the live articles).
import type { Migration } from './types';

const TOKENIZE = `tokenize=unicode61 "remove_diacritics=2"`;

export const collectionArticlesSchema: Migration = {
  version: 11,
  name: 'articles in collections, article notes searched',
  sql: `
CREATE TABLE collection_article (
  collection_id INTEGER NOT NULL REFERENCES collection(id),
  article_id INTEGER NOT NULL REFERENCES article(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_article_by_article ON collection_article(article_id);

DROP TRIGGER article_fts_bu;
DROP TRIGGER article_fts_bd;
DROP TRIGGER article_fts_au;
DROP TRIGGER article_fts_ai;
DROP TABLE article_fts;
DROP VIEW article_live;
CREATE VIEW article_live AS SELECT id AS rowid, title, text, notes FROM article WHERE deleted_at IS NULL;
CREATE VIRTUAL TABLE article_fts USING fts4(content="article_live", title, text, notes, ${TOKENIZE});
CREATE TRIGGER article_fts_bu BEFORE UPDATE OF title, text, notes, deleted_at ON article WHEN old.deleted_at IS NULL BEGIN DELETE FROM article_fts WHERE docid = old.id; END;
CREATE TRIGGER article_fts_bd BEFORE DELETE ON article WHEN old.deleted_at IS NULL BEGIN DELETE FROM article_fts WHERE docid = old.id; END;
CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text, notes, deleted_at ON article WHEN new.deleted_at IS NULL BEGIN INSERT INTO article_fts(docid, title, text, notes) VALUES (new.id, new.title, new.text, new.notes); END;
CREATE TRIGGER article_fts_ai AFTER INSERT ON article WHEN new.deleted_at IS NULL BEGIN INSERT INTO article_fts(docid, title, text, notes) VALUES (new.id, new.title, new.text, new.notes); END;
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
INSERT INTO article_fts(article_fts) VALUES ('automerge=8');
`,
};
