// Turns an untrusted (method, args) pair into a validated handler call and an ApiResult.
// Used by the Electron IPC adapter and by the e2e harness, so both transports behave the same.
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodResult, type ParsedArgs } from './contract';
import { toApiError } from './errors';
import type { ApiResult } from './types';

export type Handlers = {
  [M in MethodName]: (...args: ParsedArgs<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (method, args) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown API method: ${String(method).slice(0, 100)}` } };
    }
    const parsed = contract[method].args.safeParse(args);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${method}: ${z.prettifyError(parsed.error)}` } };
    }
    try {
      const handler = handlers[method] as (...a: unknown[]) => unknown;
      const value = await handler(...(parsed.data as unknown[]));
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
}
