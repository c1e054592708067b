// Version 12: team sync for highlights and for the articles a collection holds (docs/sync.md §2).
// sync_doc (version 6) takes any kind; these triggers mark a highlight's document to rebuild when it
// is edited, deleted or put back (undo restores it under the same id), and a collection's document
// when an article is added to it or taken out — as version 8's do for links and claim members — so
// a sync round still rebuilds only what was written since the last one.
import type { Migration } from './types';

export const syncHighlightsSchema: Migration = {
  version: 12,
  name: 'team sync for highlights and collections of articles',
  sql: `
CREATE TRIGGER sync_dirty_highlight AFTER UPDATE ON highlight BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'highlight' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_highlight_ad AFTER DELETE ON highlight BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'highlight' AND local_id = old.id; END;
CREATE TRIGGER sync_dirty_highlight_ai AFTER INSERT ON highlight BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'highlight' AND local_id = new.id; END;
CREATE TRIGGER sync_dirty_collection_article_ai AFTER INSERT ON collection_article BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = new.collection_id; END;
CREATE TRIGGER sync_dirty_collection_article_ad AFTER DELETE ON collection_article BEGIN
  UPDATE sync_doc SET dirty = 1 WHERE kind = 'collection' AND local_id = old.collection_id; END;
`,
};
