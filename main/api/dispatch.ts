// Turns an untrusted (method, args) pair into a validated handler call and an ApiResult.
// Used by the Electron IPC adapter and by the e2e harness, so both transports behave the same.
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodResult, type ParsedArgs } from './contract';
import { toApiError } from '../../shared/errors';
import type { ApiResult } from '../../shared/domain';

export type Handlers = {
  [M in MethodName]: (...args: ParsedArgs<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

/** Issues named in an INVALID_ARGUMENT message (a huge bad array must not make a huge message). */
const MAX_ISSUES_SHOWN = 5;

function invalid(method: string, message: string): ApiResult<never> {
  return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${method}: ${message}` } };
}

function describeIssues(error: z.ZodError): string {
  const shown = z.prettifyError(new z.ZodError(error.issues.slice(0, MAX_ISSUES_SHOWN)));
  const more = error.issues.length - MAX_ISSUES_SHOWN;
  return more > 0 ? `${shown}\n… and ${more.toLocaleString('en-US')} more problems` : shown;
}

/**
 * A key given with the value `undefined` means the same as a key left out (IPC keeps such keys):
 * `{ title: undefined }` changes nothing. Walks validated data only, so its depth is the schema's.
 */
export function withoutUndefinedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefinedKeys);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  // fromEntries defines own properties: a "__proto__" key stays a key and never becomes a prototype.
  return Object.fromEntries(Object.entries(value).flatMap(([key, v]) => (v === undefined ? [] : [[key, withoutUndefinedKeys(v)]])));
}

function parseArgs(method: MethodName, args: unknown): { ok: true; args: unknown[] } | { ok: false; message: string } {
  try {
    const parsed = contract[method].args.safeParse(args);
    if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
    return { ok: true, args: withoutUndefinedKeys(parsed.data) as unknown[] };
  } catch (err) {
    return { ok: false, message: `the arguments could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown API method: ${String(method).slice(0, 100)}` } };
    }
    const parsed = parseArgs(method, args);
    if (!parsed.ok) return invalid(method, parsed.message);
    try {
      const handler = handlers[method] as (...a: unknown[]) => unknown;
      const value = await handler(...parsed.args);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
}
