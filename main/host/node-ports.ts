// Carriers for the host protocol: a worker_threads MessagePort (the worker's parentPort, or either
// end of an in-thread MessageChannel), a Worker seen from the thread that started it, and the host's
// end in an Electron utility process (main's end is main/shell/services-process.ts).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { ServicesOptions } from '../app/context';
import { connectServices, type RemoteServices } from './client';
import type { HostPort, PortLike, ToHost } from './protocol';

/** A MessagePort: the worker's parentPort, or one end of a MessageChannel. */
export function messagePortOf<Out, In>(port: MessagePort): PortLike<Out, In> {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
    onClose: (listener) => void port.once('close', () => listener('its message port closed')),
    close: () => port.close(),
  };
}

/** Electron's process.parentPort in a utility process (typed here: main/host/ never imports electron). */
export interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The host's end in an Electron utility process: messages arrive as MessageEvents; the process ends with the app. */
export function utilityParentPortOf(port: UtilityParentPort): HostPort {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data as ToHost)),
    onClose: () => {},
    close: () => process.exit(0),
  };
}

/** A worker, from the thread that started it: its exit (a crash included) closes the channel. */
export function workerPortOf<Out, In>(worker: Worker): PortLike<Out, In> {
  let failure: string | null = null;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => void worker.on('message', listener),
    onClose: (listener) => {
      worker.on('error', (err) => (failure ??= err instanceof Error ? err.message : String(err)));
      worker.once('exit', (code) => listener(failure ? `it failed: ${failure}` : `its thread exited with code ${code}`));
    },
    close: () => void worker.terminate(),
  };
}

/** Source for an eval worker that registers tsx's loader, then imports a TypeScript module. */
export function tsxWorkerSource(moduleUrl: URL): string {
  const tsxDir = createRequire(import.meta.url)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, '');
  const api = pathToFileURL(`${tsxDir}dist/esm/api/index.mjs`).href;
  return `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
}

/**
 * The host's entry: from sources (tsx, vitest) entry.ts through tsx; in the electron-vite build
 * out/main/servicesHost.js, next to the bundle or one folder up from the chunk this module is in.
 * The Electron utility process runs that very file.
 */
export function hostEntry(moduleUrl: string = import.meta.url): { script: URL | string; eval: boolean } {
  if (/\.[cm]?ts$/.test(new URL(moduleUrl).pathname)) return { script: tsxWorkerSource(new URL('./entry.ts', moduleUrl)), eval: true };
  for (const rel of ['./servicesHost.js', '../servicesHost.js']) {
    const url = new URL(rel, moduleUrl);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  throw new AppError('INTERNAL', `The services host (servicesHost.js) was not found near ${moduleUrl}`);
}

/** Node flags that run a module or a loader before the entry (each takes a value, after a space or '='). */
const PRELOAD_FLAGS = ['--import', '--require', '-r', '--loader', '--experimental-loader'];

/**
 * A thread's Node flags less those that preload modules or loaders. A worker inherits its parent's
 * flags, so a tool running from the TypeScript sources (`tsx`, `node --import tsx`) would hand tsx's
 * loader to the built host too: tsx then rewrites the 5.6 MB bundle's dynamic imports and keeps the
 * rewritten text and its inline source map alive — ~190 MB more in the services thread (worker heap
 * 255 instead of 64 MB before the archive opens). The built host is plain JavaScript that the app's
 * utility process runs without any of them.
 */
function withoutPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i];
    if (PRELOAD_FLAGS.includes(flag)) {
      i++; // its value too
    } else if (!PRELOAD_FLAGS.some((f) => flag.startsWith(`${f}=`))) {
      kept.push(flag);
    }
  }
  return kept;
}

/**
 * Starts the services in a worker thread and resolves once they are open (the bench, tests, tools).
 * A built host (a file, not the tsx eval of the sources) runs without the caller's preloads, as in the app.
 */
export async function startServicesWorker(opts: ServicesOptions, entry = hostEntry()): Promise<RemoteServices & { worker: Worker }> {
  const worker = new Worker(entry.script, {
    eval: entry.eval,
    name: 'claimdesk-services',
    ...(entry.eval ? {} : { execArgv: withoutPreloads(process.execArgv) }),
  });
  const remote = await connectServices(workerPortOf(worker), opts);
  return Object.assign(remote, { worker });
}
