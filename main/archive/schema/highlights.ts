// Highlights (migration 010): passages of an article kept as context, not claims.
import { z } from 'zod';
import { HighlightLabelSchema, Id, type Highlight, type NewHighlight } from '../../../shared/domain';
import { Quote, ResearchNotes, Stamp } from './file-fields';
import { defineTable, type Assert, type PatchFields, type RecordFields, type Same } from './table';

const Offset = z.number().int().nonnegative();

// Never `tracked`: merges logged before this table existed fingerprint nothing of it (merge-log.ts
// logs a merged highlight by its update time instead).
export const HIGHLIGHT = defineTable('highlight', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  article_id: { type: 'INTEGER', notNull: true, field: 'articleId', record: true, file: Id },
  start_offset: { type: 'INTEGER', notNull: true, field: 'start', record: true, file: Offset },
  end_offset: { type: 'INTEGER', notNull: true, field: 'end', record: true, file: Offset },
  quote: { type: 'TEXT', notNull: true, record: true, file: Quote },
  note: { type: 'TEXT', notNull: true, sqlDefault: "''", record: true, patch: true, file: ResearchNotes },
  label: { type: 'TEXT', record: true, patch: true, file: HighlightLabelSchema.nullable() },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
  updated_at: { type: 'TEXT', notNull: true, field: 'updatedAt', record: true, file: Stamp },
});

/** Adding a column here and not to Highlight / NewHighlight (or the reverse) fails `tsc`. */
export type HighlightSchemaChecks = [
  Assert<Same<RecordFields<typeof HIGHLIGHT>, keyof Highlight>>,
  Assert<Same<PatchFields<typeof HIGHLIGHT>, 'note' | 'label'>>,
  Assert<Same<keyof NewHighlight, Exclude<RecordFields<typeof HIGHLIGHT>, 'id' | 'quote' | 'createdAt' | 'updatedAt'>>>,
];
