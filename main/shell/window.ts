import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './policy';

export function createMainWindow(opts: { preloadPath: string; devServerUrl?: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Claimdesk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f7f5',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
