// Electron entry: the thin shell around the services. Everything here is wiring; the behaviour
// lives in plain modules that run (and are tested) without Electron.
import { app, BrowserWindow, dialog } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from './services';
import { EVENT_CHANNEL } from '../shared/events';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { hardenApp } from './shell/security';
import { registerIpc } from './shell/ipc';
import { createMainWindow } from './shell/window';
import { installMenu } from './shell/menu';
import { printHtmlToPdf } from './shell/print';
import { chooseImportFiles, chooseSavePath } from './shell/dialogs';
import { seedSampleArchive } from './app/sample';
import { openedFilesMessage, openPaths } from './app/open-paths';
import { packagedPaths } from './shell/packaged';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
// Packaged: the files electron-builder.yml puts beside app.asar; from sources: the repo's folders.
const packaged = app.isPackaged ? packagedPaths(process.resourcesPath) : null;
const resourcesDir = packaged?.resourcesDir ?? join(here, '../../resources');

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

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
  serveRenderer(join(here, '../renderer'));
  const archiveDir = process.env.CLAIMDESK_ARCHIVE ?? join(app.getPath('userData'), 'archive');
  services = await createServices({
    archiveDir,
    resourcesDir,
    wasmPath: packaged?.wasmPath,
    emit: (event, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, event, payload),
    log: (message) => console.log(`[claimdesk] ${message}`),
    printPdf: printHtmlToPdf,
    chooseFiles: () => chooseImportFiles(mainWindow),
    chooseSavePath: (opts) => chooseSavePath(mainWindow, opts),
  });
  await seedSampleArchive(services, resourcesDir);
  registerIpc(services, () => BrowserWindow.getAllWindows(), devServerUrl);
  installMenu(() => mainWindow);
  mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), devServerUrl });
  mainWindow.on('closed', () => (mainWindow = null));
  void openFromOs([...pendingOpen.splice(0), ...filesIn(process.argv.slice(app.isPackaged ? 1 : 2))]);
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
  const summary = await openPaths(services, paths, { askBeforeMerge: true });
  services.emit('archive.changed', { kind: 'all' });
  const message = openedFilesMessage(summary);
  if (message) await dialog.showMessageBox(message);
}

let closing = false;
app.on('before-quit', (event) => {
  if (!services || closing) return;
  // Fold the journal into a snapshot before leaving; edits are already durable either way.
  event.preventDefault();
  closing = true;
  void services.close().finally(() => app.quit());
});

app.on('window-all-closed', () => app.quit());
