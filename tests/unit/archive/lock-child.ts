// Child process for lock.test.ts: for each archive folder in turn, waits for its start signal (a
// file "go" appearing in it), races for its LOCK and prints "won" or "lost <reason>". Locks won are
// held until stdin closes. Usage: lock-child.ts <dir>...
import { existsSync } from 'node:fs';
import path from 'node:path';
import { acquireLock } from '../../../main/archive/engine/lock';

const tick = new Int32Array(new SharedArrayBuffer(4));
process.stdout.write('ready\n');
for (const dir of process.argv.slice(2)) {
  while (!existsSync(path.join(dir, 'go'))) Atomics.wait(tick, 0, 0, 1);
  try {
    acquireLock(dir);
    process.stdout.write('won\n');
  } catch (err) {
    process.stdout.write(`lost ${(err as Error).message}\n`);
  }
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
