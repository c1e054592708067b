// The built CLI the shared scorers call (`node out/main/cli.js extract FILE --json`): rebuilt first
// when it is missing or older than any source file under main/, unless the caller says not to.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILT_CLI = 'out/main/cli.js';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(?:ts|js|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds out/main/cli.js when it is stale; exits the process when the build fails. */
export function ensureBuiltCli(tool: string): void {
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= newestSource('main')) return;
  console.error(`${tool}: building ${BUILT_CLI} …`);
  const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
