// The API contract between renderer and main: every method, its validated arguments and its result,
// and every event main pushes. preload, main's IPC adapter, the e2e harness and the renderer's
// client are all derived from this one object.
import type { z } from 'zod';
import type { MethodDef } from './define';
import { coreContract } from './core';
import { importsContract } from './imports';
import { editingContract } from './editing';
import { crossrefContract } from './crossref';
import { reportsContract } from './reports';
import { entitiesContract } from './entities';
import { maintenanceContract } from './maintenance';
import { mergesContract } from './merges';
import { originalsContract } from './originals';
import { teamContract } from './team';
import { highlightsContract } from './highlights';
import type { ApiResult } from '../../../shared/domain';
import type { MenuCommand, EventName, Events } from '../../../shared/events';

export type { EventName, Events } from '../../../shared/events';

export const contract = {
  ...coreContract,
  ...importsContract,
  ...editingContract,
  ...crossrefContract,
  ...reportsContract,
  ...entitiesContract,
  ...maintenanceContract,
  ...mergesContract,
  ...originalsContract,
  ...teamContract,
  ...highlightsContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodDef<z.ZodTuple, infer R> ? R : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The shape of window.claimdesk, as the preload exposes it. */
export interface ClaimdeskBridge {
  invoke<M extends MethodName>(method: M, ...args: MethodArgs<M>): Promise<ApiResult<MethodResult<M>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  /** Menu commands (Undo, Import…) forwarded by the shell. */
  onCommand(listener: (menuCommand: MenuCommand) => void): () => void;
  /**
   * Tokens for the dropped Files that are on disk (paths found by the preload, never by the page),
   * to pass to import.files; files without a path are left out.
   */
  grantFiles(files: File[]): Promise<string[]>;
  platform: string;
}
