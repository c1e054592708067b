// The change history of claims (migration 001): every change is a row.
import { Id, type HistoryEntry } from '../../../shared/domain';
import { HistoryValue, Note, Stamp } from './file-fields';
import { defineTable, type Assert, type RecordFields, type Same } from './table';

export const HISTORY = defineTable('history', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  claim_id: { type: 'INTEGER', field: 'claimId', record: true, tracked: true, file: Id.nullable() },
  field: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Stamp },
  from_value: { type: 'TEXT', field: 'from', json: 'value', record: true, tracked: true, file: HistoryValue },
  to_value: { type: 'TEXT', field: 'to', json: 'value', record: true, tracked: true, file: HistoryValue },
  note: { type: 'TEXT', record: true, tracked: true, file: Note.nullable() },
  actor: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Stamp },
  at: { type: 'TEXT', notNull: true, record: true, tracked: true, file: Stamp },
});

export type HistorySchemaChecks = [Assert<Same<RecordFields<typeof HISTORY>, keyof HistoryEntry>>];
