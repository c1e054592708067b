// The import service: files and folders in, articles and claims in the archive out. Parsing runs in
// the worker pool; storing is serialised so duplicate checks see every earlier file of the batch.
// Each file is all-or-nothing: its article and suggestions are stored together or not at all (the
// original is content-addressed and written first; an unused copy is harmless). A file is read once,
// checked (regular file, size) before any byte is read, and that same read is hashed, parsed and
// stored. Cancelling settles the job at once: reads and parses in flight are abandoned.
import { AppError, toApiError } from '../../shared/errors';
import type { Emit } from '../../shared/events';
import { z } from 'zod';
import { NewClaim, type ImportProgress, type ImportSummary } from '../../shared/domain';
import { collectPaths } from './collect-paths';
import { createNearDuplicateIndex, type NearDuplicateIndex } from './near-duplicates';
import { createImportPool, type ImportPool } from './pool';
import type { ImportArchive, Extractor } from './archive-port';
import { displayPath, type FilePath, type ImportFile } from './read-file';
import type { ParseLimits, ParseOptions, ParsedArticle, ParsedFile } from './types';

export interface ImportServiceOptions {
  archive: ImportArchive;
  /** Proposes claims for a new article; they are stored as suggestions for review. */
  extract?: Extractor;
  emit: Emit;
  pool?: ImportPool;
  /** Files parsed at once (a function is asked before each file starts: importWorkers()). */
  concurrency?: number | (() => number);
  limits?: Partial<ParseLimits>;
}

export interface ImportJobOptions {
  jobId?: string;
  signal?: AbortSignal;
  /** Called for every article the job stored or found already stored (a duplicate). */
  onArticle?: (articleId: number, state: 'done' | 'duplicate') => void;
}

export interface ImportService {
  importPaths(paths: string[], opts?: ImportJobOptions): Promise<ImportSummary>;
  /** Cancels the rest of a running job (files already imported stay); false when no such job runs. */
  cancel(jobId: string): boolean;
  close(): Promise<void>;
}

type Outcome = { state: 'done'; articleId?: number } | { state: 'duplicate'; articleId?: number };
type Prepared = { file: ImportFile; parsed: ParsedFile };

const cancelled = () => new AppError('CANCELLED', 'Import cancelled');

export function createImportService(opts: ImportServiceOptions): ImportService {
  const { archive, emit } = opts;
  const ownPool = !opts.pool;
  const pool = opts.pool ?? createImportPool({ concurrency: opts.concurrency ?? 2, limits: opts.limits });
  let nearDuplicates: NearDuplicateIndex | null = null;
  let storing: Promise<unknown> = Promise.resolve();
  let jobCounter = 0;
  const running = new Map<string, AbortController>();
  // Enough files in flight to keep every worker busy while others hash or store.
  const workers = () => (typeof opts.concurrency === 'function' ? opts.concurrency() : (opts.concurrency ?? 2));

  /** Built once from the archive's articles, then kept up to date as articles are imported. */
  async function nearDuplicateIndex(): Promise<NearDuplicateIndex> {
    if (nearDuplicates) return nearDuplicates;
    const index = createNearDuplicateIndex();
    for (let offset = 0; ; offset += 1_000) {
      const page = await archive.articles.list({ limit: 1_000, offset, sort: 'importedAt', order: 'asc' });
      for (const summary of page.items) index.add(summary.id, (await archive.articles.get(summary.id)).text);
      if (page.items.length < 1_000) break;
    }
    return (nearDuplicates = index);
  }

  /** Runs the extractor and checks its output before anything is written. */
  async function proposeClaims(article: ParsedArticle): Promise<NewClaim[]> {
    // Unreadable text (quality.ts) would only yield junk suggestions; the reader shows its warning.
    if (!opts.extract || article.textQuality === 'unreadable') return [];
    const claims = await opts.extract(article);
    const checked = z.array(NewClaim).max(10_000).safeParse(claims);
    if (!checked.success) throw new AppError('INTERNAL', `Claim extraction returned an invalid claim: ${checked.error.issues[0].message}`);
    return claims;
  }

  async function storeArticle(file: ImportFile, parsed: Extract<ParsedFile, { kind: 'article' }>): Promise<Outcome> {
    const existing = await archive.articles.findBySha256(parsed.source.sha256);
    if (existing) return { state: 'duplicate', articleId: existing.id };
    const index = await nearDuplicateIndex();
    const near = index.find(parsed.article.text);
    const suggestions = await proposeClaims(parsed.article);
    await archive.originals.put(parsed.source.sha256, parsed.source.type, file.bytes);
    // The article and its suggestions are one durable write: a file is imported whole or not at all.
    const articleId = await archive.transaction((tx) => {
      const { id } = tx.articles.insert({ ...parsed.article, source: parsed.source, duplicateOf: near?.id ?? null });
      if (suggestions.length > 0) tx.suggestions.add(id, suggestions);
      return id;
    });
    index.add(articleId, parsed.article.text);
    return { state: 'done', articleId };
  }

  async function store({ file, parsed }: Prepared): Promise<Outcome> {
    if (parsed.kind === 'article') return storeArticle(file, parsed);
    await archive.originals.put(parsed.source.sha256, parsed.source.type, file.bytes);
    await archive.claims.insertMany(parsed.claims);
    return { state: 'done' };
  }

  /** Runs `fn` after every earlier store finished (so duplicate checks see them). */
  function serialised<T>(fn: () => Promise<T>): Promise<T> {
    const run = storing.then(fn, fn);
    storing = run.catch(() => {});
    return run;
  }

  /** Reads, checks and parses one file; a file already stored is a duplicate. */
  async function prepare(path: FilePath, signal: AbortSignal, onProgress: ParseOptions['onProgress']): Promise<Prepared | Outcome> {
    const file = await pool.read(path, { signal });
    const known = await archive.articles.findBySha256(file.sha256);
    if (known) return { state: 'duplicate', articleId: known.id };
    return { file, parsed: await pool.parseBytes(displayPath(path), file.bytes, { signal, onProgress }) };
  }

  async function importOne(
    path: FilePath,
    signal: AbortSignal,
    progress: (state: ImportProgress['state'], extra?: Partial<ImportProgress>) => void,
  ): Promise<Outcome> {
    if (signal.aborted) throw cancelled();
    progress('parsing');
    const prepared = await untilAborted(
      prepare(path, signal, (p) => progress(p.stage, { page: p.page, pages: p.pages })),
      signal,
    );
    if ('state' in prepared) return prepared;
    return serialised(() => {
      if (signal.aborted) throw cancelled();
      return store(prepared);
    });
  }

  async function importPaths(paths: string[], o: ImportJobOptions = {}): Promise<ImportSummary> {
    const jobId = o.jobId ?? `import-${Date.now()}-${++jobCounter}`;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    if (o.signal?.aborted) controller.abort();
    running.set(jobId, controller);
    try {
      return await runJob(jobId, paths, controller.signal, o.onArticle);
    } finally {
      running.delete(jobId);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }

  async function runJob(
    jobId: string,
    paths: string[],
    signal: AbortSignal,
    onArticle: ImportJobOptions['onArticle'],
  ): Promise<ImportSummary> {
    const files = await collectPaths(paths, signal);
    const summary: ImportSummary = { imported: 0, duplicates: 0, failed: [], articleIds: [] };
    const report =
      (path: FilePath, index: number) =>
      (state: ImportProgress['state'], extra: Partial<ImportProgress> = {}) =>
        emit('import.progress', { jobId, path: displayPath(path), index, total: files.length, state, ...extra });
    files.forEach((path, i) => report(path, i)('queued'));
    await forEachLimited(files, workers() * 2, async (path, i) => {
      const progress = report(path, i);
      try {
        const outcome = await importOne(path, signal, progress);
        if (outcome.state === 'duplicate') summary.duplicates++;
        else summary.imported++;
        if (outcome.articleId !== undefined && outcome.state === 'done') summary.articleIds.push(outcome.articleId);
        if (outcome.articleId !== undefined) onArticle?.(outcome.articleId, outcome.state);
        progress(outcome.state, outcome.articleId !== undefined ? { articleId: outcome.articleId } : {});
      } catch (err) {
        const error = toApiError(err);
        summary.failed.push({ path: displayPath(path), error: error.message });
        progress(error.code === 'CANCELLED' ? 'cancelled' : 'failed', { error: error.message });
      }
    });
    // No archive-wide 'archive.changed' here: each imported article's transaction already told the views
    // which records it added (data.changed), so only views showing articles, claims or suggestions refetch.
    summary.articleIds.sort((a, b) => a - b);
    return summary;
  }

  return {
    importPaths,
    cancel(jobId) {
      const job = running.get(jobId);
      job?.abort();
      return !!job;
    },
    close: () => (ownPool ? pool.close() : Promise.resolve()),
  };
}

/** Calls `fn` for every item with at most `limit` calls running at once. */
async function forEachLimited<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Settles with `work`, or rejects with CANCELLED as soon as `signal` aborts (`work` is abandoned). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
