// Replaying journal records onto a database during a recovery, including records after changes the
// journal lost (damaged bytes). Records in an unbroken chain replay as at open. A record after a
// gap replays "pinned": each INSERT into an id table gets the rowid it had when it was written (the
// journal records it), so later changes still name the right rows. A record that does not replay
// the same way (it depended on a lost change) is rolled back alone and reported; the others stay.
import type { Database, RecordedStatement } from './database';
import type { JournalRecord } from './journal-format';

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

export function replayIntact(db: Database, baseSeq: number, records: JournalRecord[]): ReplayResult {
  const result: ReplayResult = { lastSeq: baseSeq, applied: 0, unreadable: [], rejected: [] };
  const idTables = autoincrementTables(db);
  let chained = true;
  for (const record of records) {
    if (record.seq <= result.lastSeq) continue;
    for (let missing = result.lastSeq + 1; missing < record.seq; missing++) result.unreadable.push(missing);
    chained &&= record.seq === result.lastSeq + 1;
    result.lastSeq = record.seq;
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
  if (inserted === 0) setSequence(db, table, seqBefore); // nothing inserted (OR IGNORE): no id taken
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
