// Smoke tests of the real Electron app. They need an Electron binary, which cannot be downloaded on
// every machine (.ci/run has no internet): without one they are skipped and the reason is printed,
// unless CLAIMDESK_REQUIRE_ELECTRON=1 (the GitHub Actions workflow), where a missing binary fails them.
import { test, expect, _electron as electron } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronPlan, findElectronBinary } from './electron-binary';

const ROOT = resolve(import.meta.dirname, '../..');
const plan = electronPlan(findElectronBinary());
if ('skip' in plan) console.log(plan.skip);

test.describe('Electron app', () => {
  test.skip('skip' in plan, 'skip' in plan ? plan.skip : '');
  test.beforeEach(() => {
    if ('fail' in plan) throw new Error(plan.fail);
  });

  test('starts with the sample archive, secure window options and a working bridge', async () => {
    const archive = mkdtempSync(join(tmpdir(), 'claimdesk-electron-'));
    const app = await electron.launch({
      executablePath: 'run' in plan ? plan.run : undefined,
      args: [join(ROOT, 'out/main/index.js'), '--no-sandbox'],
      env: { ...process.env, CLAIMDESK_ARCHIVE: archive },
    });
    try {
      const win = await app.firstWindow();
      await expect(win.locator('body[data-ready="true"]')).toBeAttached();
      await expect(win.getByRole('button', { name: /North Korea/ }).first()).toBeVisible();
      // Isolated and sandboxed: the page sees the bridge, and no Node.
      const globals = await win.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { require: typeof w.require, process: typeof w.process, bridge: typeof w.claimdesk };
      });
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' });
      // A navigation away from the app is refused.
      await win.evaluate(() => (window.location.href = 'https://example.com/'));
      await win.waitForTimeout(300);
      expect(win.url()).toMatch(/^app:\/\/claimdesk\//);
    } finally {
      await app.close();
    }
  });
});
