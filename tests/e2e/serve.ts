// Serving the built renderer to a plain Chromium with window.claimdesk bound to real services.
// Shared by the e2e harness and the UI benchmark (bench/ui.ts): only Electron's IPC is replaced.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import type { ServicesBridge } from '../../main/host/client';
import { APP_CSP } from '../../main/shell/policy';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const RESOURCES_DIR = join(ROOT, 'resources');
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves out/renderer like the app's protocol does: same files, same CSP header. */
export async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(RENDERER_DIR, `.${path === '/' ? '/index.html' : path}`);
    if (!file.startsWith(RENDERER_DIR + sep)) return void res.writeHead(404).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': APP_CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Runs in the page before the app: the same window.claimdesk surface the preload exposes. */
export function installBridge() {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const w = window as unknown as Record<string, unknown>;
  const subscribe = (name: string, l: Listener) => {
    const set = listeners.get(name) ?? new Set<Listener>();
    set.add(l);
    listeners.set(name, set);
    return () => set.delete(l);
  };
  w.__claimdeskEmit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
  w.__claimdeskFilePaths = {} as Record<string, string>;
  w.claimdesk = Object.freeze({
    invoke: (method: string, ...args: unknown[]) => (w.__claimdeskInvoke as (m: string, a: unknown[]) => Promise<unknown>)(method, args),
    on: (event: string, l: Listener) => subscribe(event, l),
    onCommand: (l: Listener) => subscribe('command', l),
    // As the preload does: the paths of dropped files (Chromium gives pages none, so tests register
    // one per file name) are exchanged for main's tokens; the page only ever holds the tokens.
    grantFiles: async (files: File[]) => {
      const paths = files.map((f) => (w.__claimdeskFilePaths as Record<string, string>)[f.name] ?? '').filter((p) => p !== '');
      return paths.length ? (w.__claimdeskGrant as (p: string[]) => Promise<string[]>)(paths) : [];
    },
    platform: 'linux',
  });
}

/**
 * Binds window.claimdesk in `page` to `services` (call before the first navigation): what the
 * shell's IPC (main/shell/ipc.ts) forwards to the services host, this forwards too.
 */
export async function bindServices(page: Page, services: ServicesBridge): Promise<void> {
  await page.exposeBinding('__claimdeskInvoke', (_source, method: unknown, args: unknown) => services.dispatch(method, args));
  // The shell's grant channel over the same registry.
  await page.exposeBinding('__claimdeskGrant', (_source, paths: unknown) => services.grantPaths(paths));
  await page.addInitScript(installBridge);
}

/** Pushes an event to the page as main would. */
export async function emitTo(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(([e, p]) => (window as unknown as { __claimdeskEmit: (e: string, p: unknown) => void }).__claimdeskEmit(e, p), [
    event,
    payload,
  ] as const);
}
