// The e2e harness: the built renderer in Debian's Chromium, with window.claimdesk bound to the real
// services on a temporary archive. Only Electron's IPC transport is replaced (by exposeBinding).
import { test as base, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServices, type Services, type ServicesOptions } from '../../main/services';
import { APP_CSP } from '../../main/shell/policy';
import { seedSampleArchive } from '../../main/sample';
import type { EventName, Events } from '../../main/api/events';

export const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const RESOURCES_DIR = join(ROOT, 'resources');
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.json': 'application/json' };

/** Serves out/renderer like the app's protocol does: same files, same CSP header. */
async function serveRenderer(): Promise<{ url: string; close: () => Promise<void> }> {
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
function installBridge() {
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
    // Chromium gives pages no file paths; tests register the path for each dropped file's name.
    pathForFile: (file: File) => (w.__claimdeskFilePaths as Record<string, string>)[file.name] ?? '',
    platform: 'linux',
  });
}

export interface AppHarness {
  page: Page;
  services: Services;
  archiveDir: string;
  /** Pushes an event to the page as main would. */
  emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>;
  /** Drops files onto the window as a user would; paths are what the preload would report. */
  dropFiles(paths: string[]): Promise<void>;
}

export interface HarnessOptions {
  /** Seed the archive with the bundled sample article, as on a first start. */
  seedSample: boolean;
  serviceOptions: Partial<ServicesOptions>;
}

export const test = base.extend<{ app: AppHarness } & HarnessOptions, { rendererUrl: string }>({
  seedSample: [true, { option: true }],
  serviceOptions: [{}, { option: true }],
  rendererUrl: [
    async ({}, use) => {
      const server = await serveRenderer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl, seedSample, serviceOptions }, use, testInfo) => {
    const archiveDir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-'));
    const logs: string[] = [];
    let pageRef: Page | null = null;
    const services = await createServices({
      archiveDir,
      resourcesDir: RESOURCES_DIR,
      log: (m) => logs.push(m),
      emit: (event, payload) => void pageRef?.evaluate(([e, p]) => (window as unknown as { __claimdeskEmit: (e: string, p: unknown) => void }).__claimdeskEmit(e, p), [event, payload] as const).catch(() => {}),
      ...serviceOptions,
    });
    if (seedSample) await seedSampleArchive(services, RESOURCES_DIR);
    const externalRequests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(rendererUrl) && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    page.on('console', (m) => logs.push(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
    await page.exposeBinding('__claimdeskInvoke', (_source, method: unknown, args: unknown) => services.dispatch(method, args));
    await page.addInitScript(installBridge);
    pageRef = page;
    await page.goto(rendererUrl);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    const harness: AppHarness = {
      page,
      services,
      archiveDir,
      emit: async (event, payload) => {
        await page.evaluate(([e, p]) => (window as unknown as { __claimdeskEmit: (e: string, p: unknown) => void }).__claimdeskEmit(e, p), [event, payload] as const);
      },
      dropFiles: async (paths) => {
        const files = await Promise.all(paths.map(async (p) => ({ name: p.split(/[\\/]/).pop()!, path: p, data: [...(await readFile(p))] })));
        await page.evaluate((list) => {
          const w = window as unknown as { __claimdeskFilePaths: Record<string, string> };
          const dt = new DataTransfer();
          for (const f of list) {
            w.__claimdeskFilePaths[f.name] = f.path;
            dt.items.add(new File([new Uint8Array(f.data)], f.name));
          }
          for (const type of ['dragenter', 'dragover', 'drop']) {
            document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
          }
        }, files);
      },
    };
    await use(harness);
    pageRef = null;
    await services.close();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('app-log', { body: logs.join('\n'), contentType: 'text/plain' });
    expect(externalRequests, 'the renderer must make no remote or file: requests').toEqual([]);
    await rm(archiveDir, { recursive: true, force: true });
  },
});

export { expect };
