// Typed client over window.claimdesk. Every call returns the value or throws an ApiCallError whose
// code and message come from main unchanged.
import type { ClaimdeskBridge, MethodArgs, MethodName, MethodResult } from '../../main/api/contract';
import type { ErrorCode } from '../../shared/domain';

declare global {
  interface Window {
    claimdesk: ClaimdeskBridge;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export function bridge(): ClaimdeskBridge {
  if (!window.claimdesk) throw new ApiCallError('INTERNAL', 'Claimdesk bridge missing: the preload did not run.');
  return window.claimdesk;
}

export async function call<M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>> {
  const res = await bridge().invoke(method, ...args);
  if (!res.ok) throw new ApiCallError(res.error.code, res.error.message);
  return res.value;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
