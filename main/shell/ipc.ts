// The IPC entry points: one handler for every API method, and the preload's grant channel for
// dropped files. Messages from anything but the app's own top-level pages are refused before they
// reach the services (which run in their own process: main/host/).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { toApiError } from '../../shared/errors';
import { GRANT_CHANNEL, INVOKE_CHANNEL } from '../../shared/events';
import type { ApiResult } from '../../shared/domain';
import type { ServicesBridge } from '../host/client';
import { isTrustedSender } from './policy';

const REFUSED = { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from a Claimdesk window.' } } as const;

export function registerIpc(services: ServicesBridge, windows: () => BrowserWindow[], devServerUrl?: string): void {
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event.senderFrame, appMainFrames(windows()), devServerUrl);
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, args: unknown) =>
    trusted(event) ? services.dispatch(method, args) : REFUSED,
  );
  ipcMain.handle(GRANT_CHANNEL, async (event, paths: unknown): Promise<ApiResult<string[]>> => {
    if (!trusted(event)) return REFUSED;
    try {
      return { ok: true, value: await services.grantPaths(paths) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  });
}

function appMainFrames(windows: BrowserWindow[]): WebFrameMain[] {
  return windows.filter((w) => !w.isDestroyed()).map((w) => w.webContents.mainFrame);
}
