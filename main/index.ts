// Electron entry: the thin shell around the services. Everything here is wiring; the behaviour
// lives in plain modules that run (and are tested) without Electron. The services themselves run in
// a utility process (main/host/, main/shell/services-process.ts): this process only draws windows,
// shows dialogs and prints, so the window never waits for the archive.
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNEL, type Emit } from '../shared/events';
import type { ServicesBridge, RemoteServices } from './host/client';
import { stoppedMessage } from './host/client';
import { startServicesProcess } from './shell/services-process';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { hardenApp } from './shell/security';
import { registerIpc } from './shell/ipc';
import { createMainWindow } from './shell/window';
import { installMenu } from './shell/menu';
import { printHtmlToPdf } from './shell/print';
import { keychainSecrets } from './shell/credentials';
import { chooseImportFiles, chooseSavePath } from './shell/dialogs';
import { packagedPaths } from './shell/packaged';
import { makeOpenDir, systemViewer } from './shell/open-file';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
// Packaged: the files electron-builder.yml puts beside app.asar; from sources: the repo's folders.
const packaged = app.isPackaged ? packagedPaths(process.resourcesPath) : null;
const resourcesDir = packaged?.resourcesDir ?? join(here, '../../resources');

let mainWindow: BrowserWindow | null = null;
/** This session's folder for copies of originals opened in other programs; removed on quit. */
let openDir: ReturnType<typeof makeOpenDir> | null = null;
let services: RemoteServices | null = null;
/** Restarts of a crashed services process before the app gives up. */
const MAX_RESTARTS = 3;
let restarts = 0;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Files opened with the app (file manager, "Open with", a .claimdesk archive) are imported.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOs([path]);
  });
  app.on('second-instance', (_event, argv) => {
    void openFromOs(filesIn(argv.slice(1)));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('Claimdesk could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  hardenApp(devServerUrl);
  openDir = makeOpenDir(app.getPath('temp'));
  serveRenderer(join(here, '../renderer'));
  services = await startServices();
  await services.seedSample(resourcesDir);
  registerIpc(currentServices, () => BrowserWindow.getAllWindows(), devServerUrl);
  installMenu(() => mainWindow);
  mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), devServerUrl });
  mainWindow.on('closed', () => (mainWindow = null));
  void openFromOs([...pendingOpen.splice(0), ...filesIn(process.argv.slice(app.isPackaged ? 1 : 2))]);
}

const sendToWindow: Emit = (event, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, event, payload);

/** The window's calls go to whichever services process is running (a restarted one after a crash). */
const currentServices: ServicesBridge = {
  dispatch: (method, args) => running().dispatch(method, args),
  grantPaths: (paths) => running().grantPaths(paths),
};

function running(): RemoteServices {
  if (!services) throw new Error('The archive service is not running.');
  return services;
}

/** Starts the services in their utility process; a crash there restarts it (a few times). */
async function startServices(): Promise<RemoteServices> {
  const remote = await startServicesProcess(join(here, 'servicesHost.js'), {
    archiveDir: process.env.CLAIMDESK_ARCHIVE ?? join(app.getPath('userData'), 'archive'),
    resourcesDir,
    wasmPath: packaged?.wasmPath,
    emit: sendToWindow,
    log: (message) => console.log(`[claimdesk] ${message}`),
    printPdf: printHtmlToPdf,
    chooseFiles: () => chooseImportFiles(mainWindow),
    chooseSavePath: (opts) => chooseSavePath(mainWindow, opts),
    ...(openDir ? { openDir: openDir.dir, openFile: systemViewer(openDir.dir) } : {}),
    ...keychainSecrets(),
    teamSyncAutoStart: true,
  });
  void remote.stopped.then((reason) => restartServices(remote, reason));
  return remote;
}

async function restartServices(stopped: RemoteServices, reason: string): Promise<void> {
  if (closing || services !== stopped) return;
  console.error(`[claimdesk] ${stoppedMessage(reason)}`);
  if (restarts++ >= MAX_RESTARTS) {
    dialog.showErrorBox('Claimdesk has to close', stoppedMessage(reason));
    return app.exit(1);
  }
  try {
    services = await startServices();
    sendToWindow('archive.changed', { kind: 'all' }); // the views read everything again
  } catch (err) {
    dialog.showErrorBox('Claimdesk could not restart the archive service', err instanceof Error ? err.message : String(err));
    app.exit(1);
  }
}

const pendingOpen: string[] = [];

/** Existing files among command-line arguments (flags and the app's own path are skipped). */
function filesIn(args: string[]): string[] {
  return args.filter((a) => !a.startsWith('-') && isAbsolute(a) && existsSync(a) && statSync(a).isFile());
}

async function openFromOs(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  if (!services) {
    pendingOpen.push(...paths); // macOS sends open-file before the app is ready
    return;
  }
  // Nobody chose these inside the app: a .claimdesk file that would merge into work waits for a yes in the window.
  try {
    const { message } = await services.openPaths(paths, { askBeforeMerge: true });
    sendToWindow('archive.changed', { kind: 'all' });
    if (message) await dialog.showMessageBox(message);
  } catch (err) {
    dialog.showErrorBox('Claimdesk could not open these files', err instanceof Error ? err.message : String(err));
  }
}

let closing = false;
app.on('before-quit', (event) => {
  if (!services || closing) return;
  // Fold the journal into a snapshot before leaving; edits are already durable either way.
  event.preventDefault();
  closing = true;
  void services
    .close()
    .catch((err: unknown) => console.error(`[claimdesk] closing the archive: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  try {
    openDir?.remove();
  } catch {
    // a viewer still holds a copy open (Windows): the system's temp folder is cleaned by the OS
  }
});
