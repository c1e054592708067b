// Version 7: where each page of an article's original starts in its text (PDFs): a JSON array of
// character offsets, [] when the original has no pages (web pages, text) or was imported before.
// A claim's page is derived from its passage's start offset (shared/domain pageAt), so claims made
// before and after this step both show it once their article has page starts.
import type { Migration } from './types';

export const articlePagesSchema: Migration = {
  version: 7,
  name: 'article page starts',
  sql: `
ALTER TABLE article ADD COLUMN page_starts TEXT NOT NULL DEFAULT '[]';
`,
};
