// The services (archive, import pool, crossref) run in an Electron utility process, so a snapshot's
// copy of the whole database, a big import or a merge never holds up the window. This adapts the
// utility process to the host protocol (main/host/); the host code is the very file Node's worker
// thread runs in the bench and the tests (main/host/entry.ts, built as out/main/servicesHost.js).
import { utilityProcess, type UtilityProcess } from 'electron';
import { AppError } from '../../shared/errors';
import { connectServices, type RemoteServices, type ServicesOptions } from '../host/client';
import type { ClientPort, FromHost } from '../host/protocol';

/** The utility process, from main: its exit (a crash included) closes the channel. */
export function utilityProcessPort(child: UtilityProcess): ClientPort {
  let failure: string | null = null;
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', (message: FromHost) => listener(message)),
    onClose: (listener) => {
      child.on('error', (type, location) => (failure ??= `${type} at ${location}`));
      child.once('exit', (code) => listener(failure ? `it failed: ${failure}` : `its process exited with code ${code}`));
    },
    close: () => void child.kill(),
  };
}

/** Forks the host (`entry`: out/main/servicesHost.js) and resolves once the archive is open. */
export async function startServicesProcess(entry: string, opts: ServicesOptions): Promise<RemoteServices> {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Claimdesk archive', stdio: 'inherit' });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('exit', (code) => reject(new AppError('INTERNAL', `The archive service could not start (exit code ${code}).`)));
  });
  return connectServices(utilityProcessPort(child), opts);
}
