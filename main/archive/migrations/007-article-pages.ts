// Version 7: what #19 adds to articles.
// - Where each page of an article's original starts in its text (PDFs): a JSON array of character
//   offsets, [] when the original has no pages (web pages, text) or was imported before. A claim's
//   page is derived from its passage's start offset (shared/domain pageAt), so claims made before
//   and after this step both show it once their article has page starts.
// - The researcher's notes and tags on an article (as on claims). `article_tag` indexes the tags for
//   the library's tag filter; triggers keep it in step with the `tags` column, whoever writes it.
import type { Migration } from './types';

export const articlePagesSchema: Migration = {
  version: 7,
  name: 'article page starts, notes and tags',
  sql: `
ALTER TABLE article ADD COLUMN page_starts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE article ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
CREATE TABLE article_tag (
  article_id INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;
CREATE INDEX article_tag_by_tag ON article_tag(tag COLLATE NOCASE);
CREATE TRIGGER article_tag_ai AFTER INSERT ON article WHEN new.tags <> '[]' BEGIN
  INSERT OR IGNORE INTO article_tag (article_id, tag) SELECT new.id, value FROM json_each(new.tags); END;
CREATE TRIGGER article_tag_au AFTER UPDATE OF tags ON article BEGIN
  DELETE FROM article_tag WHERE article_id = old.id;
  INSERT OR IGNORE INTO article_tag (article_id, tag) SELECT new.id, value FROM json_each(new.tags); END;
CREATE TRIGGER article_tag_ad AFTER DELETE ON article BEGIN
  DELETE FROM article_tag WHERE article_id = old.id; END;
`,
};
