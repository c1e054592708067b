import type { z } from 'zod';
import type { MethodDef } from '../contract/define';
import type { AppServices } from '../../app/context';

/** What handlers may use: the use cases' services (the dispatch is built from the handlers). */
export type ServiceBase = AppServices;

/** Handler functions for one domain's contract: validated arguments in, result out. */
export type HandlersOf<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (
    ...args: z.output<C[M]['args']>
  ) => Promise<C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never> | (C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never);
};
