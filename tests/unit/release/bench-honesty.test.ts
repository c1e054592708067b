// The benchmarks measure what they say: a cached generated archive is regenerated when the schema or
// the generator changed (it was once measured with every import failing on 'no such column'), and a
// benchmark whose imports failed stops with the failures instead of printing figures.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_MARKER, cachedArchive, fileSchemaVersion, staleReason } from '../../../bench/cache';
import { requireAllImported } from '../../../bench/imported';
import { writeHtmlArticles } from '../../../bench/html-articles';
import { openArchive } from '../../../main/archive';
import { LATEST_VERSION } from '../../../main/archive/migrations';
import { createImportService } from '../../../main/importers/service';

const root = mkdtempSync(join(tmpdir(), 'claimdesk-bench-honesty-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SIZE = { articles: 4, claims: 12 };
const quiet = { log: () => {} };

async function claimCount(dir: string): Promise<number> {
  const archive = await openArchive({ dir, actor: 'test' });
  try {
    return archive.info().counts.claims;
  } finally {
    await archive.close();
  }
}

describe('the benchmarks cached archive', () => {
  const dir = join(root, 'cache');

  it('is generated once, then reused while schema and generator are unchanged', async () => {
    expect(staleReason(dir, SIZE)).toBe('not generated yet');
    expect(await cachedArchive(dir, SIZE, quiet)).toBeTypeOf('number');
    expect(fileSchemaVersion(join(dir, 'archive.db'))).toBe(LATEST_VERSION);
    expect(staleReason(dir, SIZE)).toBeNull();
    expect(await cachedArchive(dir, SIZE, quiet)).toBeNull();
    expect(staleReason(dir, { ...SIZE, claims: 13 })).toMatch(/another claims/);
  });

  it('is regenerated when it was made by another generator or for another schema', async () => {
    const marker = join(dir, CACHE_MARKER);
    const key = JSON.parse(readFileSync(marker, 'utf8')) as Record<string, unknown>;
    writeFileSync(marker, JSON.stringify({ ...key, generatorHash: 'older', schemaHash: 'older' }));
    expect(staleReason(dir, SIZE)).toBe('generated with another schemaHash, generatorHash');
    expect(await cachedArchive(dir, SIZE, quiet)).toBeTypeOf('number');
    expect(staleReason(dir, SIZE)).toBeNull();
    expect(await claimCount(dir)).toBe(SIZE.claims);
  });

  it('is regenerated when the archive file itself is at an older schema version', async () => {
    const fd = openSync(join(dir, 'archive.db'), 'r+');
    const version = Buffer.alloc(4);
    version.writeUInt32BE(LATEST_VERSION - 1);
    writeSync(fd, version, 0, 4, 60); // the header's user_version
    closeSync(fd);
    expect(staleReason(dir, SIZE)).toBe(`archive.db is at schema version ${LATEST_VERSION - 1}, the app's is ${LATEST_VERSION}`);
    expect(await cachedArchive(dir, SIZE, quiet)).toBeTypeOf('number');
    expect(fileSchemaVersion(join(dir, 'archive.db'))).toBe(LATEST_VERSION);
    expect(await claimCount(dir)).toBe(SIZE.claims);
  });
});

describe('a benchmark that imports', () => {
  async function importInto(name: string, files: string) {
    const archive = await openArchive({ dir: join(root, name), actor: 'test' });
    const imports = createImportService({ archive, emit: () => {} });
    try {
      return [await imports.importPaths([files]), await imports.importPaths([files])];
    } finally {
      await imports.close();
      await archive.close();
    }
  }

  it('stops, saying how many were imported and why the others failed, unless every article was imported', async () => {
    const files = join(root, 'files');
    writeHtmlArticles(files, 3);
    writeFileSync(join(files, 'broken.pdf'), 'not a PDF at all');
    const [first, again] = await importInto('archive-a', files);
    expect(() => requireAllImported(first, 4)).toThrow(
      /^Imported 3 of 4 articles \(0 duplicates, 1 failed\): the figures would not measure an import, so none are reported\.\n {2}.*broken\.pdf: \S/,
    );
    // Duplicates are not imports: a second run over the same files measures nothing either.
    expect(() => requireAllImported(again, 4)).toThrow(/^Imported 0 of 4 articles \(3 duplicates, 1 failed\)/);

    rmSync(join(files, 'broken.pdf'));
    const [clean] = await importInto('archive-b', files);
    expect(clean).toMatchObject({ imported: 3, failed: [] });
    expect(() => requireAllImported(clean, 3)).not.toThrow();
  });
});
