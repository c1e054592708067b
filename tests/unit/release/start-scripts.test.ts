// The README's first command must work for a new user: `npm start` (and `npm run dev`, `npm run dist`)
// first checks the Node version and fetches Electron's binary when it is missing, because Electron ≥ 42
// has no install script and electron-vite never triggers the download itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (it runs before anything is built), no type declarations
import { MIN_NODE, electronInstalled, nodeSupported } from '../../../scripts/ensure-electron.mjs';
import { ROOT } from './built';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };
const ENSURE = 'node scripts/ensure-electron.mjs';

describe('starting the app on a fresh machine', () => {
  it('runs the Electron download step before start, dev and dist', () => {
    for (const script of ['prestart', 'predev', 'predist']) expect(pkg.scripts[script]).toBe(ENSURE);
    expect(pkg.scripts.start).toMatch(/electron-vite preview/);
  });

  it('states one Node version everywhere: package.json engines, .nvmrc and the start check', () => {
    expect(pkg.engines.node).toBe(`>=${MIN_NODE[0]}.${MIN_NODE[1]}`);
    expect(Number(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim())).toBe(MIN_NODE[0]);
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    const electronEngine = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).engines.node as string;
    expect(electronEngine.replace(/\s/g, '')).toBe(`>=${MIN_NODE.join('.')}`);
    expect(nodeSupported('20.19.0')).toBe(false);
    expect(nodeSupported('22.11.9')).toBe(false);
    expect(nodeSupported('22.12.0')).toBe(true);
    expect(nodeSupported('24.1.0')).toBe(true);
  });

  it('says clearly why the app cannot start: old Node, or no network for the one-time download', () => {
    // An unreachable mirror and an empty cache stand in for a machine without internet.
    const env = {
      ...process.env,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: mkdtempSync(join(tmpdir(), 'electron-cache-')),
    };
    const run = spawnSync(process.execPath, ['scripts/ensure-electron.mjs'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    if (!nodeSupported()) {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Node.js ${MIN_NODE.join('.')} or newer is needed (this is ${process.versions.node})`);
    } else if (electronInstalled()) {
      expect(run.status).toBe(0); // already downloaded: nothing to do, nothing fetched
      expect(run.stderr).toBe('');
    } else {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('downloading the Electron runtime');
      expect(run.stderr).toContain('Could not download the Electron runtime');
      expect(run.stderr).toContain('no connection to the download server');
    }
  });
});
