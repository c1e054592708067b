import type { z } from 'zod';
import type { MethodDef } from '../contract/define';
import type { Services } from '../../services';

/** What handlers may use: the services, minus the dispatch built from the handlers themselves. */
export type ServiceBase = Omit<Services, 'handlers' | 'dispatch'>;

/** Handler functions for one domain's contract: validated arguments in, result out. */
export type HandlersOf<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (
    ...args: z.output<C[M]['args']>
  ) => Promise<C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never> | (C[M] extends MethodDef<z.ZodTuple, infer R> ? R : never);
};
