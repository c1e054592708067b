// Finds the Electron binary without triggering electron's download-on-first-use (which would hang
// on a machine without internet), and decides what the smoke tests do without one: skip with the
// reason here, fail where CLAIMDESK_REQUIRE_ELECTRON=1 says a binary must be there (GitHub Actions).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const REQUIRE_ELECTRON_ENV = 'CLAIMDESK_REQUIRE_ELECTRON';

export function findElectronBinary(): { path: string } | { missing: string } {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return {
      missing:
        'no Electron binary has been downloaded (node_modules/electron/path.txt is absent; Electron ≥ 42 fetches it on first launch, which needs internet)',
    };
  }
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const full = override ? join(override, exe) : join(pkgDir, 'dist', exe);
  return existsSync(full) ? { path: full } : { missing: `the Electron binary ${full} does not exist` };
}

export type ElectronPlan = { run: string } | { skip: string } | { fail: string };

/** Run with the binary; without one, skip (the default) or fail when the environment requires Electron. */
export function electronPlan(binary: { path: string } | { missing: string }, env: NodeJS.ProcessEnv = process.env): ElectronPlan {
  if ('path' in binary) return { run: binary.path };
  const required = env[REQUIRE_ELECTRON_ENV] === '1';
  return required
    ? { fail: `${REQUIRE_ELECTRON_ENV}=1 but ${binary.missing}: run \`node scripts/ensure-electron.mjs\` before the tests.` }
    : { skip: `Electron smoke tests skipped: ${binary.missing}.` };
}
