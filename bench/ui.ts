// UI benchmark (not part of npm test): the built renderer in headless Chromium over an archive of
// 100k claims, bound to the real services as in the e2e tests. Prints JSON.
//   npm run build && npx tsx bench/ui.ts [--dir /tmp/claimdesk-bench] [--fresh]
// Measures: time from opening the Claims view to its first rows, frame times while scrolling
// (requestAnimationFrame deltas with the frame-rate cap off, so a delta is what a frame cost), and
// search-as-you-type latency (keystroke to the new rows on screen).
// The transport is Playwright's binding (CDP), a little slower than Electron's IPC: figures are upper bounds.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { cachedArchive } from './cache';
import { uiSummary } from './ui-summary';
import { startServicesWorker } from '../main/host/node-ports';
import { bindServices, RENDERER_DIR, serveRenderer } from '../tests/e2e/serve';

const SIZE = { articles: 10_000, claims: 100_000 };

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: path.join(os.tmpdir(), 'claimdesk-bench') },
    fresh: { type: 'boolean', default: false },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});

/** The 100k archive, generated once and cached while current (the archive benchmark uses the same cache). */
async function cachedSource(): Promise<string> {
  const dir = path.join(values.dir!, '100k');
  await cachedArchive(dir, SIZE, { fresh: values.fresh });
  return dir;
}

/** Opens the Claims view and waits for real rows (not placeholders) to be on screen. */
async function timeToFirstRows(page: Page): Promise<number> {
  await page.keyboard.press('Alt+1');
  await page.getByRole('list', { name: 'Articles' }).waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) =>
          b.textContent?.trim().startsWith('Claims'),
        )!;
        button.click();
        const check = () => {
          const row = document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not(.placeholder)');
          if (row) resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** Scrolls the grid programmatically, one step per frame, and records the frame deltas. */
async function scrollFrames(page: Page, frames: number, step: number): Promise<number[]> {
  return page.evaluate(
    ([n, px]) =>
      new Promise<number[]>((resolve) => {
        const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
        const deltas: number[] = [];
        let last = performance.now();
        let i = 0;
        const frame = (now: number) => {
          if (i > 0) deltas.push(now - last);
          last = now;
          grid.scrollTop += px;
          if (++i <= n) requestAnimationFrame(frame);
          else resolve(deltas);
        };
        requestAnimationFrame(frame);
      }),
    [frames, step] as const,
  );
}

/** Types a query one character at a time; each keystroke's latency ends when its rows are painted. */
async function searchLatencies(page: Page, query: string): Promise<number[]> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('input[aria-label="Search claims"]')!;
    const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
    const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
    const out: number[] = [];
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    while (grid.getAttribute('aria-busy') === 'true') await frame();
    for (let i = 1; i <= text.length; i++) {
      const t0 = performance.now();
      input.value = text.slice(0, i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame(); // the query starts (aria-busy) in the frame after the keystroke
      while (grid.getAttribute('aria-busy') === 'true') await frame();
      out.push((await frame()) - t0);
    }
    return out;
  }, query);
}

async function main() {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build');
  const source = await cachedSource();
  const work = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-ui-'));
  cpSync(source, work, { recursive: true });
  // As in the app: the services in their own thread, the window's calls over the host protocol.
  const services = await startServicesWorker({ archiveDir: work, actor: 'bench' });
  const server = await serveRenderer();
  const browser = await chromium.launch({
    executablePath: values.chromium,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name helper that page functions would not find.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await bindServices(page, services);
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });

    const firstRows = [];
    for (let i = 0; i < 7; i++) firstRows.push(await timeToFirstRows(page));
    await page.getByRole('grid', { name: 'Claims' }).focus();
    await scrollFrames(page, 30, 200); // warm-up
    const slow = await scrollFrames(page, 300, 120);
    const fast = await scrollFrames(page, 300, 1_500);
    const search: number[] = [];
    for (const q of ['troops border', 'ceasefire', 'sanctions minister', 'vaccine']) search.push(...(await searchLatencies(page, q)));

    const info = await services.dispatch('app.info', []);
    if (!info.ok) throw new Error(info.error.message);
    const summary = uiSummary({
      claims: (info.value as { archive: { counts: { claims: number } } }).archive.counts.claims,
      firstRows,
      slowScroll: slow,
      fastScroll: fast,
      searchKeystrokes: search,
    });
    console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, ...summary }, null, 2));
  } finally {
    await browser.close();
    await server.close();
    await services.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
