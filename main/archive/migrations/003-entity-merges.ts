// Version 3: a merged entity is kept (no longer deleted) with a record of what the merge moved, so a
// mistaken merge can be split back out exactly. A row with merged_into set is not a live entity:
// it owns no names and no claim links until entities.unmerge gives them back.
import type { Migration } from './types';

export const entityMergesSchema: Migration = {
  version: 3,
  name: 'reversible entity merges',
  sql: `
ALTER TABLE entity ADD COLUMN merged_into INTEGER REFERENCES entity(id);
ALTER TABLE entity ADD COLUMN merged_at TEXT;
-- JSON {"names": [...], "links": [{"claimId", "role", "keptHad"}]}: the names and claim links the
-- merge moved to merged_into; keptHad marks a link that entity already had (it stays on a split).
ALTER TABLE entity ADD COLUMN merge_record TEXT;
CREATE INDEX entity_by_merged_into ON entity(merged_into) WHERE merged_into IS NOT NULL;
`,
};
