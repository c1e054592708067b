// The services host's entry, one file for both carriers: in the app it is the Electron utility
// process' module (out/main/servicesHost.js, talking over process.parentPort); in Node (bench,
// tests) it is a worker thread's module (talking over worker_threads' parentPort).
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { serveServices } from './host';
import { messagePortOf, utilityParentPortOf, type UtilityParentPort } from './node-ports';
import type { FromHost, HostPort, ToHost } from './protocol';

/**
 * The services yield the CPU to the window: below-normal priority (nice 10; BELOW_NORMAL on Windows)
 * for this thread and the threads it starts (import pool, integrity check). On Linux that is this
 * thread only, the window's thread keeps its priority; elsewhere it is this (utility) process. Work
 * is as fast as before on an idle machine; under load the window is served first.
 */
export const SERVICES_NICE = 10;
try {
  setPriority(0, SERVICES_NICE);
} catch {
  // not allowed here (some sandboxes): the services just run at normal priority
}

const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
const port: HostPort | null = utility ? utilityParentPortOf(utility) : parentPort ? messagePortOf<FromHost, ToHost>(parentPort) : null;
if (!port) throw new Error('The services host runs in a worker thread or an Electron utility process, not on its own.');
// A failure to start has been sent to the window side (with its code); nothing more to do here.
serveServices(port).catch(() => {});
