// The electron-vite build (out/) that release and security tests inspect. `npm test` builds before
// the unit tests; run alone, a test builds what is missing, one test file at a time.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const BUILT_ENTRIES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

const run = promisify(execFile);
const LOCK = join(ROOT, 'node_modules', '.claimdesk-build-lock');

export async function ensureBuilt(): Promise<void> {
  const complete = () => BUILT_ENTRIES.every((f) => existsSync(join(ROOT, f)));
  if (complete()) return;
  // mkdir is atomic: the first test file builds, the others wait for it.
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
      if (complete()) return;
    }
  }
  try {
    if (!complete()) await run('npm', ['run', 'build'], { cwd: ROOT, timeout: 300_000 });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
