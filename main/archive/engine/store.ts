// The durable store: one in-memory sql.js database owned by this process, made durable by an
// fsynced journal of every committed transaction plus periodic snapshots and verified backups.
// An edit's promise resolves only once its journal record is on disk.
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import { AppError } from '../../api/errors';
import { isBackupName, listBackups, writeBackup, type BackupInfo } from './backups';
import { Database, type Param, type ReadParam, type Row, type Sql } from './database';
import { freeName, moveAside, timestampLabel, writeFileDurably } from './files';
import { JournalWriter, readJournal } from './journal';
import { encodeRecord } from './journal-format';
import { integrityCheckInWorker } from './integrity';
import { acquireLock, type ArchiveLock } from './lock';
import { archivePaths, readSnapshotSeq, recover, writeSnapshotSeq, type ArchiveContents, type ArchivePaths } from './recovery';
import { checkSnapshot, writeSnapshotFile } from './snapshot-file';
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

export type SnapshotReason = 'requested' | 'idle' | 'journal-size' | 'open' | 'close';

export class Store implements Sql {
  readonly paths: ArchivePaths;
  private db!: Database;
  private writer: JournalWriter | null = null;
  private lastSeq = 0;
  private snapshotSeq = 0;
  /** Change number the newest verified backup holds; the journal is kept from there on. */
  private backupSeq = 0;
  private readOnly: string | null = null;
  private loaded: ArchiveContents = 'complete';
  private closing = false;
  private closed = false;
  private backgroundSnapshotQueued = false;
  private snapshotChain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private lastBackupAt = 0;

  private constructor(
    private readonly opts: StoreOptions,
    private readonly lock: ArchiveLock,
  ) {
    this.paths = archivePaths(opts.dir);
  }

  static async open(opts: StoreOptions): Promise<Store> {
    try {
      await fs.mkdir(opts.dir, { recursive: true });
    } catch (err) {
      throw new AppError('IO', `Cannot use ${opts.dir} as an archive folder: ${(err as Error).message}`);
    }
    const store = new Store(opts, acquireLock(opts.dir));
    try {
      await store.load();
    } catch (err) {
      store.lock.release();
      throw err;
    }
    return store;
  }

  /** Recovers the state on disk and, when writable, makes it one durable snapshot. */
  private async load(): Promise<void> {
    const recovered = await recover(this.opts.SQL, this.paths, this.opts.log);
    this.db = recovered.db;
    this.lastSeq = this.snapshotSeq = recovered.lastSeq;
    this.readOnly = recovered.readOnlyReason;
    this.loaded = recovered.contents;
    this.lastBackupAt = Date.parse(listBackups(this.paths.backups)[0]?.at ?? '') || 0;
    this.backupSeq = readBackupSeq(this.paths.backups);
    if (this.readOnly) {
      this.opts.log(`Archive opened read-only: ${this.readOnly}`);
      return;
    }
    this.writer = await JournalWriter.open(this.paths.journal, recovered.segments, (err) => this.onJournalFailure(err));
    if (recovered.needsSnapshot) await this.snapshot('open');
    else await this.writer.removeCovered(this.journalKeepsAfter());
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

  /**
   * Runs `fn` (synchronous SQL through this store) as one transaction and resolves once it is
   * journaled and fsynced. Called inside another write, `fn` simply joins that transaction (and
   * its errors throw synchronously, so the enclosing transaction rolls back as a whole).
   */
  write<T>(fn: () => T): Promise<T> {
    if (this.db.inTransaction) return Promise.resolve(fn());
    try {
      this.assertWritable();
      const sizeBefore = this.db.sizeBytes();
      const { result, statements } = this.db.transaction(fn, () => this.checkBudget(sizeBefore));
      if (statements.length === 0) return Promise.resolve(result);
      const seq = ++this.lastSeq;
      const durable = this.writer!.append(seq, encodeRecord({ seq, statements }));
      this.afterCommit();
      return durable.then(
        () => result,
        (err: Error) => Promise.reject(new AppError('IO', `The change could not be saved to disk: ${err.message}`)),
      );
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Public all-or-nothing transaction: the callback must be synchronous. */
  transaction<T>(fn: () => T): Promise<T> {
    return this.write(() => {
      const result = fn();
      if (result && typeof (result as { then?: unknown }).then === 'function') {
        throw new AppError('INVALID_ARGUMENT', 'A transaction callback must be synchronous (it returned a promise); nothing was saved.');
      }
      return result;
    });
  }

  /**
   * Writes a snapshot of everything committed so far; later snapshots queue behind this one.
   * Backups ride on snapshots taken when nobody is waiting (idle, close, or asked for), at most
   * once per backup interval.
   */
  snapshot(reason: SnapshotReason = 'requested'): Promise<void> {
    const background = reason === 'idle' || reason === 'journal-size';
    const next = this.snapshotChain.then(() => {
      if (background && this.lastSeq === this.snapshotSeq) return; // nothing new since the last one
      return this.writeSnapshot(reason !== 'journal-size' && reason !== 'open');
    });
    this.snapshotChain = next.catch(() => {});
    return next;
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.paths.backups);
  }

  /** Replaces the archive with a backup. The current files are moved aside, never deleted. */
  async restoreBackup(name: string): Promise<void> {
    if (!isBackupName(name) || !existsSync(path.join(this.paths.backups, name))) {
      throw new AppError('NOT_FOUND', `There is no backup named "${name}".`);
    }
    const bytes = await fs.readFile(path.join(this.paths.backups, name));
    const checked = checkSnapshot(this.opts.SQL, bytes);
    if (typeof checked === 'string') throw new AppError('IO', `Backup ${name} is damaged (${checked}); choose an older one.`);
    const backupSeq = readSnapshotSeq(checked);
    checked.close();
    await this.snapshotChain;
    await this.writer?.close();
    this.writer = null;
    const label = `replaced-${timestampLabel()}`;
    // A crash in here leaves archive.db missing next to the set-aside files: the next open then
    // stays read-only and asks for a restore, instead of starting an empty archive.
    if (existsSync(this.paths.snapshot)) await moveAside(this.paths.snapshot, label);
    if (existsSync(this.paths.journal)) {
      // The journal is kept from the newest backup on, so its changes are replayed over that backup
      // and no acknowledged edit is lost. A journal that does not continue the chosen (older) backup
      // is set aside with the replaced files; a copy is always kept.
      const journal = await readJournal(this.paths.journal, backupSeq, this.opts.log);
      if (journal.damage) await moveAside(this.paths.journal, label);
      else await fs.cp(this.paths.journal, freeName(this.paths.journal, label), { recursive: true });
    }
    await writeSnapshotFile(this.paths.snapshot, bytes);
    this.db.close();
    await this.load();
    this.opts.log(`Restored backup ${name}; the previous files were kept with the suffix .${label}.`);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.snapshotChain;
    if (!this.readOnly && this.lastSeq > this.snapshotSeq) {
      await this.snapshot('close').catch((err: Error) => this.opts.log(`Snapshot on close failed (the journal still has every change): ${err.message}`));
    }
    this.closed = true;
    await this.writer?.close();
    this.db.close();
    this.lock.release();
  }

  private async writeSnapshot(backupAllowed: boolean): Promise<void> {
    if (this.readOnly || !this.writer || this.closed) return;
    await this.writer.rotate(); // records after this point belong to the next snapshot
    const seq = this.lastSeq;
    writeSnapshotSeq(this.db, seq);
    const backupDue = backupAllowed && Date.now() - this.lastBackupAt >= this.opts.backupIntervalMs;
    const bytes = this.db.export();
    await writeSnapshotFile(this.paths.snapshot, bytes);
    this.snapshotSeq = seq;
    if (backupDue) await this.backup(bytes, seq);
    await this.writer.removeCovered(this.journalKeepsAfter());
  }

  /** Journal records up to here are in the snapshot and in a verified backup: safe to drop. */
  private journalKeepsAfter(): number {
    return Math.min(this.snapshotSeq, this.backupSeq);
  }

  /** A verified copy of the snapshot just written (the integrity check runs in a worker). */
  private async backup(bytes: Uint8Array, seq: number): Promise<void> {
    try {
      const at = new Date();
      const name = await writeBackup(this.paths.backups, bytes, at, (b) => integrityCheckInWorker(b, this.opts.wasmPath));
      await writeFileDurably(path.join(this.paths.backups, BACKUP_SEQ_FILE), new TextEncoder().encode(`${seq}\n`));
      this.backupSeq = seq;
      this.lastBackupAt = at.getTime();
      this.opts.log(`Backup ${name} written.`);
    } catch (err) {
      this.opts.log(`Backup failed: ${(err as Error).message}`);
    }
  }

  private afterCommit(): void {
    if (this.lastSeq - this.snapshotSeq >= this.opts.snapshotEvery) this.snapshotInBackground('journal-size');
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.snapshotInBackground('idle'), this.opts.idleSnapshotMs);
    this.idleTimer.unref();
  }

  private snapshotInBackground(reason: SnapshotReason): void {
    if (this.backgroundSnapshotQueued || this.closing) return;
    this.backgroundSnapshotQueued = true;
    this.snapshot(reason)
      .catch((err: Error) => this.opts.log(`Background snapshot failed (the journal still has every change): ${err.message}`))
      .finally(() => (this.backgroundSnapshotQueued = false));
  }

  private assertWritable(): void {
    if (this.closing) throw new AppError('INTERNAL', 'The archive is closed.');
    if (this.readOnly) throw new AppError('READ_ONLY', `The archive is read-only: ${this.readOnly}`);
  }

  private checkBudget(sizeBefore: number): void {
    const size = this.db.sizeBytes();
    if (size > this.opts.budgetBytes && size > sizeBefore) {
      const mb = (n: number) => Math.round(n / 1e6);
      throw new AppError('TOO_LARGE', `This change would grow the archive to ${mb(size)} MB, beyond its ${mb(this.opts.budgetBytes)} MB limit. Nothing was saved; delete material or raise the limit.`);
    }
  }

  private onJournalFailure(err: Error): void {
    this.readOnly = `Could not write to the journal (${err.message}); the last change was not saved. Restart Claimdesk.`;
    this.opts.log(this.readOnly);
  }
}

const BACKUP_SEQ_FILE = 'latest-seq';

/** The change number of the newest verified backup (0 when there is none, or it is unknown). */
function readBackupSeq(backupsDir: string): number {
  try {
    const n = Number(readFileSync(path.join(backupsDir, BACKUP_SEQ_FILE), 'utf8').trim());
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}
