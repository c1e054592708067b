// The e2e harness: the built renderer in Debian's Chromium, with window.claimdesk bound to the real
// services on a temporary archive. Only Electron's IPC transport is replaced (by exposeBinding).
// As in the app, every call and event crosses the services host's protocol (main/host/): the host
// runs behind a real MessageChannel (structured clone, async delivery, errors as {code, message},
// dialogs asked back of this side). It runs in this thread, not a worker, so tests can still look
// at the archive directly (`app.services`); the worker thread itself is covered by tests/unit/host.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { Services, ServicesOptions } from '../../main/services';
import { serveServices } from '../../main/host/host';
import { connectServices, type RemoteServices } from '../../main/host/client';
import { messagePortOf } from '../../main/host/node-ports';
import type { FromHost, ToHost } from '../../main/host/protocol';
import type { EventName, Events } from '../../shared/events';
import { bindServices, emitTo, RESOURCES_DIR, serveRenderer } from './serve';
import { isOpenableCopy } from '../../main/shell/policy';

export { ROOT } from './serve';

export interface AppHarness {
  page: Page;
  /** The services themselves, in this thread: for tests to arrange and inspect the archive. */
  services: Services;
  /** The window's side of the host protocol, as the shell holds it. */
  remote: RemoteServices;
  archiveDir: string;
  /** Pushes an event to the page as main would. */
  emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>;
  /** Drops files onto the window as a user would; the page imports them by the tokens main grants. */
  dropFiles(paths: string[]): Promise<void>;
  /**
   * The files the app asked the system's viewer to open, in order (the shell's check applied: only
   * documents in the session's folder for copies of originals). They stay on disk during the test.
   */
  opened: string[];
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
    // As the shell does (main/shell/open-file.ts): a private folder for copies of originals, and an
    // opener that refuses anything else; instead of a viewer, the request is recorded.
    const openDir = await mkdtemp(join(tmpdir(), 'claimdesk-e2e-originals-'));
    const opened: string[] = [];
    const openFile = async (file: string) => {
      const real = await realpath(file).catch(() => '');
      if (!isOpenableCopy(await realpath(openDir), real, sep)) throw new Error(`Refused to open ${file}: not a copy in ${openDir}`);
      opened.push(real);
    };
    // As the shell's keychain does (main/shell/credentials.ts, safeStorage): the services keep only a
    // blob; this stand-in keeps the secrets in memory.
    const sealed = new Map<string, string>();
    const encryptSecret = async (plain: string) => {
      const blob = Buffer.from(`sealed-${sealed.size + 1}`).toString('base64');
      sealed.set(blob, plain);
      return blob;
    };
    const decryptSecret = async (blob: string) => {
      const plain = sealed.get(blob);
      if (plain === undefined) throw new Error('This keychain did not make that secret: sign in again.');
      return plain;
    };
    const logs: string[] = [];
    let pageRef: Page | null = null;
    const channel = new MessageChannel();
    const hosted = serveServices(messagePortOf<FromHost, ToHost>(channel.port2));
    const remote = await connectServices(messagePortOf<ToHost, FromHost>(channel.port1), {
      archiveDir,
      resourcesDir: RESOURCES_DIR,
      log: (m) => logs.push(m),
      openDir,
      openFile,
      encryptSecret,
      decryptSecret,
      emit: (event, payload) => void (pageRef && emitTo(pageRef, event, payload).catch(() => {})),
      ...serviceOptions,
    });
    const services = await hosted;
    if (seedSample) await remote.seedSample(RESOURCES_DIR);
    const externalRequests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(rendererUrl) && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    page.on('console', (m) => logs.push(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
    await bindServices(page, remote);
    pageRef = page;
    await page.goto(rendererUrl);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    const harness: AppHarness = {
      page,
      services,
      remote,
      archiveDir,
      emit: (event, payload) => emitTo(page, event, payload),
      opened,
      dropFiles: async (paths) => {
        const files = await Promise.all(
          paths.map(async (p) => ({ name: p.split(/[\\/]/).pop()!, path: p, data: [...(await readFile(p))] })),
        );
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
    await remote.close();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('app-log', { body: logs.join('\n'), contentType: 'text/plain' });
    expect(externalRequests, 'the renderer must make no remote or file: requests').toEqual([]);
    await rm(archiveDir, { recursive: true, force: true });
    await rm(openDir, { recursive: true, force: true });
  },
});

export { expect };
