// The host side: runs createServices() where it is loaded (a worker thread, an Electron utility
// process, or, in the e2e harness, the test's own thread behind a real MessageChannel) and answers
// the window side's messages. Every event the services emit is forwarded; what only the window can
// do (dialogs, printing to PDF) is asked of it and awaited.
import { AppError, toApiError } from '../../shared/errors';
import type { Emit } from '../../shared/events';
import { createServices, type Services, type ServicesOptions } from '../services';
import { openedFilesMessage, openPaths, type OpenOptions } from '../app/open-paths';
import { seedSampleArchive } from '../app/sample';
import type { Capability, FromHost, HostMethod, HostPort, Outcome, ToHost } from './protocol';

export type CreateServices = (opts: ServicesOptions) => Promise<Services>;

/**
 * Serves the services over `port` once the window side sends `init`. Resolves with the services
 * (the e2e harness inspects them in-thread); rejects when they could not be created (the window
 * side got a `failed` message with the error's code and message).
 */
export function serveServices(port: HostPort, create: CreateServices = createServices): Promise<Services> {
  return new Promise((resolveServices, rejectServices) => {
    let services: Services | null = null;
    let starting = false;
    let nextAsk = 1;
    const asks = new Map<number, { resolve(value: unknown): void; reject(err: AppError): void }>();

    const send = (message: FromHost): void => {
      try {
        port.post(message);
      } catch (err) {
        // Not cloneable (a value the contract should never return): the caller still gets an answer.
        if (message.type === 'result')
          port.post({
            type: 'result',
            id: message.id,
            ok: false,
            error: { code: 'INTERNAL', message: `The answer could not be sent to the window: ${toApiError(err).message}` },
          });
      }
    };

    const ask = (capability: Capability, args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const id = nextAsk++;
        asks.set(id, { resolve, reject });
        send({ type: 'ask', id, capability, args });
      });

    const emit: Emit = (event, payload) => send({ type: 'event', event, payload });
    const log = (message: string) => send({ type: 'log', message });

    function capabilities(names: Capability[]): Pick<ServicesOptions, Capability> {
      const has = (name: Capability) => names.includes(name);
      return {
        printPdf: has('printPdf') ? async (html, opts) => (await ask('printPdf', [html, opts])) as Uint8Array : undefined,
        chooseFiles: has('chooseFiles') ? async () => (await ask('chooseFiles', [])) as string[] : undefined,
        chooseSavePath: has('chooseSavePath') ? async (opts) => (await ask('chooseSavePath', [opts])) as string | null : undefined,
        openFile: has('openFile') ? async (file) => void (await ask('openFile', [file])) : undefined,
        encryptSecret: has('encryptSecret') ? async (plain) => (await ask('encryptSecret', [plain])) as string : undefined,
        decryptSecret: has('decryptSecret') ? async (blob) => (await ask('decryptSecret', [blob])) as string : undefined,
      };
    }

    async function start(message: Extract<ToHost, { type: 'init' }>): Promise<void> {
      if (starting) return;
      starting = true;
      try {
        services = await create({ ...message.options, emit, log, ...capabilities(message.capabilities) });
        send({ type: 'ready' });
        resolveServices(services);
      } catch (err) {
        send({ type: 'failed', error: toApiError(err) });
        rejectServices(err);
      }
    }

    async function call(id: number, method: HostMethod, args: unknown[]): Promise<void> {
      let outcome: Outcome;
      try {
        if (!services) throw new AppError('INTERNAL', 'The services are not started yet.');
        outcome = { ok: true, value: await run(services, method, args) };
      } catch (err) {
        outcome = { ok: false, error: toApiError(err) };
      }
      send({ type: 'result', id, ...outcome });
    }

    port.onMessage((message) => {
      switch (message?.type) {
        case 'init':
          return void start(message);
        case 'call':
          return void call(message.id, message.method, Array.isArray(message.args) ? message.args : []);
        case 'answer': {
          const pending = asks.get(message.id);
          asks.delete(message.id);
          if (message.ok) pending?.resolve(message.value);
          else pending?.reject(new AppError(message.error.code, message.error.message));
          return;
        }
        default:
          log(`services host: ignored a message it does not know (${String((message as { type?: unknown })?.type).slice(0, 40)})`);
      }
    });

    port.onClose(() => {
      for (const pending of asks.values()) pending.reject(new AppError('CANCELLED', 'The window closed before it answered.'));
      asks.clear();
    });
  });
}

async function run(services: Services, method: HostMethod, args: unknown[]): Promise<unknown> {
  switch (method) {
    case 'dispatch':
      return services.dispatch(args[0], args[1]); // an ApiResult: the contract validates the arguments
    case 'grantPaths':
      return services.pathGrants.grant(args[0]);
    case 'openPaths': {
      const summary = await openPaths(services, stringList(args[0]), {
        askBeforeMerge: (args[1] as OpenOptions | undefined)?.askBeforeMerge === true,
      });
      return { summary, message: openedFilesMessage(summary) };
    }
    case 'seedSample':
      if (typeof args[0] !== 'string') throw new AppError('INVALID_ARGUMENT', 'seedSample: the resources folder must be a path.');
      return seedSampleArchive(services, args[0]);
    case 'snapshot':
      return services.archive.snapshot();
    case 'close':
      return services.close();
    default:
      throw new AppError('UNKNOWN_METHOD', `Unknown services host method: ${String(method).slice(0, 100)}`);
  }
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new AppError('INVALID_ARGUMENT', 'openPaths: expected a list of paths.');
  return value;
}
