#!/usr/bin/env node
// Runs before `npm start`, `npm run dev` and `npm run dist`: checks the Node version the toolchain
// needs, then makes sure Electron's binary is there. Electron ≥ 42 has no install script: its binary is
// fetched only by its own launcher or its `install-electron` bin, and electron-vite reads
// node_modules/electron/path.txt directly, so without this step a fresh `npm start` ends in
// "Error: Electron uninstall". The download happens once (about 100 MB) and is cached by @electron/get.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

/** Electron 45, @electron/get and node-abi declare `node >= 22.12`; vite and electron-vite accept it too. */
export const MIN_NODE = [22, 12, 0];

export function nodeSupported(version = process.versions.node) {
  const have = version.split('.').map(Number);
  for (let i = 0; i < MIN_NODE.length; i++) {
    if (have[i] !== MIN_NODE[i]) return have[i] > MIN_NODE[i];
  }
  return true;
}

function electronDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('electron/package.json'));
}

/** Same test as electron's own install.js: the version stamp, path.txt, and the binary it names. */
export function electronInstalled(dir = electronDir()) {
  try {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (
      readFileSync(join(dir, 'dist', 'version'), 'utf8')
        .replace(/^v/, '')
        .trim() !== version
    )
      return false;
    const exe = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return existsSync(
      process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe) : join(dir, 'dist', exe),
    );
  } catch {
    return false;
  }
}

function fail(lines) {
  process.stderr.write(`\nclaimdesk: ${lines.join('\n  ')}\n\n`);
  process.exit(1);
}

function main() {
  if (!nodeSupported()) {
    fail([
      `Node.js ${MIN_NODE.join('.')} or newer is needed (this is ${process.versions.node}).`,
      'Electron 45 and its installer declare node >= 22.12. Install a current Node.js LTS (see .nvmrc) and run the command again.',
    ]);
  }
  const dir = electronDir();
  if (electronInstalled(dir)) return;
  process.stderr.write('claimdesk: downloading the Electron runtime (once, about 100 MB)…\n');
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status === 0 && electronInstalled(dir)) return;
  const reason = (result.stderr || result.error?.message || '').split('\n').find((l) => l.trim()) ?? `exit status ${result.status}`;
  const offline = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/.test(result.stderr ?? '');
  fail([
    'Could not download the Electron runtime, which the app needs to run.',
    `Reason: ${offline ? 'no connection to the download server' : 'the download failed'} (${reason.trim()}).`,
    'The first start needs an internet connection (GitHub, or the mirror in ELECTRON_MIRROR). Connect and run the command again;',
    'the tests (`npm test`) and the command-line tool (`npx claimdesk`) work without it.',
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
