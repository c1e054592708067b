// Replaying journal records onto a database during a recovery, including records after changes the
// journal lost (damaged bytes). Records in an unbroken chain replay as at open. A record after a
// gap replays "pinned": each INSERT into an id table gets the rowid it had when it was written (the
// journal records it), so later changes still name the right rows. A record that does not replay
// the same way (it depended on a lost change) is rolled back alone and reported; the others stay.
//
// Records carry the schema version they were written under: a record written after an upgrade is
// replayed only once the database is migrated to that version (a pre-upgrade backup plus a journal
// that spans the upgrade). Journals of older versions carry none: such a record belongs to the
// schema of the snapshot (or records) it follows.
import { AppError } from '../../../shared/errors';
import type { Database, RecordedStatement } from './database';
import type { JournalRecord } from './journal-format';
import { LATEST_VERSION, migrate, schemaVersion } from '../migrations';

export interface ReplayResult {
  /** Highest change number seen (applied or not): the rebuilt archive continues after it. */
  lastSeq: number;
  applied: number;
  /** Change numbers the journal no longer holds readable (damaged or missing). */
  unreadable: number[];
  /** Readable changes that could not be applied, with why (they depended on an unreadable one). */
  rejected: { seq: number; why: string }[];
}

const INSERT_INTO = /^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+["`[]?(\w+)/i;

/** Why this version cannot replay the record (written by a newer Claimdesk), or null. */
export function newerRecord(record: JournalRecord): string | null {
  if (record.version === undefined || record.version <= LATEST_VERSION) return null;
  return `Journal change ${record.seq} was written by a newer version of Claimdesk (schema ${record.version}; this version knows up to ${LATEST_VERSION}).`;
}

/**
 * Migrates the database to the schema `record` was written under, if that is newer (a failed
 * migration throws and leaves the database at the last version it reached). Returns how many ran.
 */
export function upgradeFor(db: Database, record: JournalRecord): number {
  if (record.version === undefined || record.version <= schemaVersion(db)) return 0;
  const why = newerRecord(record);
  if (why) throw new AppError('CONFLICT', why);
  return migrate(db, record.version);
}

export function replayIntact(db: Database, baseSeq: number, records: JournalRecord[]): ReplayResult {
  const result: ReplayResult = { lastSeq: baseSeq, applied: 0, unreadable: [], rejected: [] };
  let idTables = autoincrementTables(db);
  let chained = true;
  for (const record of records) {
    if (record.seq <= result.lastSeq) continue;
    for (let missing = result.lastSeq + 1; missing < record.seq; missing++) result.unreadable.push(missing);
    chained &&= record.seq === result.lastSeq + 1;
    result.lastSeq = record.seq;
    if (upgradeFor(db, record) > 0) idTables = autoincrementTables(db); // an upgrade may add id tables
    try {
      if (chained) db.replay(record.statements);
      else replayPinned(db, record.statements, idTables);
      result.applied++;
    } catch (err) {
      chained = false; // what follows may have depended on this change: replay it pinned
      result.rejected.push({ seq: record.seq, why: (err as Error).message });
    }
  }
  return result;
}

function autoincrementTables(db: Database): Set<string> {
  const rows = db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'`);
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

/** One record as one transaction, each INSERT into an id table given its recorded rowid. */
function replayPinned(db: Database, statements: RecordedStatement[], idTables: Set<string>): void {
  db.exec('BEGIN');
  try {
    for (const [sql, params, rowid] of statements) {
      const table = INSERT_INTO.exec(sql)?.[1]?.toLowerCase();
      if (table && idTables.has(table) && typeof rowid === 'number') insertPinned(db, sql, params, table, rowid);
      else db.runUnrecorded(sql, params);
    }
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

function insertPinned(db: Database, sql: string, params: RecordedStatement[1], table: string, rowid: number): void {
  const seqBefore = sequenceOf(db, table);
  db.exec('SAVEPOINT pinned');
  setSequence(db, table, Math.max(seqBefore, rowid - 1));
  db.runUnrecorded(sql, params);
  const inserted = db.changes();
  const got = db.lastId();
  if (inserted > 1 && got !== rowid) {
    // Several rows: the last one had the recorded rowid, so the first had rowid - (n - 1).
    db.exec('ROLLBACK TO pinned');
    setSequence(db, table, Math.max(seqBefore, rowid - inserted));
    db.runUnrecorded(sql, params);
  }
  if (inserted === 0)
    setSequence(db, table, seqBefore); // nothing inserted (OR IGNORE): no id taken
  else if (db.lastId() !== rowid) throw new Error(`a new row of ${table} would get id ${db.lastId()} instead of ${rowid}`);
  db.exec('RELEASE pinned');
}

function sequenceOf(db: Database, table: string): number {
  return db.get<{ seq: number }>('SELECT seq FROM sqlite_sequence WHERE lower(name) = ?', [table])?.seq ?? 0;
}

function setSequence(db: Database, table: string, seq: number): void {
  db.runUnrecorded('UPDATE sqlite_sequence SET seq = ? WHERE lower(name) = ?', [seq, table]);
  if (db.changes() === 0) db.runUnrecorded('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [table, seq]);
}
