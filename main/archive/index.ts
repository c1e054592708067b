// The archive: Claimdesk's memory. Plain Node (no electron): the app, the CLI and tests share it.
//   const archive = await openArchive({ dir, actor: 'alice' });
//   await archive.claims.insert({ statement: '…' });   // resolves once fsynced to the journal
import path from 'node:path';
import type { ArchiveInfo, BackupInfo } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { defaultWasmPath, loadSqlJs } from './engine/sqljs';
import { Store } from './engine/store';
import type { StoreChange } from './engine/store-base';
export type { StoreChange } from './engine/store-base';
import { createOriginals } from './originals';
import { monotonicClock, type RepoBase, type RepoContext, type WriteMode } from './repos/context';
import { createArticleRepo } from './repos/articles';
import { createClaimRepo } from './repos/claims';
import { createEntityRepo } from './repos/entities';
import { createEntityMergeRepo } from './repos/entity-merges';
import { createEvidenceRepo, createLinkRepo } from './repos/links';
import { createHighlightRepo } from './repos/highlights';
import { createCollectionRepo, createSavedSearchRepo, createSuggestionRepo } from './repos/workflow';
import { createRestoreRepo } from './repos/restore';
import { createMergeRepo } from './repos/merge';
import { createSyncRepo } from './sync/repo';
import { watchUnassigned, type UnassignedRecords } from './sync/unassigned';

export type { ArchiveRecords } from './repos/restore';
export { noRecords } from './repos/merge';

export const DEFAULT_BUDGET_BYTES = 1.5e9;

export interface OpenArchiveOptions {
  dir: string;
  /** Recorded in history as who made each change. */
  actor?: string;
  log?: (msg: string) => void;
  /** Writes that would grow the database beyond this are refused (sql.js tops out near 2 GB). */
  budgetBytes?: number;
  /** Snapshot after this many journaled transactions (default 2000). */
  snapshotEvery?: number;
  /** Snapshot after this long without edits (default 30 s). */
  idleSnapshotMs?: number;
  /** At most one backup per this interval (default 1 h). */
  backupIntervalMs?: number;
  /** sql-wasm.wasm location (the packaged app passes its own). */
  wasmPath?: string;
}

/** The repositories, as the normal API (writes return promises) or inside a transaction (values). */
export interface Repos<M extends WriteMode> {
  articles: ReturnType<typeof createArticleRepo<M>>;
  claims: ReturnType<typeof createClaimRepo<M>>;
  /** Entities, their names, and reversible merges (repos/entity-merges.ts). */
  entities: ReturnType<typeof createEntityRepo<M>> & ReturnType<typeof createEntityMergeRepo<M>>;
  links: ReturnType<typeof createLinkRepo<M>>;
  evidence: ReturnType<typeof createEvidenceRepo<M>>;
  /** Passages of an article kept as context, not claims. */
  highlights: ReturnType<typeof createHighlightRepo<M>>;
  suggestions: ReturnType<typeof createSuggestionRepo<M>>;
  savedSearches: ReturnType<typeof createSavedSearchRepo<M>>;
  collections: ReturnType<typeof createCollectionRepo<M>>;
  /** Records restored verbatim (ids, times, history) into an empty archive: a JSON export's import. */
  restore: ReturnType<typeof createRestoreRepo<M>>;
  /** Records merged into an archive that holds work: matched where already here, else fresh ids. */
  merge: ReturnType<typeof createMergeRepo<M>>;
  /** Team sync: global ids, documents to push, pulled documents applied (docs/sync.md). */
  sync: ReturnType<typeof createSyncRepo<M>>;
}

/** Inside `archive.transaction(tx => …)`: the same methods, writes returning their values directly. */
export type ArchiveTx = Repos<'sync'>;

export interface Archive extends Repos<'async'> {
  readonly dir: string;
  info(): ArchiveInfo;
  originals: ReturnType<typeof createOriginals>;
  /**
   * Several writes as one durable, all-or-nothing transaction (one journal record):
   *   const article = await archive.transaction((tx) => {
   *     const a = tx.articles.insert(input);
   *     tx.suggestions.add(a.id, proposals);
   *     return a;
   *   });
   * `fn` must be synchronous; if it throws, nothing is saved.
   */
  transaction<T>(fn: (tx: ArchiveTx) => T): Promise<T>;
  listBackups(): BackupInfo[];
  /**
   * Rebuilds the archive from a backup (or the newer archive file, when it is intact) plus every
   * readable journaled change; the current files are kept aside. Returns what it did.
   */
  restoreBackup(name: string): Promise<string>;
  /** The same without a backup: the intact archive file (or, never backed up, nothing) plus the journal. */
  recoverJournal(): Promise<string>;
  /** After a full disk: becomes writable again if there is room now (else stays read-only). */
  tryAgain(): Promise<void>;
  snapshot(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `listener` synchronously after each committed write, with the rowids it touched by table,
   * before the write's promise resolves; `{type: 'reset'}` after a restore or recovery reloaded
   * everything. Returns the unsubscribe function.
   */
  onChange(listener: (change: StoreChange) => void): () => void;
}

function createRepos<M extends WriteMode>(ctx: RepoContext<M>, unassigned: UnassignedRecords): Repos<M> {
  return {
    articles: createArticleRepo(ctx),
    claims: createClaimRepo(ctx),
    entities: { ...createEntityRepo(ctx), ...createEntityMergeRepo(ctx) },
    links: createLinkRepo(ctx),
    evidence: createEvidenceRepo(ctx),
    highlights: createHighlightRepo(ctx),
    suggestions: createSuggestionRepo(ctx),
    savedSearches: createSavedSearchRepo(ctx),
    collections: createCollectionRepo(ctx),
    restore: createRestoreRepo(ctx),
    merge: createMergeRepo(ctx),
    sync: createSyncRepo(ctx, unassigned),
  };
}

export async function openArchive(opts: OpenArchiveOptions): Promise<Archive> {
  const dir = path.resolve(opts.dir);
  const log = opts.log ?? (() => {});
  const budgetBytes = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const wasmPath = opts.wasmPath ?? defaultWasmPath();
  const store = await Store.open({
    dir,
    SQL: await loadSqlJs(wasmPath),
    wasmPath,
    log,
    budgetBytes,
    snapshotEvery: opts.snapshotEvery ?? 2000,
    idleSnapshotMs: opts.idleSnapshotMs ?? 30_000,
    backupIntervalMs: opts.backupIntervalMs ?? 3_600_000,
  });
  const base = { sql: store, actor: opts.actor?.trim() || 'researcher', now: monotonicClock() };
  const ctx: RepoContext<'async'> = { ...base, write: (fn) => store.write(fn) };
  const txCtx: RepoContext<'sync'> = {
    ...base,
    write: (fn) => {
      if (!store.inTransaction)
        throw new AppError('INTERNAL', 'The tx object is only usable inside its archive.transaction(tx => …) callback.');
      return fn();
    },
  };
  // Records written since sync last looked (the change feed): a sync round gives ids to those only.
  const unassigned = watchUnassigned();
  store.onChange((change) => unassigned.note(change));
  const tx = createRepos(txCtx, unassigned);
  return {
    dir,
    info: () => ({
      dir,
      schemaVersion: store.schemaVersion,
      readOnly: store.readOnlyReason !== null,
      readOnlyReason: store.readOnlyReason,
      diskFull: store.isDiskFull,
      recovery: store.lastRecovery,
      contents: store.contents,
      sizeBytes: store.sizeBytes(),
      budgetBytes,
      memory: store.memory(),
      counts: counts(base),
    }),
    ...createRepos(ctx, unassigned),
    originals: createOriginals(store.paths.originals, () => store.writable()),
    transaction: (fn) => store.transaction(() => fn(tx)),
    listBackups: () => store.listBackups(),
    restoreBackup: (name) => store.rebuild(name),
    recoverJournal: () => store.rebuild(null),
    tryAgain: () => store.tryAgain(),
    snapshot: () => store.snapshot(),
    close: () => store.close(),
    onChange: (listener) => store.onChange(listener),
  };
}

function counts(ctx: RepoBase): ArchiveInfo['counts'] {
  const row = ctx.sql.get<ArchiveInfo['counts']>(
    `SELECT (SELECT count(*) FROM article WHERE deleted_at IS NULL) AS articles,
            (SELECT count(*) FROM claim WHERE deleted_at IS NULL) AS claims,
            (SELECT count(*) FROM entity WHERE merged_into IS NULL) AS entities`,
  );
  return row ?? { articles: 0, claims: 0, entities: 0 };
}
