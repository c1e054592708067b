// The archive's two one-off copies of the whole database (the file read at open, a snapshot's
// export, ~200 MB each at 100k claims) are ArrayBuffers V8 frees only at its next full collection,
// which may come long after: meanwhile sql.js grows its own copy and the next export arrives, and
// the process holds three or four copies at once. A full collection right after those copies are
// dropped returns them to the system. It runs in the services process (never the window's), and
// where a runtime does not allow it, nothing happens: memory is then only freed later.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    if (typeof globalThis.gc === 'function') return (collect = globalThis.gc);
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return (collect = typeof gc === 'function' ? (gc as () => void) : null);
  } catch {
    return (collect = null);
  }
}

/** Frees the database copies dropped since the last call (see above). */
export function releaseDroppedCopies(): void {
  collector()?.();
}
