// The e2e harness: the built renderer in Debian's Chromium, with window.claimdesk bound to the real
// services on a temporary archive. Only Electron's IPC transport is replaced (by exposeBinding).
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services, type ServicesOptions } from '../../main/services';
import { seedSampleArchive } from '../../main/app/sample';
import type { EventName, Events } from '../../shared/events';
import { bindServices, emitTo, RESOURCES_DIR, serveRenderer } from './serve';

export { ROOT } from './serve';

export interface AppHarness {
  page: Page;
  services: Services;
  archiveDir: string;
  /** Pushes an event to the page as main would. */
  emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>;
  /** Drops files onto the window as a user would; the page imports them by the tokens main grants. */
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
      emit: (event, payload) => void (pageRef && emitTo(pageRef, event, payload).catch(() => {})),
      ...serviceOptions,
    });
    if (seedSample) await seedSampleArchive(services, RESOURCES_DIR);
    const externalRequests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(rendererUrl) && !r.url().startsWith('data:')) externalRequests.push(r.url());
    });
    page.on('console', (m) => logs.push(`[console.${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`[pageerror] ${e.message}`));
    await bindServices(page, services);
    pageRef = page;
    await page.goto(rendererUrl);
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();
    const harness: AppHarness = {
      page,
      services,
      archiveDir,
      emit: (event, payload) => emitTo(page, event, payload),
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
