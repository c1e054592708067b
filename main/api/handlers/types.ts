import type { z } from 'zod';
import type { MethodDef } from '../contract/define';
import type { AppServices } from '../../app/context';

/**
 * What a domain's handlers may use: the named parts of the use cases' services, no more (the whole
 * object by default, for createHandlers). The dispatch is built from the handlers, never passed in.
 */
export type ServiceBase<K extends keyof AppServices = keyof AppServices> = Pick<AppServices, K>;

/** Handler functions for one domain's contract: validated arguments in, result out. */
export type HandlersOf<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (
    ...args: z.output<C[M]['args']>
  ) => Promise<C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never> | (C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never);
};
