// First start: fill an empty archive with the bundled sample article so a new user sees real work.
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from './services';

const MARKER = '.sample-seeded';

/** Imports resources/samples/* once per archive; a user who deletes the sample does not get it back. */
export async function seedSampleArchive(services: Services, resourcesDir: string): Promise<number> {
  const marker = join(services.archive.dir, MARKER);
  if (existsSync(marker) || services.archive.info().counts.articles > 0) return 0;
  const samplesDir = join(resourcesDir, 'samples');
  const files = existsSync(samplesDir) ? readdirSync(samplesDir).map((f) => join(samplesDir, f)) : [];
  const summary = await services.imports.importPaths(files);
  await writeFile(marker, new Date().toISOString());
  return summary.imported;
}
