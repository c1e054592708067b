// Links between claims and evidence for claims (migration 001).
import { ClaimLinkType, EvidenceStance, Id, type ClaimLink, type Evidence, type NewEvidence } from '../../../shared/domain';
import { Note, Offset, Quote, Stamp } from './file-fields';
import { defineTable, type Assert, type RecordFields, type Same } from './table';

export const CLAIM_LINK = defineTable('claim_link', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  from_claim_id: { type: 'INTEGER', notNull: true, field: 'fromClaimId', record: true, tracked: true, file: Id },
  to_claim_id: { type: 'INTEGER', notNull: true, field: 'toClaimId', record: true, tracked: true, file: Id },
  type: { type: 'TEXT', notNull: true, record: true, tracked: true, file: ClaimLinkType },
  note: { type: 'TEXT', notNull: true, sqlDefault: "''", record: true, tracked: true, file: Note },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
});

export const EVIDENCE = defineTable('evidence', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  claim_id: { type: 'INTEGER', notNull: true, field: 'claimId', record: true, tracked: true, file: Id },
  article_id: { type: 'INTEGER', notNull: true, field: 'articleId', record: true, tracked: true, file: Id },
  quote: { type: 'TEXT', notNull: true, sqlDefault: "''", record: true, tracked: true, file: Quote },
  start_offset: { type: 'INTEGER', field: 'start', record: true, tracked: true, file: Offset },
  end_offset: { type: 'INTEGER', field: 'end', record: true, tracked: true, file: Offset },
  stance: { type: 'TEXT', notNull: true, record: true, tracked: true, file: EvidenceStance },
  note: { type: 'TEXT', notNull: true, sqlDefault: "''", record: true, tracked: true, file: Note },
  created_at: { type: 'TEXT', notNull: true, field: 'createdAt', record: true, file: Stamp },
});

export type LinkSchemaChecks = [
  Assert<Same<RecordFields<typeof CLAIM_LINK>, keyof ClaimLink>>,
  Assert<Same<RecordFields<typeof EVIDENCE>, keyof Evidence>>,
  Assert<Same<keyof NewEvidence, Exclude<RecordFields<typeof EVIDENCE>, 'id' | 'createdAt'>>>,
];
