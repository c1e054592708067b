// The renderer's only door to the app: a generic, typed invoke plus event subscription. The method
// list and argument checks live in main (main/api/contract), so nothing is written twice here.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ClaimdeskBridge } from '../main/api/contract';
import type { ApiResult } from '../shared/domain';
import {
  MENU_COMMANDS,
  MENU_COMMAND_CHANNEL,
  EVENT_CHANNEL,
  EVENT_NAMES,
  GRANT_CHANNEL,
  INVOKE_CHANNEL,
  type MenuCommand,
} from '../shared/events';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, name: string, payload: unknown) => {
  listeners.get(name)?.forEach((listener) => listener(payload));
});
ipcRenderer.on(MENU_COMMAND_CHANNEL, (_event, menuCommand: MenuCommand) => {
  if (!MENU_COMMANDS.includes(menuCommand)) return;
  listeners.get('command')?.forEach((listener) => listener(menuCommand));
});

function subscribe(name: string, listener: Listener): () => void {
  const set = listeners.get(name) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(name, set);
  return () => set.delete(listener);
}

function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file);
  } catch {
    return '';
  }
}

const bridge: ClaimdeskBridge = {
  invoke: (method, ...args) => ipcRenderer.invoke(INVOKE_CHANNEL, method, args),
  on: (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    return subscribe(event, listener as Listener);
  },
  onCommand: (listener) => subscribe('command', listener as Listener),
  // The page gets tokens, never paths, and cannot name a path itself: only a File the user dropped
  // has one, and only this isolated code can look it up and hand it to main.
  grantFiles: async (files) => {
    const paths = Array.from(files, pathOf).filter((p) => p !== '');
    if (paths.length === 0) return [];
    const res = (await ipcRenderer.invoke(GRANT_CHANNEL, paths)) as ApiResult<string[]>;
    if (!res.ok) throw new Error(res.error.message);
    return res.value;
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('claimdesk', bridge);
