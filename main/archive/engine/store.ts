// The durable store: one in-memory sql.js database owned by this process, made durable by an
// fsynced journal of every committed transaction plus periodic snapshots and verified backups.
// An edit's promise resolves only once its journal record is on disk.
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { keepBackup, listBackups, readBackupSeq, type BackupInfo } from './backups';
import type { Database } from './database';
import { StoreBase, type StoreOptions } from './store-base';
import { diskFullError, diskFullReason, freeBytes, isDiskFull, roomNeeded } from './disk-space';
import { JournalWriter } from './journal';
import { encodeRecord } from './journal-format';
import { integrityCheckInWorker } from './integrity';
import type { ArchiveLock } from './lock';
import { lockAndTidy, recoverWithinSpace } from './open-steps';
import { writeSnapshotSeq, type Recovered } from './recovery';
import { writeSnapshotFile, writeSnapshotFileNow } from './snapshot-file';
import { releaseDroppedCopies } from './release-memory';
import { readCheckedBackup, rebuildArchive } from './restore-backup';
import { schemaVersion } from '../migrations';

export type { StoreOptions };

export type SnapshotReason = 'requested' | 'idle' | 'journal-size' | 'open' | 'close';

export class Store extends StoreBase {
  private writer: JournalWriter | null = null;
  private lastSeq = 0;
  private snapshotSeq = 0;
  /** Schema version of the loaded database: each journal record says which one it was written under. */
  private version = 0;
  /** Change number the newest verified backup holds; the journal is kept from there on. */
  private backupSeq = 0;
  private resuming: Promise<void> | null = null;
  /** Null while the disk had no room for the LOCK file (read-only then). */
  private lock: ArchiveLock | null = null;
  private closed = false;
  private backgroundSnapshotQueued = false;
  private snapshotChain: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private lastBackupAt = 0;

  private constructor(opts: StoreOptions) {
    super(opts);
  }

  static async open(opts: StoreOptions): Promise<Store> {
    try {
      await fs.mkdir(opts.dir, { recursive: true });
    } catch (err) {
      throw new AppError('IO', `Cannot use ${opts.dir} as an archive folder: ${(err as Error).message}`);
    }
    const store = new Store(opts);
    try {
      await store.load();
    } catch (err) {
      store.lock?.release();
      throw err;
    }
    return store;
  }

  /** (Re)loads the state on disk and, when writable, makes it one durable snapshot. */
  private async load(): Promise<void> {
    this.lock ??= await lockAndTidy(this.paths, this.opts.log);
    const [recovered, full] = await recoverWithinSpace(this.opts.SQL, this.paths, this.opts.log);
    (this.db as Database | undefined)?.close();
    this.db = recovered.db;
    releaseDroppedCopies(); // the file as read (and the database it replaced)
    this.diskFull = false;
    this.lastSeq = this.snapshotSeq = recovered.lastSeq;
    this.version = schemaVersion(this.db);
    this.readOnly = recovered.readOnlyReason;
    this.loaded = recovered.contents;
    this.lastBackupAt = Date.parse(listBackups(this.paths.backups)[0]?.at ?? '') || 0;
    this.backupSeq = readBackupSeq(this.paths.backups);
    if (this.readOnly) {
      this.opts.log(`Archive opened read-only: ${this.readOnly}`);
      return;
    }
    try {
      if (full) throw full;
      await this.startWriting(recovered);
    } catch (err) {
      if (!isDiskFull(err)) throw err;
      await this.waitForSpace(err as Error);
    }
  }

  private async startWriting(recovered: Recovered): Promise<void> {
    if (!this.lock) throw diskFullError(`writing ${path.join(this.paths.dir, 'LOCK')}`);
    this.writer = await JournalWriter.open(this.paths.journal, recovered.segments, (err) => this.onJournalFailure(err));
    if (recovered.needsSnapshot) await this.snapshot('open');
    else await this.writer.removeCovered(this.journalKeepsAfter());
  }

  /** Out of disk space: read-only (nothing on disk is lost) until a write finds room again. */
  private async waitForSpace(err: Error): Promise<void> {
    await this.stopWriting();
    this.diskFull = true;
    this.readOnly = diskFullReason(this.paths.dir, roomNeeded(this.db.sizeBytes()), await freeBytes(this.paths.dir));
    this.opts.log(`${this.readOnly} (${err.message})`);
  }

  /** Reloads from disk (dropping changes the journal refused) and becomes writable if there is room. */
  private resume(force = false): Promise<void> {
    this.resuming ??= (async () => {
      const free = await freeBytes(this.paths.dir);
      if (!force && free !== null && free < roomNeeded(this.db.sizeBytes())) return;
      await this.snapshotChain;
      await this.stopWriting();
      await this.load();
      this.notify({ type: 'reset' }); // changes the journal refused are gone again
    })().finally(() => (this.resuming = null));
    return this.resuming;
  }

  private async stopWriting(): Promise<void> {
    await this.writer?.close();
    this.writer = null;
  }

  /** Resolves when writes may go ahead (after a full disk: once there is room again); else READ_ONLY. */
  async writable(): Promise<void> {
    await this.whenWritable();
    this.assertWritable();
  }

  private async whenWritable(): Promise<void> {
    if (this.resuming) await this.resuming;
    if (this.diskFull && !this.closing) await this.resume();
  }

  /**
   * Runs `fn` (synchronous SQL through this store) as one transaction and resolves once it is
   * journaled and fsynced. Called inside another write, `fn` simply joins that transaction (and
   * its errors throw synchronously, so the enclosing transaction rolls back as a whole).
   */
  write<T>(fn: () => T): Promise<T> {
    if (this.db.inTransaction) return Promise.resolve(fn());
    if (this.diskFull || this.resuming) return this.whenWritable().then(() => this.commit(fn));
    return this.commit(fn);
  }

  private commit<T>(fn: () => T): Promise<T> {
    try {
      this.assertWritable();
      const sizeBefore = this.db.sizeBytes();
      const { result, statements, touched } = this.db.transaction(fn, () => this.checkBudget(sizeBefore));
      if (statements.length === 0) return Promise.resolve(result);
      const seq = ++this.lastSeq;
      const durable = this.writer!.append(seq, encodeRecord({ seq, version: this.version, statements }));
      this.afterCommit();
      // Listeners (the cross-reference index) see the change before the caller is told it is saved.
      this.notify({ type: 'rows', tables: touched });
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
      // Once the export is out of scope: it, and sql.js's copy of the file before it last grew.
      return this.writeSnapshot(reason !== 'journal-size' && reason !== 'open').finally(releaseDroppedCopies);
    });
    this.snapshotChain = next.catch(() => {});
    return next;
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.paths.backups);
  }

  /**
   * Rebuilds the archive from a backup (null: from its own files) plus every readable journaled
   * change (restore-backup.ts), then keeps a verified backup of the result. Returns what it did.
   */
  async rebuild(backupName: string | null): Promise<string> {
    const backup = backupName === null ? null : await readCheckedBackup(this.opts.SQL, this.paths, backupName);
    await this.snapshotChain;
    await this.stopWriting();
    let note: string;
    try {
      note = await rebuildArchive(this.opts.SQL, this.paths, backup, this.opts.log);
    } finally {
      await this.load(); // the rebuilt archive, or (if that failed) the files as they were
      this.notify({ type: 'reset' });
    }
    this.recoveryNote = note;
    if (!this.readOnly) {
      this.lastBackupAt = 0;
      await this.snapshot('requested');
    }
    return note;
  }

  /** Waits for a resumed write after a full disk (if there is room now); see readOnlyReason for the result. */
  async tryAgain(): Promise<void> {
    await this.whenWritable();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.resuming;
    await this.snapshotChain;
    if (!this.readOnly && this.lastSeq > this.snapshotSeq) {
      await this.snapshot('close').catch((err: Error) =>
        this.opts.log(`Snapshot on close failed (the journal still has every change): ${err.message}`),
      );
    }
    this.closed = true;
    await this.writer?.close();
    this.db.close();
    this.lock?.release();
  }

  private async writeSnapshot(backupAllowed: boolean): Promise<void> {
    if (this.readOnly || !this.writer || this.closed) return;
    await this.writer.rotate(); // records after this point belong to the next snapshot
    const seq = this.lastSeq;
    const backupDue = backupAllowed && Date.now() - this.lastBackupAt >= this.opts.backupIntervalMs;
    // Written straight from sql.js's own file when it can be (no copy of the database in memory);
    // that file changes with the next write, so it is handed to the OS before anything else runs.
    const live = this.db.fileAfter(() => writeSnapshotSeq(this.db, seq));
    const bytes = live ? null : this.db.export();
    await (live ? writeSnapshotFileNow(this.paths.snapshot, live) : writeSnapshotFile(this.paths.snapshot, bytes!));
    this.snapshotSeq = seq;
    // A backup is a copy of that snapshot file (bytes are only at hand when they had to be exported).
    if (backupDue) await this.backup(bytes ?? this.paths.snapshot, seq);
    await this.writer.removeCovered(this.journalKeepsAfter());
  }

  /** Journal records up to here are in the snapshot and in a verified backup: safe to drop. */
  private journalKeepsAfter(): number {
    return Math.min(this.snapshotSeq, this.backupSeq);
  }

  /** A verified copy of the snapshot just written (the integrity check runs in a worker). */
  private async backup(source: Uint8Array | string, seq: number): Promise<void> {
    const at = await keepBackup(this.paths.backups, source, seq, (b) => integrityCheckInWorker(b, this.opts.wasmPath), this.opts.log);
    if (at === null) return;
    this.backupSeq = seq;
    this.lastBackupAt = at;
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

  private onJournalFailure(err: Error): void {
    if (isDiskFull(err)) {
      this.diskFull = true;
      this.readOnly = diskFullReason(this.paths.dir, roomNeeded(this.db.sizeBytes()), null);
      this.opts.log(`${this.readOnly} (${err.message})`);
      void this.resume(true).catch((e: Error) => this.opts.log(`Reloading after a full disk failed: ${e.message}`));
      return;
    }
    this.readOnly = `Could not write to the journal (${err.message}); the last change was not saved. Restart Claimdesk.`;
    this.opts.log(this.readOnly);
  }
}
