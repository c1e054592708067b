// Version 2: the review workflow around claims: extraction suggestions, saved searches, collections.
import type { Migration } from './types';

export const reviewSchema: Migration = {
  version: 2,
  name: 'suggestions, saved searches, collections',
  sql: `
CREATE TABLE suggestion (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER NOT NULL REFERENCES article(id),
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  claim_id INTEGER REFERENCES claim(id),
  created_at TEXT NOT NULL,
  decided_at TEXT
);
CREATE INDEX suggestion_by_article ON suggestion(article_id, state);

CREATE TABLE saved_search (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE collection (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);
CREATE TABLE collection_claim (
  collection_id INTEGER NOT NULL REFERENCES collection(id),
  claim_id INTEGER NOT NULL REFERENCES claim(id),
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX collection_claim_by_claim ON collection_claim(claim_id);
`,
};
