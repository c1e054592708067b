// The benchmarks' cached generated archives (/tmp/claimdesk-bench/100k and the like): generating
// 100k claims takes minutes, so an archive is kept between runs — but only while it still is what
// the current code would generate. Its marker records the size, the schema (the latest migration's
// version and a hash of the migrations' sources, so a migration edited before it shipped counts too)
// and a hash of the generator; the archive file's own user_version must be the latest. Anything else
// (an older schema, a changed generator, a missing or foreign marker) regenerates it, so a benchmark
// never measures an archive the app can no longer read.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate';
import { LATEST_VERSION } from '../main/archive/migrations';

export interface ArchiveSize {
  articles: number;
  claims: number;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('../main/archive/migrations/', import.meta.url));
const GENERATOR = fileURLToPath(new URL('./generate.ts', import.meta.url));
const MARKER = 'generated.json';

const sha256 = (parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 16);
};

/** What a cached archive must have been generated with to be reused. */
export function cacheKey(size: ArchiveSize): Record<string, unknown> {
  const migrations = readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .flatMap((name) => [name, readFileSync(path.join(MIGRATIONS_DIR, name), 'utf8')]);
  return {
    articles: size.articles,
    claims: size.claims,
    schemaVersion: LATEST_VERSION,
    schemaHash: sha256(migrations),
    generatorHash: sha256([readFileSync(GENERATOR, 'utf8')]),
  };
}

/** The schema version in a SQLite file's header (user_version, 4 bytes big-endian at offset 60); null when unreadable. */
export function fileSchemaVersion(dbFile: string): number | null {
  if (!existsSync(dbFile)) return null;
  const header = Buffer.alloc(64);
  const fd = openSync(dbFile, 'r');
  try {
    if (readSync(fd, header, 0, 64, 0) < 64 || header.toString('latin1', 0, 15) !== 'SQLite format 3') return null;
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(60);
}

/** Why the archive in `dir` cannot be reused for `size`, or null when it can. */
export function staleReason(dir: string, size: ArchiveSize): string | null {
  const marker = path.join(dir, MARKER);
  if (!existsSync(marker)) return 'not generated yet';
  let recorded: Record<string, unknown>;
  try {
    recorded = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, unknown>;
  } catch {
    return `unreadable ${MARKER}`;
  }
  const wanted = cacheKey(size);
  const changed = Object.keys(wanted).filter((key) => recorded[key] !== wanted[key]);
  if (changed.length) return `generated with another ${changed.join(', ')}`;
  const version = fileSchemaVersion(path.join(dir, 'archive.db'));
  if (version !== LATEST_VERSION) return `archive.db is at schema version ${version ?? 'unknown'}, the app's is ${LATEST_VERSION}`;
  return null;
}

/**
 * The archive of `size` in `dir`, generated unless the cached one is current (or `fresh` asks for a
 * new one). Returns how long generating took, or null when the cache was used. A benchmark works on
 * a copy of `dir` without the marker, so the cache itself is never opened by the app.
 */
export async function cachedArchive(
  dir: string,
  size: ArchiveSize,
  opts: { fresh?: boolean; log?: (message: string) => void } = {},
): Promise<number | null> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`  ${m}\n`));
  const reason = opts.fresh ? 'asked for a fresh one' : staleReason(dir, size);
  if (reason === null) return null;
  log(`generating ${size.claims} claims / ${size.articles} articles in ${dir} (${reason})`);
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  await generateArchive(dir, { ...size, log });
  writeFileSync(path.join(dir, MARKER), JSON.stringify(cacheKey(size)));
  return Math.round(performance.now() - started);
}

export const CACHE_MARKER = MARKER;
