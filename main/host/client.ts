// The window side of the services host: the same dispatch(method, args) the renderer's contract
// uses, plus the few things only main asks for (grant dropped paths, open files from the OS, seed the
// sample, snapshot, close). Events the services emit arrive through `emit`; what only the window can
// do (dialogs, printing) is answered through the capabilities passed in. Errors keep their code and
// message. When the host dies, every pending call ends with a clear error, and so does every later one.
import { AppError, toApiError } from '../../shared/errors';
import type { ApiError, ApiResult, ImportSummary } from '../../shared/domain';
import type { Dispatch } from '../api/dispatch';
import type { ServicesOptions } from '../app/context';

export type { ServicesOptions } from '../app/context';
import { CAPABILITIES, type Capability, type ClientPort, type FromHost, type HostMethod, type HostOptions, type Outcome } from './protocol';

/** What the shell's IPC and the e2e bridge need: the contract, and the grant channel for dropped files. */
export interface ServicesBridge {
  dispatch: Dispatch;
  grantPaths(paths: unknown): Promise<string[]>;
}

export interface RemoteServices extends ServicesBridge {
  /**
   * Files opened from the OS (askBeforeMerge: a merge into work waits for a yes in the window), and
   * what to tell the user about them (null: nothing worth a message).
   */
  openPaths(paths: string[], opts?: { askBeforeMerge?: boolean }): Promise<OpenedFiles>;
  /** Imports the bundled sample on a first start; the number of articles it added. */
  seedSample(resourcesDir: string): Promise<number>;
  /** Folds the journal into a snapshot now (in the host's thread). */
  snapshot(): Promise<void>;
  /** Closes the services (the journal is folded into a snapshot), then ends the channel. */
  close(): Promise<void>;
  /** Settles, with why, once the host is gone (after close() too). */
  readonly stopped: Promise<string>;
}

export interface OpenedFiles {
  summary: ImportSummary;
  message: { type: 'info' | 'warning'; message: string; detail: string } | null;
}

/** Message of the error every call gets once the host has stopped unexpectedly. */
export function stoppedMessage(reason: string): string {
  return `The archive service stopped unexpectedly (${reason}). Edits already saved are safe in the archive's journal. Try again; if this keeps happening, restart Claimdesk.`;
}

/**
 * Starts the services behind `port` with `opts` and resolves once they are open. Functions in `opts`
 * (emit, log, and the capabilities) stay on this side; everything else is sent to the host. Rejects
 * with the host's error (its code kept) when the services could not be created.
 */
export function connectServices(port: ClientPort, opts: ServicesOptions): Promise<RemoteServices> {
  const { emit, log, printPdf, chooseFiles, chooseSavePath, openFile, encryptSecret, decryptSecret, ...options } = opts;
  const capabilities = { printPdf, chooseFiles, chooseSavePath, openFile, encryptSecret, decryptSecret };
  const provided = CAPABILITIES.filter((name) => capabilities[name] !== undefined);
  const pending = new Map<number, { method: HostMethod; resolve(outcome: Outcome): void }>();
  let nextId = 1;
  let gone: ApiError | null = null;
  let closing = false;
  let markStopped: (reason: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => (markStopped = resolve));

  return new Promise((resolveStart, rejectStart) => {
    const call = (method: HostMethod, args: unknown[]): Promise<Outcome> =>
      new Promise((resolve) => {
        if (gone) return resolve({ ok: false, error: gone });
        const id = nextId++;
        pending.set(id, { method, resolve });
        try {
          port.post({ type: 'call', id, method, args });
        } catch (err) {
          pending.delete(id);
          resolve({
            ok: false,
            error: {
              code: 'INVALID_ARGUMENT',
              message: `${method}: the arguments could not be sent to the archive service (${toApiError(err).message})`,
            },
          });
        }
      });
    const value = async <T>(method: HostMethod, args: unknown[]): Promise<T> => {
      const outcome = await call(method, args);
      if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
      return outcome.value as T;
    };

    const remote: RemoteServices = {
      // The host answers dispatch with an ApiResult; a transport failure becomes one too, so the
      // renderer shows it like any other error.
      dispatch: async (method, args) => {
        const outcome = await call('dispatch', [method, args]);
        return outcome.ok ? (outcome.value as ApiResult<unknown>) : { ok: false, error: outcome.error };
      },
      grantPaths: (paths) => value<string[]>('grantPaths', [paths]),
      openPaths: (paths, o = {}) => value<OpenedFiles>('openPaths', [paths, { askBeforeMerge: o.askBeforeMerge === true }]),
      seedSample: (resourcesDir) => value<number>('seedSample', [resourcesDir]),
      snapshot: () => value<void>('snapshot', []),
      close: async () => {
        if (gone) return;
        closing = true;
        try {
          await value<void>('close', []);
        } finally {
          end({ code: 'CANCELLED', message: 'The archive service has been closed.' }, 'closed');
          port.close();
        }
      },
      stopped,
    };

    function end(error: ApiError, reason: string): void {
      if (gone) return;
      gone = error;
      for (const p of pending.values()) p.resolve({ ok: false, error });
      pending.clear();
      markStopped(reason);
    }

    async function answer(id: number, capability: Capability, args: unknown[]): Promise<void> {
      let outcome: Outcome;
      try {
        const fn = capabilities[capability] as ((...a: unknown[]) => unknown) | undefined;
        if (!fn) throw new AppError('INTERNAL', `This window cannot ${capability}.`);
        outcome = { ok: true, value: await fn(...args) };
      } catch (err) {
        outcome = { ok: false, error: toApiError(err) };
      }
      if (!gone) port.post({ type: 'answer', id, ...outcome });
    }

    port.onMessage((message: FromHost) => {
      switch (message?.type) {
        case 'ready':
          return resolveStart(remote);
        case 'failed':
          end(message.error, `it could not start: ${message.error.message}`);
          port.close();
          return rejectStart(new AppError(message.error.code, message.error.message));
        case 'result': {
          const p = pending.get(message.id);
          pending.delete(message.id);
          return p?.resolve(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error });
        }
        case 'event':
          return emit?.(message.event, message.payload as never);
        case 'log':
          return log?.(message.message);
        case 'ask':
          return void answer(message.id, message.capability, message.args);
      }
    });

    port.onClose((reason) => {
      if (closing) return end({ code: 'CANCELLED', message: 'The archive service has been closed.' }, 'closed');
      const error: ApiError = { code: 'INTERNAL', message: stoppedMessage(reason) };
      end(error, reason);
      rejectStart(new AppError(error.code, error.message)); // no effect once started
    });

    const init: HostOptions = options;
    try {
      port.post({ type: 'init', options: init, capabilities: provided });
    } catch (err) {
      end({ code: 'INTERNAL', message: `The archive service could not be started: ${toApiError(err).message}` }, 'init failed');
      port.close();
      rejectStart(new AppError('INTERNAL', `The archive service could not be started: ${toApiError(err).message}`));
    }
  });
}
