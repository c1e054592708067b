// The part of the store that only reads its state: the in-memory database (what repositories query)
// and why the archive is read-only. Writing, snapshots and recovery: store.ts.
import type { SqlJsStatic } from 'sql.js';
import { AppError } from '../../../shared/errors';
import type { Database, FileMemory, Param, ReadParam, Row, Sql } from './database';
import { archivePaths, type ArchiveContents, type ArchivePaths } from './recovery';
import { schemaVersion } from '../migrations';

export interface StoreOptions {
  dir: string;
  SQL: SqlJsStatic;
  /** The sql.js wasm file (the backup integrity check loads it in a worker). */
  wasmPath: string;
  log: (msg: string) => void;
  budgetBytes: number;
  /** Take a snapshot after this many journal records... */
  snapshotEvery: number;
  /** ...or after this long without edits. */
  idleSnapshotMs: number;
  /** At most one backup per interval (taken with a snapshot). */
  backupIntervalMs: number;
}

/** What a committed change touched: rowids by table, or everything (a restore or recovery reloaded the archive). */
export type StoreChange = { type: 'rows'; tables: ReadonlyMap<string, ReadonlySet<number>> } | { type: 'reset' };

export abstract class StoreBase implements Sql {
  readonly paths: ArchivePaths;
  protected db!: Database;
  protected readOnly: string | null = null;
  /** Read-only only for lack of disk space: the next write first tries to resume. */
  protected diskFull = false;
  protected loaded: ArchiveContents = 'complete';
  protected closing = false;
  protected recoveryNote: string | null = null;

  private readonly listeners = new Set<(change: StoreChange) => void>();

  protected constructor(protected readonly opts: StoreOptions) {
    this.paths = archivePaths(opts.dir);
  }

  /** Calls `listener` after every committed write (the rows it touched) and after a rebuild (reset). */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected notify(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (err) {
        // A listener's failure never undoes or hides a saved change.
        this.opts.log(`A change listener failed: ${(err as Error).message}`);
      }
    }
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  get readOnlyReason(): string | null {
    return this.readOnly;
  }

  /** How much of the archive on disk is loaded: 'none' means an empty stand-in for a damaged archive. */
  get contents(): ArchiveContents {
    return this.loaded;
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  sizeBytes(): number {
    return this.db.sizeBytes();
  }

  /** How the database file is held in memory (ArchiveInfo['memory']). */
  memory(): FileMemory {
    return this.db.memory();
  }

  get<T = Row>(sql: string, params?: ReadParam[]): T | undefined {
    return this.db.get<T>(sql, params);
  }

  all<T = Row>(sql: string, params?: ReadParam[]): T[] {
    return this.db.all<T>(sql, params);
  }

  run(sql: string, params?: Param[]): void {
    this.db.run(sql, params);
  }

  lastId(): number {
    return this.db.lastId();
  }

  changes(): number {
    return this.db.changes();
  }

  get isDiskFull(): boolean {
    return this.diskFull;
  }

  /** What the last rebuild did (null: none since the archive was opened). */
  get lastRecovery(): string | null {
    return this.recoveryNote;
  }

  protected assertWritable(): void {
    if (this.closing) throw new AppError('INTERNAL', 'The archive is closed.');
    if (this.readOnly) throw new AppError('READ_ONLY', `The archive is read-only: ${this.readOnly}`);
  }

  protected checkBudget(sizeBefore: number): void {
    const size = this.db.sizeBytes();
    if (size > this.opts.budgetBytes && size > sizeBefore) {
      const mb = (n: number) => Math.round(n / 1e6);
      throw new AppError(
        'TOO_LARGE',
        `This change would grow the archive to ${mb(size)} MB, beyond its ${mb(this.opts.budgetBytes)} MB limit. Nothing was saved; delete material or raise the limit.`,
      );
    }
  }
}
