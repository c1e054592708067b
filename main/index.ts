// Electron entry: the thin shell around the services. Everything here is wiring; the behaviour
// lives in plain modules that run (and are tested) without Electron.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices, type Services } from './services';
import { EVENT_CHANNEL } from './api/events';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { hardenApp } from './shell/security';
import { registerIpc } from './shell/ipc';
import { createMainWindow } from './shell/window';
import { installMenu } from './shell/menu';
import { printHtmlToPdf } from './shell/print';
import { seedSampleArchive } from './sample';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(here, '../../resources');

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((err: unknown) => {
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
    emit: (event, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, event, payload),
    log: (message) => console.log(`[claimdesk] ${message}`),
    printPdf: printHtmlToPdf,
    chooseFiles: async () => {
      const options = { title: 'Import articles', properties: ['openFile', 'multiSelections'] as const };
      const res = mainWindow ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return res.canceled ? [] : res.filePaths;
    },
  });
  await seedSampleArchive(services, resourcesDir);
  registerIpc(services.dispatch, () => BrowserWindow.getAllWindows(), devServerUrl);
  installMenu(() => mainWindow);
  mainWindow = createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), devServerUrl });
  mainWindow.on('closed', () => (mainWindow = null));
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
