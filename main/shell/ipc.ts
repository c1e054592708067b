// The only IPC entry point: one handler for every API method. Messages from anything but the app's
// own top-level pages are refused before they reach the services.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import type { Dispatch } from '../api/dispatch';
import { INVOKE_CHANNEL } from '../api/events';
import { isAppUrl } from './policy';

export function registerIpc(dispatch: Dispatch, windows: () => BrowserWindow[], devServerUrl?: string): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, windows(), devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from a Claimdesk window.' } };
    }
    return dispatch(method, args);
  });
}

function isTrustedSender(frame: WebFrameMain | null, windows: BrowserWindow[], devServerUrl?: string): boolean {
  if (!frame || frame.parent) return false;
  const ours = windows.some((w) => !w.isDestroyed() && w.webContents.mainFrame === frame);
  return ours && isAppUrl(frame.url, devServerUrl);
}
