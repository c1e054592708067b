// The only IPC entry point: one handler for every API method. Messages from anything but the app's
// own top-level pages are refused before they reach the services.
import { ipcMain, type BrowserWindow, type WebFrameMain } from 'electron';
import type { Dispatch } from '../api/dispatch';
import { INVOKE_CHANNEL } from '../api/events';
import { isTrustedSender } from './policy';

export function registerIpc(dispatch: Dispatch, windows: () => BrowserWindow[], devServerUrl?: string): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame, appMainFrames(windows()), devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from a Claimdesk window.' } };
    }
    return dispatch(method, args);
  });
}

function appMainFrames(windows: BrowserWindow[]): WebFrameMain[] {
  return windows.filter((w) => !w.isDestroyed()).map((w) => w.webContents.mainFrame);
}
