// Worker thread entry: parses one file's bytes per message and answers with the result or an error.
// Runs under resource limits set by the pool; a file that takes too long gets the worker killed. It
// never touches the file system: the pool reads (and checks) the file and sends its bytes.
// A `.claimdesk` archive file is decoded, parsed and checked against its limits here too.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseArchiveBytes, type ArchiveJson } from '../archive/exchange/format';
import type { ArchiveLimits } from '../archive/exchange/limits';
import { parseBytes } from './parse';
import type { ParseLimits, ParseProgress, ParsedFile } from './types';
import type { ApiError } from '../../shared/domain';

export interface WorkerRequest {
  id: number;
  /** The file's name or path: its extension picks the parser. */
  name: string;
  bytes: Uint8Array;
  limits: ParseLimits;
  /** Present for a `.claimdesk` archive file: its limits. */
  archive?: ArchiveLimits;
}

export type WorkerValue = ParsedFile | ArchiveJson;
export type WorkerResponse = { id: number; ok: true; value: WorkerValue } | { id: number; ok: false; error: ApiError };
/** Sent while a file is parsed (OCR pages); the answer follows. */
export type WorkerProgress = { id: number; progress: ParseProgress };

function toError(err: unknown): ApiError {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const e = err as Error;
  if (e instanceof RangeError) return { code: 'TOO_LARGE', message: `File is too large to parse: ${e.message}` };
  return { code: 'PARSE_FAILED', message: `Could not parse the file: ${e instanceof Error ? e.message : String(e)}` };
}

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  try {
    const value = req.archive
      ? parseArchiveBytes(req.bytes, req.archive)
      : await parseBytes(req.name, req.bytes, req.limits, (progress) =>
          parentPort?.postMessage({ id: req.id, progress } satisfies WorkerProgress),
        );
    return { id: req.id, ok: true, value };
  } catch (err) {
    return { id: req.id, ok: false, error: toError(err) };
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  void handle(req).then((res) => parentPort?.postMessage(res));
});
