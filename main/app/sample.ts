// First start: fill an empty archive with the bundled sample article so a new user sees real work.
import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppServices } from './context';
import { acceptAbove } from './suggestions';
import { DEFAULT_THRESHOLD } from '../extraction';

const MARKER = '.sample-seeded';

/** Imports resources/samples/* once per archive; a user who deletes the sample does not get it back. */
export async function seedSampleArchive(services: Pick<AppServices, 'archive' | 'imports'>, resourcesDir: string): Promise<number> {
  const marker = join(services.archive.dir, MARKER);
  const info = services.archive.info();
  // A read-only archive (a full disk, damage) gets the sample at a later start that can write it.
  if (existsSync(marker) || info.readOnly || info.counts.articles > 0) return 0;
  const samplesDir = join(resourcesDir, 'samples');
  const files = existsSync(samplesDir) ? readdirSync(samplesDir).map((f) => join(samplesDir, f)) : [];
  const summary = await services.imports.importPaths(files);
  // A worked example: the sample's proposed claims are accepted, so the claims views are not empty.
  for (const articleId of summary.articleIds) await acceptAbove(services.archive, articleId, DEFAULT_THRESHOLD);
  await writeFile(marker, new Date().toISOString());
  return summary.imported;
}
