// Where the packaged app finds its files (see electron-builder.yml: extraResources and asarUnpack).
// Pure, so tests/release checks these very paths inside a packaged build.
import { join } from 'node:path';

export interface PackagedPaths {
  /** Bundled samples: extraResources "resources" → <resourcesPath>/resources. */
  resourcesDir: string;
  /** sql.js' wasm, unpacked from app.asar (asarUnpack). */
  wasmPath: string;
}

export function packagedPaths(resourcesPath: string): PackagedPaths {
  return {
    resourcesDir: join(resourcesPath, 'resources'),
    wasmPath: join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'),
  };
}
