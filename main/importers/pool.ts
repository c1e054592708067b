// Parsing off the main thread: a small pool of worker threads, each with a memory cap, a per-file
// time limit (the worker is terminated and replaced when it is exceeded) and cancellation.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { ARCHIVE_LIMITS, checkArchiveSize, type ArchiveLimits } from '../archive/exchange/limits';
import type { ArchiveJson } from '../archive/exchange/format';
import { findPath } from './collect-paths';
import { displayPath, readImportFile, type FilePath, type ImportFile } from './read-file';
import { DEFAULT_LIMITS, PROGRESS_TIMEOUT_MS, type ParseLimits, type ParseOptions, type ParseProgress, type ParsedFile } from './types';
import type { WorkerProgress, WorkerRequest, WorkerResponse, WorkerValue } from './worker';

export interface WorkerEntry {
  /** A module URL, or (eval) source code that loads the TypeScript worker through tsx. */
  script: URL | string;
  eval: boolean;
}

/** Source for an eval worker that registers tsx's loader, then imports worker.ts. */
function tsxBootstrap(workerUrl: URL, moduleUrl: string): string {
  const tsxDir = createRequire(moduleUrl)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, '');
  const api = pathToFileURL(`${tsxDir}dist/esm/api/index.mjs`).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl.href)}); });`;
}

/**
 * Where the worker script is. From sources (vitest, tsx) it is worker.ts loaded through tsx; in the
 * electron-vite build it is out/main/importWorker.js, next to the bundle or one folder up from the
 * chunk this module ends up in.
 */
export function resolveWorkerEntry(moduleUrl: string = import.meta.url): WorkerEntry {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname))
    return { script: tsxBootstrap(new URL('./worker.ts', moduleUrl), moduleUrl), eval: true };
  for (const rel of ['./importWorker.js', '../importWorker.js', './importWorker.mjs']) {
    const url = new URL(rel, moduleUrl);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  throw new AppError('INTERNAL', `Import worker (importWorker.js) not found near ${moduleUrl}`);
}

interface Task {
  id: number;
  name: string;
  bytes: Uint8Array;
  limits: ParseLimits;
  archive?: ArchiveLimits;
  resolve(v: WorkerValue): void;
  reject(e: AppError): void;
  signal?: AbortSignal;
  onAbort?: () => void;
  onProgress?: ParseOptions['onProgress'];
}

interface Slot {
  worker: Worker | null;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

export interface ImportPool {
  /** Reads a file (checked: a regular file within the size limit) and parses it in a worker. */
  parse(path: FilePath, opts?: ParseOptions): Promise<ParsedFile>;
  /** Reads and checks a file as `parse` does, without parsing it. */
  read(path: FilePath, opts?: ParseOptions): Promise<ImportFile>;
  /** Parses bytes already read; `name` gives the format (by its extension) and the messages. */
  parseBytes(name: string, bytes: Uint8Array, opts?: ParseOptions): Promise<ParsedFile>;
  /** Reads a `.claimdesk` archive file (checked as `read` does, against the archive's size cap), then parses and checks it in a worker. */
  parseArchive(path: FilePath, opts?: ArchiveParseOptions): Promise<ArchiveJson>;
  /** Rejects every queued and running parse with CANCELLED. */
  cancelAll(): void;
  close(): Promise<void>;
}

export interface ArchiveParseOptions {
  signal?: AbortSignal;
  /** Default ARCHIVE_LIMITS. */
  limits?: ArchiveLimits;
}

/** A whole archive takes longer and more memory than one article: its worker gets these. */
const ARCHIVE_PARSE_LIMITS = { timeoutMs: 120_000, maxMemoryMb: 2_048 };

/**
 * A worker with nothing to parse for this long exits (~80 MB each, held for nothing between imports);
 * the next file starts a fresh one (a few hundred ms).
 */
export const WORKER_IDLE_MS = 2_000;
/**
 * A parse produces short-lived garbage (a document tree per file): a small young generation keeps a
 * worker at ~60 MB instead of ~80 MB (the default grows to 16 MB x 3) at the same speed.
 */
const YOUNG_GENERATION_MB = 8;

/** From this archive size on (100k claims are ~210 MB), a machine with 2 cores or fewer parses with one worker. */
export const LARGE_ARCHIVE_BYTES = 100 * 1024 * 1024;

/**
 * How many files to parse at once. With a large archive, storing an article (serialised, in the
 * services' thread: near-duplicate check, durable write) takes longer than parsing it, so on a
 * machine with 2 cores or fewer a second worker only adds its memory; elsewhere two.
 */
export function importWorkers(archiveBytes: number, cores: number = availableParallelism()): number {
  return cores <= 2 && archiveBytes >= LARGE_ARCHIVE_BYTES ? 1 : 2;
}

export interface ImportPoolOptions {
  /** Workers at most; a function is asked before each file is started (e.g. fewer while the archive is large). */
  concurrency?: number | (() => number);
  limits?: Partial<ParseLimits>;
  entry?: WorkerEntry;
  /** Default WORKER_IDLE_MS. */
  idleMs?: number;
}

export function createImportPool(opts: ImportPoolOptions = {}): ImportPool {
  const wanted = opts.concurrency ?? 2;
  const concurrency = () => Math.max(1, typeof wanted === 'number' ? wanted : wanted());
  const base: ParseLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const entry = opts.entry ?? resolveWorkerEntry();
  const idleMs = opts.idleMs ?? WORKER_IDLE_MS;
  const slots: Slot[] = []; // grown to the largest concurrency asked for
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(slot: Slot, limits: ParseLimits): Worker {
    const worker = new Worker(entry.script, {
      eval: entry.eval,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // Events from a worker that was already discarded (timeout, cancel) must not touch the slot.
    const current = () => slot.worker === worker;
    worker.on('message', (res: WorkerResponse | WorkerProgress) => {
      if (!current() || slot.task?.id !== res.id) return;
      if ('progress' in res) return progressed(slot, res.progress);
      if (res.ok) finish(slot, (t) => t.resolve(res.value));
      else finish(slot, (t) => t.reject(new AppError(res.error.code, res.error.message)));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (!current()) return;
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      const message = oom ? `Parsing needed more than ${limits.maxMemoryMb} MB of memory` : `Parser crashed: ${err.message}`;
      discard(slot);
      finish(slot, (t) => t.reject(new AppError(oom ? 'TOO_LARGE' : 'PARSE_FAILED', message)));
    });
    worker.on('exit', () => {
      if (!current()) return;
      slot.worker = null;
      if (slot.task) finish(slot, (t) => t.reject(new AppError('PARSE_FAILED', 'Parser stopped unexpectedly')));
    });
    worker.unref();
    return worker;
  }

  function discard(slot: Slot): void {
    const w = slot.worker;
    slot.worker = null;
    if (w) void w.terminate();
  }

  function finish(slot: Slot, settle: (t: Task) => void): void {
    const task = slot.task;
    if (!task) return;
    if (slot.timer) clearTimeout(slot.timer);
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
    slot.task = null;
    slot.timer = null;
    slot.worker?.unref(); // an idle pool must not keep the process alive
    settle(task);
    pump();
    if (!slot.task && slot.worker) slot.timer = setIdleTimer(slot);
  }

  /** An idle worker exits after idleMs (unless a file reaches it first: start() clears the timer). */
  function setIdleTimer(slot: Slot): NodeJS.Timeout {
    const timer = setTimeout(() => {
      if (slot.timer === timer && !slot.task) {
        slot.timer = null;
        discard(slot);
      }
    }, idleMs);
    timer.unref();
    return timer;
  }

  function start(slot: Slot, task: Task): void {
    if (slot.timer) clearTimeout(slot.timer); // the idle timer
    slot.timer = null;
    slot.task = task;
    // Limits that change the worker itself (memory) need a fresh worker.
    if (slot.worker && (slot.worker as Worker & { limitMb?: number }).limitMb !== task.limits.maxMemoryMb) discard(slot);
    if (!slot.worker) {
      slot.worker = spawn(slot, task.limits);
      (slot.worker as Worker & { limitMb?: number }).limitMb = task.limits.maxMemoryMb;
    }
    startTimer(slot, task.limits.timeoutMs);
    slot.worker.ref();
    const req: WorkerRequest = { id: task.id, name: task.name, bytes: task.bytes, limits: task.limits, archive: task.archive };
    slot.worker.postMessage(req);
  }

  function startTimer(slot: Slot, ms: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      discard(slot);
      finish(slot, (t) => t.reject(new AppError('TIMEOUT', `Parsing took longer than ${ms / 1000} s and was stopped`)));
    }, ms);
  }

  /** A progress report (an OCR page done) restarts the time limit, at PROGRESS_TIMEOUT_MS at least. */
  function progressed(slot: Slot, progress: ParseProgress): void {
    startTimer(slot, Math.max(slot.task!.limits.timeoutMs, PROGRESS_TIMEOUT_MS));
    slot.task!.onProgress?.(progress);
  }

  function pump(): void {
    while (slots.length < concurrency()) slots.push({ worker: null, task: null, timer: null });
    const busy = () => slots.filter((slot) => slot.task).length;
    // A warm (idle) worker first, then a fresh one, up to the concurrency wanted now.
    const free = [...slots.filter((slot) => !slot.task && slot.worker), ...slots.filter((slot) => !slot.task && !slot.worker)];
    for (const slot of free) {
      if (queue.length === 0 || busy() >= concurrency()) break;
      start(slot, queue.shift()!);
    }
  }

  function cancel(task: Task): void {
    const queued = queue.indexOf(task);
    if (queued >= 0) {
      queue.splice(queued, 1);
      task.reject(new AppError('CANCELLED', 'Import cancelled'));
      return;
    }
    const slot = slots.find((s) => s.task === task);
    if (slot) {
      discard(slot);
      finish(slot, (t) => t.reject(new AppError('CANCELLED', 'Import cancelled')));
    }
  }

  const limitsOf = ({ signal: _signal, onProgress: _onProgress, ...overrides }: ParseOptions): ParseLimits => ({ ...base, ...overrides });

  async function read(path: FilePath, options: ParseOptions = {}): Promise<ImportFile> {
    if (closed) throw new AppError('CANCELLED', 'Import pool is closed');
    return readImportFile(await findPath(path), limitsOf(options), options.signal);
  }

  function enqueue<T extends WorkerValue>(
    request: Pick<Task, 'name' | 'bytes' | 'limits' | 'archive' | 'signal' | 'onProgress'>,
  ): Promise<T> {
    const { signal } = request;
    if (closed) return Promise.reject(new AppError('CANCELLED', 'Import pool is closed'));
    if (signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'Import cancelled'));
    return new Promise<T>((resolve, reject) => {
      const task: Task = { ...request, id: nextId++, resolve: resolve as (v: WorkerValue) => void, reject };
      if (signal) {
        task.onAbort = () => cancel(task);
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      queue.push(task);
      pump();
    });
  }

  function parseBytes(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
    return enqueue<ParsedFile>({ name, bytes, limits: limitsOf(options), signal: options.signal, onProgress: options.onProgress });
  }

  async function parse(path: FilePath, options: ParseOptions = {}): Promise<ParsedFile> {
    const file = await read(path, options);
    return parseBytes(displayPath(path), file.bytes, options);
  }

  async function parseArchive(
    path: FilePath,
    { signal, limits: archive = ARCHIVE_LIMITS }: ArchiveParseOptions = {},
  ): Promise<ArchiveJson> {
    if (closed) throw new AppError('CANCELLED', 'Import pool is closed');
    const limits: ParseLimits = { ...base, ...ARCHIVE_PARSE_LIMITS, maxBytes: archive.maxBytes };
    const file = await readImportFile(path, limits, signal, (_name, size) => checkArchiveSize(size, archive));
    return enqueue<ArchiveJson>({ name: displayPath(path), bytes: file.bytes, limits, archive, signal });
  }

  return {
    parse,
    read,
    parseBytes,
    parseArchive,
    cancelAll() {
      for (const task of [...queue, ...slots.map((s) => s.task).filter((t): t is Task => !!t)]) cancel(task);
    },
    async close() {
      closed = true;
      this.cancelAll();
      await Promise.all(slots.map((s) => s.worker?.terminate()));
    },
  };
}

let shared: ImportPool | null = null;
const sharedPool = () => (shared ??= createImportPool({ concurrency: 2 }));

/** Parses one file in a worker (a shared pool of two), with the default or given limits. */
export function parseFile(path: FilePath, opts?: ParseOptions): Promise<ParsedFile> {
  return sharedPool().parse(path, opts);
}

/** Reads, parses and checks a `.claimdesk` archive file in a worker of the shared pool. */
export function parseArchiveFile(path: FilePath, opts?: ArchiveParseOptions): Promise<ArchiveJson> {
  return sharedPool().parseArchive(path, opts);
}
