import type { z } from 'zod';

/**
 * One API method: a zod tuple for its arguments (validated in main) and its result type.
 * The result is a phantom: it exists only for the type checker.
 */
export interface MethodDef<A extends z.ZodTuple = z.ZodTuple, R = unknown> {
  args: A;
  result?: R;
}

export function method<R>() {
  return <A extends z.ZodTuple>(args: A): MethodDef<A, R> => ({ args });
}
