// Version 10: highlights (#19) — passages of an article a researcher keeps as context without making
// them claims: the span into the article's text, the passage as it reads there (the source's own
// words), an optional note and label, and when it was made and last changed. A highlight belongs to
// its article; an article deleted to the bin keeps its highlights for when it is restored.
// A merge logs the highlights it adds (so its undo removes them): the merge log's kinds are a CHECK
// constraint, which SQLite cannot alter, so archive_merge_row is rebuilt with 'highlight' among them.
import type { Migration } from './types';

export const highlightsSchema: Migration = {
  version: 10,
  name: 'highlights',
  sql: `
CREATE TABLE highlight (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES article(id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  quote TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  label TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (start_offset >= 0 AND end_offset > start_offset)
);
CREATE INDEX highlight_by_article ON highlight(article_id, start_offset);

CREATE TABLE archive_merge_row_10 (
  merge_id INTEGER NOT NULL REFERENCES archive_merge(id),
  kind TEXT NOT NULL CHECK (kind IN ('article', 'entity', 'name', 'claim', 'claim_entity', 'link', 'evidence', 'history', 'collection', 'membership', 'saved_search', 'highlight')),
  row_id INTEGER NOT NULL,
  other_id INTEGER NOT NULL DEFAULT 0,
  key TEXT NOT NULL DEFAULT '',
  fingerprint TEXT,
  PRIMARY KEY (merge_id, kind, row_id, other_id, key)
) WITHOUT ROWID;
INSERT INTO archive_merge_row_10 (merge_id, kind, row_id, other_id, key, fingerprint)
  SELECT merge_id, kind, row_id, other_id, key, fingerprint FROM archive_merge_row;
DROP TABLE archive_merge_row;
ALTER TABLE archive_merge_row_10 RENAME TO archive_merge_row;
CREATE INDEX archive_merge_row_by_record ON archive_merge_row(kind, row_id);
`,
};
