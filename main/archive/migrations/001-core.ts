// Version 1: articles, claims, entities, links, evidence and history; FTS4 indexes kept in sync by
// triggers (so journal replay re-indexes exactly like the original write did).
import type { Migration } from './types';

const TOKENIZE = `tokenize=unicode61 "remove_diacritics=2"`;

export const coreSchema: Migration = {
  version: 1,
  name: 'core schema',
  sql: `
CREATE TABLE article (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL,
  outlet TEXT, author TEXT, published TEXT, url TEXT, language TEXT, wire_agency TEXT,
  source_sha256 TEXT, source_name TEXT, source_type TEXT, source_size INTEGER,
  text TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES article(id),
  deleted_at TEXT
);
CREATE INDEX article_by_sha256 ON article(source_sha256);
CREATE INDEX article_live_outlet ON article(outlet COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX article_live_imported ON article(imported_at) WHERE deleted_at IS NULL;
CREATE INDEX article_live_published ON article(published) WHERE deleted_at IS NULL;
CREATE INDEX article_card ON article(id, deleted_at, outlet, published);
-- The search indexes hold live rows only: deleting or restoring moves a row out of or into them.
-- The FTS indexes hold live rows only. Their content tables are views of the live rows, so that
-- PRAGMA integrity_check (which checks FTS indexes against their content) agrees with them.
CREATE VIEW article_live AS SELECT id AS rowid, title, text FROM article WHERE deleted_at IS NULL;
CREATE VIRTUAL TABLE article_fts USING fts4(content="article_live", title, text, ${TOKENIZE});
CREATE TRIGGER article_fts_bu BEFORE UPDATE OF title, text, deleted_at ON article WHEN old.deleted_at IS NULL BEGIN DELETE FROM article_fts WHERE docid = old.id; END;
CREATE TRIGGER article_fts_bd BEFORE DELETE ON article WHEN old.deleted_at IS NULL BEGIN DELETE FROM article_fts WHERE docid = old.id; END;
CREATE TRIGGER article_fts_au AFTER UPDATE OF title, text, deleted_at ON article WHEN new.deleted_at IS NULL BEGIN INSERT INTO article_fts(docid, title, text) VALUES (new.id, new.title, new.text); END;
CREATE TRIGGER article_fts_ai AFTER INSERT ON article WHEN new.deleted_at IS NULL BEGIN INSERT INTO article_fts(docid, title, text) VALUES (new.id, new.title, new.text); END;

CREATE TABLE claim (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id INTEGER REFERENCES article(id),
  quote TEXT NOT NULL DEFAULT '',
  start_offset INTEGER, end_offset INTEGER,
  statement TEXT NOT NULL,
  claimant TEXT,
  attribution TEXT NOT NULL DEFAULT '[]',
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'reported')),
  claim_date TEXT, resolve_by TEXT,
  status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'needs_review', 'done')),
  verdict_scale TEXT NOT NULL,
  verdict TEXT, verdict_note TEXT,
  score REAL,
  tags TEXT NOT NULL DEFAULT '[]',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  deleted_at TEXT,
  -- set when the claim went away with its article, so restoring the article brings exactly these back
  deleted_with_article INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX claim_by_article ON claim(article_id);
-- Partial indexes over live claims: the claims table sorts, filters and counts with them.
CREATE INDEX claim_live_updated ON claim(updated_at) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_created ON claim(created_at) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_date ON claim(claim_date) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_status ON claim(status, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_verdict ON claim(verdict, updated_at) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_score ON claim(score) WHERE deleted_at IS NULL;
CREATE INDEX claim_live_claimant ON claim(claimant COLLATE NOCASE) WHERE deleted_at IS NULL;
-- A narrow copy of the columns searches filter and sort on: after a MATCH, looking them up here
-- instead of in the wide claim rows keeps a search over 100k claims fast.
CREATE INDEX claim_card ON claim(id, deleted_at, status, verdict, article_id, claim_date, created_at, updated_at, score, claimant);
CREATE VIEW claim_live AS SELECT id AS rowid, quote, statement, claimant, tags FROM claim WHERE deleted_at IS NULL;
CREATE VIRTUAL TABLE claim_fts USING fts4(content="claim_live", quote, statement, claimant, tags, ${TOKENIZE});
CREATE TRIGGER claim_fts_bu BEFORE UPDATE OF quote, statement, claimant, tags, deleted_at ON claim WHEN old.deleted_at IS NULL BEGIN DELETE FROM claim_fts WHERE docid = old.id; END;
CREATE TRIGGER claim_fts_bd BEFORE DELETE ON claim WHEN old.deleted_at IS NULL BEGIN DELETE FROM claim_fts WHERE docid = old.id; END;
CREATE TRIGGER claim_fts_au AFTER UPDATE OF quote, statement, claimant, tags, deleted_at ON claim WHEN new.deleted_at IS NULL BEGIN INSERT INTO claim_fts(docid, quote, statement, claimant, tags) VALUES (new.id, new.quote, new.statement, new.claimant, new.tags); END;
CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim WHEN new.deleted_at IS NULL BEGIN INSERT INTO claim_fts(docid, quote, statement, claimant, tags) VALUES (new.id, new.quote, new.statement, new.claimant, new.tags); END;
-- Merge index segments a little on every write instead of in rare large bursts.
INSERT INTO claim_fts(claim_fts) VALUES ('automerge=8');
INSERT INTO article_fts(article_fts) VALUES ('automerge=8');

CREATE TABLE claim_tag (
  claim_id INTEGER NOT NULL REFERENCES claim(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (claim_id, tag)
) WITHOUT ROWID;
CREATE INDEX claim_tag_by_tag ON claim_tag(tag COLLATE NOCASE);

CREATE TABLE entity (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'place', 'other'))
);
-- every name an entity is known by (its main name and its aliases), normalised for lookup
CREATE TABLE entity_name (
  norm TEXT NOT NULL,
  type TEXT NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  name TEXT NOT NULL,
  PRIMARY KEY (norm, type)
) WITHOUT ROWID;
CREATE INDEX entity_name_by_entity ON entity_name(entity_id);
CREATE TABLE claim_entity (
  claim_id INTEGER NOT NULL REFERENCES claim(id),
  entity_id INTEGER NOT NULL REFERENCES entity(id),
  role TEXT NOT NULL CHECK (role IN ('claimant', 'subject', 'mentioned')),
  PRIMARY KEY (claim_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX claim_entity_by_entity ON claim_entity(entity_id);

CREATE TABLE claim_link (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  from_claim_id INTEGER NOT NULL REFERENCES claim(id),
  to_claim_id INTEGER NOT NULL REFERENCES claim(id),
  type TEXT NOT NULL CHECK (type IN ('same', 'supports', 'contradicts', 'related')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (from_claim_id, to_claim_id, type)
);
CREATE INDEX claim_link_by_to ON claim_link(to_claim_id);

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER NOT NULL REFERENCES claim(id),
  article_id INTEGER NOT NULL REFERENCES article(id),
  quote TEXT NOT NULL DEFAULT '',
  start_offset INTEGER, end_offset INTEGER,
  stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX evidence_by_claim ON evidence(claim_id);
CREATE INDEX evidence_by_article ON evidence(article_id);

CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id INTEGER REFERENCES claim(id),
  field TEXT NOT NULL,
  from_value TEXT,
  to_value TEXT,
  note TEXT,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX history_by_claim ON history(claim_id, field, at);
`,
};
