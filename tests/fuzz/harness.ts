// The fuzz loop: mutated files (and optionally the shared research files as they are) go through the
// importers exactly as the app runs them, in the worker pool with its limits. This process is the
// "main service": it must survive every file, every file must finish or be refused in time, and
// every refusal must be an AppError with a known code and a human message. Each run also imports the
// special files of special-files.ts (pipe, link to /dev/zero, socket, sparse 1 GB, non-UTF-8 name),
// each of which must be refused with its own message, or parsed, in time.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createImportPool, type ImportPool } from '../../main/importers';
import { displayPath, type FilePath } from '../../main/importers/read-file';
import { AppError } from '../../shared/errors';
import { DEFAULT_LIMITS, PROGRESS_TIMEOUT_MS, type ParseLimits } from '../../main/importers/types';
import { loadSeeds, type Seed } from './corpus';
import { createRng, mutate, type Mutant } from './mutate';
import { makeSpecialFiles, type SpecialFile } from './special-files';

const KNOWN_CODES = new Set(['INVALID_ARGUMENT', 'NOT_FOUND', 'UNSUPPORTED_FORMAT', 'PARSE_FAILED', 'TOO_LARGE', 'TIMEOUT', 'IO']);

export interface FuzzOptions {
  iterations: number;
  seed: number;
  /** Shared files parsed as they are, before the mutations. */
  sharedFiles?: string[];
  /** Per-file time limit handed to the pool. */
  timeoutMs?: number;
  /** Most PDF pages OCR'd per file (the app's default when absent); the short CI run keeps it small. */
  maxOcrPages?: number;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface FuzzProblem {
  file: string;
  recipe: string;
  problem: 'hang' | 'unclear-error' | 'wrong-outcome';
  detail: string;
}

export interface FuzzReport {
  seed: number;
  files: number;
  /** Special files checked (not counted in `files`); none on Windows (no FIFOs or unix sockets). */
  specialFiles: number;
  parsed: number;
  refused: Record<string, number>;
  problems: FuzzProblem[];
  slowestMs: number;
  slowestFile: string;
  durationMs: number;
  /** The fuzzing process itself is still alive and answering (it would not report otherwise). */
  serviceAlive: true;
}

type FuzzLimits = Pick<ParseLimits, 'timeoutMs' | 'maxOcrPages'>;

interface Case {
  name: string;
  bytes: Uint8Array;
  recipe: string;
}

/** The shared files as they are, then `iterations` mutants of all seeds. */
function cases(opts: FuzzOptions, seeds: Seed[]): Case[] {
  const list: Case[] = (opts.sharedFiles ?? []).map((path) => ({
    name: basename(path),
    bytes: new Uint8Array(readFileSync(path)),
    recipe: `shared file ${path}`,
  }));
  const rng = createRng(opts.seed);
  for (let i = 0; i < opts.iterations; i++) {
    const m: Mutant = mutate(rng, seeds);
    list.push({ name: m.name, bytes: m.bytes, recipe: m.recipe });
  }
  return list;
}

/** Settles with the parse outcome, or 'hang' if the pool did not answer within its limit plus grace. */
type Outcome = { ok: true } | { ok: false; error: unknown } | 'hang';

async function parseWithWatchdog(pool: ImportPool, path: FilePath, limits: FuzzLimits): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  let hang: (value: 'hang') => void = () => {};
  const arm = (ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => hang('hang'), ms + 10_000);
  };
  const watchdog = new Promise<'hang'>((resolve) => (hang = resolve));
  arm(limits.timeoutMs);
  try {
    return await Promise.race([
      // A progress report (an OCR page done) is the pool's sign of life: it restarts the pool's own
      // limit at PROGRESS_TIMEOUT_MS, so the watchdog follows it.
      pool.parse(path, { ...limits, onProgress: () => arm(Math.max(limits.timeoutMs, PROGRESS_TIMEOUT_MS)) }).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      watchdog,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function unclear(error: unknown): string | null {
  if (!(error instanceof AppError)) return `not an AppError: ${String(error).slice(0, 200)}`;
  if (!KNOWN_CODES.has(error.code)) return `unexpected code ${error.code}: ${error.message.slice(0, 200)}`;
  if (error.message.trim().length < 8) return `message too short: "${error.message}"`;
  return null;
}

function specialProblem(file: SpecialFile, outcome: Outcome): Pick<FuzzProblem, 'problem' | 'detail'> | null {
  if (outcome === 'hang') return { problem: 'hang', detail: 'no answer in time' };
  if (file.expect === 'parsed')
    return outcome.ok ? null : { problem: 'wrong-outcome', detail: `refused: ${(outcome.error as Error).message}` };
  if (outcome.ok) return { problem: 'wrong-outcome', detail: 'parsed, but it must be refused' };
  const why = unclear(outcome.error);
  if (why) return { problem: 'unclear-error', detail: why };
  const message = (outcome.error as Error).message;
  return file.expect.test(message) ? null : { problem: 'wrong-outcome', detail: `"${message}" does not match ${file.expect}` };
}

/** Imports every special file once; returns how many were checked and what went wrong. */
async function checkSpecialFiles(pool: ImportPool, dir: string, limits: FuzzLimits): Promise<{ count: number; problems: FuzzProblem[] }> {
  if (process.platform === 'win32') return { count: 0, problems: [] };
  const special = await makeSpecialFiles(await mkdtemp(join(dir, 'special-')));
  const problems: FuzzProblem[] = [];
  try {
    for (const file of special.files) {
      const problem = specialProblem(file, await parseWithWatchdog(pool, file.path, limits));
      if (problem) problems.push({ file: basename(displayPath(file.path)), recipe: file.recipe, ...problem });
    }
  } finally {
    await special.close();
  }
  return { count: special.files.length, problems };
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const limits: FuzzLimits = { timeoutMs: opts.timeoutMs ?? 10_000, maxOcrPages: opts.maxOcrPages ?? DEFAULT_LIMITS.maxOcrPages };
  const seeds = loadSeeds(opts.sharedFiles);
  const todo = cases(opts, seeds);
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-fuzz-'));
  const pool = createImportPool({ concurrency: opts.concurrency ?? 2, limits });
  const report: FuzzReport = {
    seed: opts.seed,
    files: todo.length,
    specialFiles: 0,
    parsed: 0,
    refused: {},
    problems: [],
    slowestMs: 0,
    slowestFile: '',
    durationMs: 0,
    serviceAlive: true,
  };
  let next = 0;
  let done = 0;

  async function worker(): Promise<void> {
    while (next < todo.length) {
      const index = next++;
      const c = todo[index];
      const path = join(dir, `${String(index).padStart(5, '0')}-${c.name}`);
      await writeFile(path, c.bytes);
      const t0 = Date.now();
      const outcome = await parseWithWatchdog(pool, path, limits);
      const ms = Date.now() - t0;
      if (ms > report.slowestMs) Object.assign(report, { slowestMs: ms, slowestFile: c.recipe });
      if (outcome === 'hang')
        report.problems.push({ file: basename(path), recipe: c.recipe, problem: 'hang', detail: `no answer after ${ms} ms` });
      else if (outcome.ok) report.parsed++;
      else {
        const code = outcome.error instanceof AppError ? outcome.error.code : 'UNKNOWN';
        report.refused[code] = (report.refused[code] ?? 0) + 1;
        const why = unclear(outcome.error);
        if (why) report.problems.push({ file: basename(path), recipe: c.recipe, problem: 'unclear-error', detail: why });
      }
      await rm(path, { force: true });
      opts.onProgress?.(++done, todo.length);
    }
  }

  try {
    const special = await checkSpecialFiles(pool, dir, limits);
    report.specialFiles = special.count;
    report.problems.push(...special.problems);
    await Promise.all(Array.from({ length: opts.concurrency ?? 2 }, worker));
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
  report.durationMs = Date.now() - started;
  return report;
}
