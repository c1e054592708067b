// A recording stand-in for the parts of the `electron` module the shell's security adapters use,
// so their behaviour (what they deny, what they let through) runs in plain Node.
import { vi } from 'vitest';

type Fn = (...args: never[]) => unknown;

type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export interface FakeSession {
  requestHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
  checkHandler: ((wc: unknown, permission: string) => boolean) | null;
  requestFilter: RequestFilter | null;
  spellCheckerEnabled: boolean;
  dictionaryDownloadUrl: string | null;
  setPermissionRequestHandler(h: FakeSession['requestHandler']): void;
  setPermissionCheckHandler(h: FakeSession['checkHandler']): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerDictionaryDownloadURL(url: string): void;
  webRequest: { onBeforeRequest(filter: RequestFilter): void };
  /** Runs a request through the session's filter; true when it was cancelled. */
  request(url: string): boolean;
}

export function fakeSession(): FakeSession {
  const session: FakeSession = {
    requestHandler: null,
    checkHandler: null,
    requestFilter: null,
    spellCheckerEnabled: true, // Electron's default
    dictionaryDownloadUrl: null, // null: Chromium's CDN
    setPermissionRequestHandler(h) {
      this.requestHandler = h;
    },
    setPermissionCheckHandler(h) {
      this.checkHandler = h;
    },
    setSpellCheckerEnabled(enabled) {
      this.spellCheckerEnabled = enabled;
    },
    setSpellCheckerDictionaryDownloadURL(url) {
      this.dictionaryDownloadUrl = url;
    },
    webRequest: { onBeforeRequest: (filter) => void (session.requestFilter = filter) },
    request(url) {
      let cancelled = false;
      session.requestFilter?.({ url }, (r) => (cancelled = r.cancel));
      return cancelled;
    },
  };
  return session;
}

/** A web contents that records the listeners and the window-open handler the shell installs. */
export function fakeWebContents() {
  const listeners = new Map<string, Fn>();
  return {
    listeners,
    openHandler: null as ((details: { url: string }) => { action: string }) | null,
    on(event: string, fn: Fn) {
      listeners.set(event, fn);
      return this;
    },
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
      this.openHandler = fn;
    },
    isDestroyed: () => false,
    /** Fires `event` with a preventable event object; returns whether the shell prevented it. */
    fire(event: string, ...args: unknown[]): boolean {
      const e = { preventDefault: vi.fn() };
      (listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(e, ...args);
      return e.preventDefault.mock.calls.length > 0;
    },
  };
}

export function createFakeElectron() {
  const appListeners = new Map<string, Fn>();
  const ipcHandlers = new Map<string, Fn>();
  const rendererListeners = new Map<string, Fn>();
  const exposed = new Map<string, unknown>();
  const fake = {
    appListeners,
    ipcHandlers,
    rendererListeners,
    exposed,
    dialogResponse: 1,
    module: {} as Record<string, unknown>,
  };
  fake.module = {
    app: { on: (event: string, fn: Fn) => appListeners.set(event, fn) },
    session: { defaultSession: fakeSession() },
    dialog: { showMessageBox: vi.fn(async () => ({ response: fake.dialogResponse })) },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async (_path: string) => '') },
    ipcMain: { handle: (channel: string, fn: Fn) => ipcHandlers.set(channel, fn) },
    ipcRenderer: {
      on: (channel: string, fn: Fn) => rendererListeners.set(channel, fn),
      invoke: vi.fn(async () => ({ ok: true, value: null })),
    },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    webUtils: { getPathForFile: () => '/home/researcher/article.html' },
  };
  return fake;
}
