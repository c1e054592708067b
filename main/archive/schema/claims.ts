// The claim table (migration 001) and its tag index.
import { z } from 'zod';
import * as L from '../../../shared/limits';
import {
  AttributionHop,
  ClaimKind,
  WorkflowStatus,
  Id,
  VerdictScaleKey,
  type Claim,
  type ClaimPatch,
  type NewClaim,
} from '../../../shared/domain';
import { Note, Nullable, Offset, Quote, ResearchNotes, Stamp, TagList } from './file-fields';
import { defineTable, type Assert, type FileShape, type PatchFields, type RecordFields, type Same } from './table';

export const CLAIM = defineTable('claim', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  article_id: { type: 'INTEGER', field: 'articleId', record: true, tracked: true, file: Id.nullable() },
  quote: { type: 'TEXT', notNull: true, sqlDefault: "''", record: true, patch: true, tracked: true, file: Quote },
  start_offset: { type: 'INTEGER', field: 'start', record: true, patch: true, tracked: true, file: Offset },
  end_offset: { type: 'INTEGER', field: 'end', record: true, patch: true, tracked: true, file: Offset },
  statement: { type: 'TEXT', notNull: true, record: true, patch: true, tracked: true, file: z.string().min(1).max(L.MAX_STATEMENT_CHARS) },
  claimant: { type: 'TEXT', record: true, patch: true, tracked: true, file: Nullable },
  attribution: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "'[]'",
    json: 'array',
    record: true,
    patch: true,
    tracked: true,
    file: z.array(AttributionHop).max(L.MAX_ATTRIBUTION_HOPS),
  },
  kind: { type: 'TEXT', notNull: true, record: true, patch: true, tracked: true, file: ClaimKind },
  claim_date: { type: 'TEXT', field: 'claimDate', record: true, patch: true, tracked: true, file: Stamp.nullable() },
  resolve_by: { type: 'TEXT', field: 'resolveBy', record: true, patch: true, tracked: true, file: Stamp.nullable() },
  /** Changed through setStatus (a history row of its own), not the patch. */
  status: { type: 'TEXT', notNull: true, record: true, tracked: true, file: WorkflowStatus },
  /** verdict_scale, verdict, verdict_note change together through setVerdict, which needs a note. */
  verdict_scale: { type: 'TEXT', notNull: true, field: 'verdictScale', record: true, tracked: true, file: VerdictScaleKey },
  verdict: { type: 'TEXT', record: true, tracked: true, file: z.string().max(L.MAX_VERDICT_CHARS).nullable() },
  verdict_note: { type: 'TEXT', field: 'verdictNote', record: true, tracked: true, file: Note.nullable() },
  score: { type: 'REAL', record: true, patch: true, tracked: true, file: z.number().nullable() },
  tags: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "'[]'",
    json: 'array',
    record: true,
    patch: true,
    tracked: true,
    file: TagList,
  },
  notes: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "''",
    record: true,
    patch: true,
    tracked: true,
    file: ResearchNotes,
  },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
  updated_at: { type: 'TEXT', notNull: true, field: 'updatedAt', record: true, tracked: true, file: Stamp },
  deleted_at: { type: 'TEXT', field: 'deletedAt', tracked: true, file: { local: 'a file carries live claims only' } },
  deleted_with_article: { type: 'INTEGER', notNull: true, sqlDefault: '0', file: { local: 'a file carries live claims only' } },
});

/** Each tag of a claim once, for the tag filter (the claim's `tags` column is the record). */
export const CLAIM_TAG = defineTable('claim_tag', {
  claim_id: { type: 'INTEGER', notNull: true, pk: 1, file: { via: 'claims[].tags' } },
  tag: { type: 'TEXT', notNull: true, pk: 2, file: { via: 'claims[].tags' } },
});

/** Adding a column here and not to Claim / ClaimPatch / NewClaim (or the reverse) fails `tsc`. */
export type ClaimSchemaChecks = [
  Assert<Same<RecordFields<typeof CLAIM>, keyof Claim>>,
  Assert<Same<PatchFields<typeof CLAIM>, keyof ClaimPatch>>,
  // The file's claim record carries the whole Claim (and its entities).
  Assert<Same<keyof FileShape<(typeof CLAIM)['columns']>, keyof Claim>>,
  // A new claim sets every field but those the archive gives it; its entities go to claim_entity.
  Assert<Same<Exclude<keyof NewClaim, 'entities'>, Exclude<RecordFields<typeof CLAIM>, 'id' | 'createdAt' | 'updatedAt'>>>,
];
