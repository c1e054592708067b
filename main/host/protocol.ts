// The services host's wire protocol. The services (archive, import pool, crossref) run in their own
// thread or process; the window's side (Electron's main process, the e2e harness, the bench) talks
// to them with these messages over any MessagePort-like channel: a worker_threads port in Node, an
// Electron utility process' parentPort in the app. Everything sent is structured-cloneable data.
import type { ApiError } from '../../shared/domain';
import type { EventName } from '../../shared/events';
import type { ServicesOptions } from '../app/context';

/** What the host can be asked. `dispatch` is the renderer's whole contract; the rest only main asks. */
export const HOST_METHODS = ['dispatch', 'grantPaths', 'openPaths', 'seedSample', 'snapshot', 'close'] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

/** What only the window's side can do, asked for by the services (native dialogs, Chromium's PDF printer, the system's viewer). */
export const CAPABILITIES = ['printPdf', 'chooseFiles', 'chooseSavePath', 'openFile', 'encryptSecret', 'decryptSecret'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The options that cross to the host: plain data (functions stay with the caller, as capabilities). */
export type HostOptions = Omit<ServicesOptions, 'emit' | 'log' | Capability>;

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** Window side → host. */
export type ToHost =
  | { type: 'init'; options: HostOptions; capabilities: Capability[] }
  | { type: 'call'; id: number; method: HostMethod; args: unknown[] }
  | ({ type: 'answer'; id: number } & Outcome);

/** Host → window side. */
export type FromHost =
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | ({ type: 'result'; id: number } & Outcome)
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'log'; message: string }
  | { type: 'ask'; id: number; capability: Capability; args: unknown[] };

/**
 * One end of the channel, whatever carries it. `onClose` fires once, with why, when the other end
 * is gone (the worker or process exited, the port closed); `close` ends the channel from this side.
 */
export interface PortLike<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onClose(listener: (reason: string) => void): void;
  close(): void;
}

export type HostPort = PortLike<FromHost, ToHost>;
export type ClientPort = PortLike<ToHost, FromHost>;

export function isHostMethod(value: unknown): value is HostMethod {
  return typeof value === 'string' && (HOST_METHODS as readonly string[]).includes(value);
}
