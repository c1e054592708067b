// A thin synchronous layer over one sql.js database: cached prepared statements, typed reads,
// and writes that are only allowed inside a recorded transaction (what the journal replays).
import type { Database as SqlJsDatabase, SqlValue, Statement } from 'sql.js';
import { AppError } from '../../../shared/errors';
import { registerBm25 } from '../search/bm25';
import { growInPlace } from './own-bytes';

const MAX_CACHED_STATEMENTS = 300;
const MiB = 2 ** 20;
/** Room kept ahead of the file before each write (grown in place: unwritten room costs no memory). */
const minRoom = (size: number) => Math.max(size / 4, 32 * MiB);

/** How the database file is held in memory (ArchiveInfo['memory']). */
export interface FileMemory {
  /** The buffer the file grows into in place; null: sql.js's own, copied whole each time the file outgrows it. */
  roomBytes: number | null;
  /** Whole copies of the file made since it was opened: snapshots that had to export it, a write that outgrew the room. */
  copies: number;
}

export type Param = string | number | null;
/** Reads may also bind blobs; writes may not (the journal stores parameters as JSON). */
export type ReadParam = Param | Uint8Array;
export type Row = Record<string, SqlValue>;
/**
 * One recorded write: SQL text plus its bound parameters, and for an INSERT the rowid it gave. The
 * rowid lets a recovery replay changes past an unreadable one with the ids they had (journal-replay.ts).
 */
export type RecordedStatement = [sql: string, params: Param[], rowid?: number];

const INSERT = /^\s*INSERT\b/i;
/** The table an INSERT, UPDATE or DELETE writes. */
const WRITTEN_TABLE = /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`]?(\w+)/i;

/** What repositories use: reads anywhere, writes only inside `Store.write`. */
export interface Sql {
  get<T = Row>(sql: string, params?: ReadParam[]): T | undefined;
  all<T = Row>(sql: string, params?: ReadParam[]): T[];
  run(sql: string, params?: Param[]): void;
  /** Rowid of the last INSERT (deterministic on replay: same state, same statements). */
  lastId(): number;
  /** Rows changed by the last write statement. */
  changes(): number;
}

export class Database implements Sql {
  private statements = new Map<string, Statement>();
  private recording: RecordedStatement[] | null = null;
  /** Rows the open transaction inserted, updated or deleted, by table (SQLite's update hook). */
  private touched: Map<string, Set<number>> | null = null;
  private copies = 0;

  /**
   * @param storage The buffer sql.js took over as this database's file (own-bytes.ts), if it did:
   *   while the file fits in it, it is the file, and a snapshot can be written from it without a copy.
   *   Before each write it is grown in place to keep room ahead, so sql.js never copies the file.
   */
  constructor(
    readonly raw: SqlJsDatabase,
    private storage: Uint8Array | null = null,
  ) {
    this.applyConnectionSettings();
    this.raw.updateHook((_op, _db, table, rowid) => {
      if (!this.touched) return;
      let ids = this.touched.get(table);
      if (!ids) this.touched.set(table, (ids = new Set()));
      ids.add(rowid);
    });
  }

  /** Connection-level settings that are not stored in the file. */
  applyConnectionSettings(): void {
    this.raw.run('PRAGMA foreign_keys = ON');
    // 16 MB of page cache (default 2 MB): joins after a search touch thousands of pages.
    this.raw.run('PRAGMA cache_size = -16384');
    registerBm25(this.raw);
  }

  get inTransaction(): boolean {
    return this.recording !== null;
  }

  get<T = Row>(sql: string, params: ReadParam[] = []): T | undefined {
    const stmt = this.prepare(sql);
    try {
      stmt.bind(params);
      return stmt.step() ? (stmt.getAsObject() as T) : undefined;
    } finally {
      stmt.reset();
    }
  }

  all<T = Row>(sql: string, params: ReadParam[] = []): T[] {
    const stmt = this.prepare(sql);
    const rows: T[] = [];
    try {
      stmt.bind(params);
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
    } finally {
      stmt.reset();
    }
    return rows;
  }

  run(sql: string, params: Param[] = []): void {
    if (!this.recording) throw new AppError('INTERNAL', 'A write ran outside a transaction (it would not be journaled).');
    const clean = params.map((p) => (p === undefined ? null : p));
    this.execute(sql, clean);
    this.noteTable(sql);
    this.recording.push(INSERT.test(sql) ? [sql, clean, this.lastId()] : [sql, clean]);
  }

  /** The update hook skips WITHOUT ROWID tables: a statement that changed rows there still marks its table (no rowids). */
  private noteTable(sql: string): void {
    const table = WRITTEN_TABLE.exec(sql)?.[1];
    if (!table || !this.touched || this.touched.has(table) || this.raw.getRowsModified() === 0) return;
    this.touched.set(table, new Set());
  }

  lastId(): number {
    return Number(this.get<{ id: number }>('SELECT last_insert_rowid() AS id')!.id);
  }

  changes(): number {
    return this.raw.getRowsModified();
  }

  /** Runs `fn` in one SQL transaction and returns its result plus the statements it wrote. */
  transaction<T>(
    fn: () => T,
    beforeCommit?: () => void,
  ): { result: T; statements: RecordedStatement[]; touched: Map<string, Set<number>> } {
    if (this.recording) throw new AppError('INTERNAL', 'Nested transaction.');
    this.makeRoom();
    this.raw.run('BEGIN');
    this.recording = [];
    this.touched = new Map();
    try {
      const result = fn();
      beforeCommit?.();
      this.raw.run('COMMIT');
      this.checkStorage();
      return { result, statements: this.recording, touched: this.touched };
    } catch (err) {
      this.raw.run('ROLLBACK');
      throw err;
    } finally {
      this.recording = null;
      this.touched = null;
    }
  }

  /** Re-executes journaled statements (recovery). */
  replay(statements: RecordedStatement[]): void {
    this.makeRoom();
    this.raw.run('BEGIN');
    try {
      for (const [sql, params] of statements) this.execute(sql, params);
      this.raw.run('COMMIT');
      this.checkStorage();
    } catch (err) {
      this.raw.run('ROLLBACK');
      throw err;
    }
  }

  /** A write outside the journal: replaying journaled statements during a recovery only. */
  runUnrecorded(sql: string, params: Param[]): void {
    this.makeRoom();
    this.execute(sql, params);
  }

  /** Unrecorded statement: schema migrations and snapshot bookkeeping only. */
  exec(sql: string): void {
    this.makeRoom();
    this.raw.exec(sql);
    this.checkStorage();
  }

  pragma(name: string): SqlValue {
    return this.raw.exec(`PRAGMA ${name}`)[0]?.values[0]?.[0] ?? null;
  }

  sizeBytes(): number {
    const pages = this.get<{ page_count: number }>('PRAGMA page_count')!.page_count;
    return pages * this.get<{ page_size: number }>('PRAGMA page_size')!.page_size;
  }

  /** How the file is held in memory (see FileMemory). */
  memory(): FileMemory {
    return { roomBytes: this.storage?.byteLength ?? null, copies: this.copies };
  }

  /**
   * Before a write: room ahead of the file, made by growing its buffer in place (own-bytes.ts), so
   * that sql.js never copies the whole file into a larger buffer (old and new alive at once).
   */
  private makeRoom(): void {
    if (!this.storage) return;
    const size = this.sizeBytes();
    if (this.storage.byteLength - size >= minRoom(size)) return;
    growInPlace(this.storage, size + 2 * minRoom(size)); // where it cannot, sql.js copies the file as before
  }

  /** After a write: a file that outgrew its buffer was copied by sql.js into one of its own. */
  private checkStorage(): void {
    if (this.storage && this.sizeBytes() > this.storage.byteLength) this.lostStorage();
  }

  private lostStorage(): void {
    this.storage = null;
    this.copies++;
  }

  export(): Uint8Array {
    this.copies++;
    const bytes = this.raw.export();
    // Older sql.js versions closed and reopened the connection here; harmless to re-apply.
    this.applyConnectionSettings();
    return bytes;
  }

  /**
   * Runs `write` (an unrecorded statement that changes a page: it commits on its own) and returns
   * the database file as sql.js holds it — a view, no copy — or null when that is not known (the
   * file outgrew the buffer it was opened in, or was never opened from one): then use export().
   * SQLite bumps the file change counter in the header (offset 24) on every commit, so a counter
   * that moved proves the buffer is the file that commit wrote (an abandoned buffer never changes).
   * The view is the committed database only until the next write: use it synchronously.
   */
  fileAfter(write: () => void): Uint8Array | null {
    if (this.recording) throw new AppError('INTERNAL', 'The database file was asked for inside a transaction.');
    const counter = () =>
      this.storage && this.storage.byteLength >= 28 ? new DataView(this.storage.buffer, this.storage.byteOffset).getUint32(24) : null;
    const before = counter();
    write();
    const size = this.sizeBytes();
    if (!this.storage || before === null || counter() === before || size > this.storage.byteLength) {
      if (this.storage) this.lostStorage(); // not the file any more: let it go
      return null;
    }
    return this.storage.subarray(0, size);
  }

  close(): void {
    this.storage = null;
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.raw.close();
  }

  private execute(sql: string, params: Param[]): void {
    const stmt = this.prepare(sql);
    try {
      stmt.run(params);
    } finally {
      stmt.reset();
    }
  }

  /** List queries are built from filters, so the set of SQL texts is open-ended: keep it bounded. */
  private evictOldStatements(): void {
    while (this.statements.size > MAX_CACHED_STATEMENTS) {
      const [oldest, stmt] = this.statements.entries().next().value as [string, Statement];
      stmt.free();
      this.statements.delete(oldest);
    }
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
      this.evictOldStatements();
    }
    return stmt;
  }
}
