// Files that are not ordinary files (pipes, sockets, links to devices, sparse giants, names that are
// not UTF-8) and cancelling a job with a slow file in flight: each import settles with a specific
// message, and ordinary archive edits keep being written meanwhile.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import type { Events } from '../../../shared/events';
import { createImportPool, type ImportPool } from '../../../main/importers/pool';
import { createImportService, type ImportService } from '../../../main/importers/service';
import { makePdf } from '../../fixtures/importers/make';
import { makeSpecialFiles, rawPath, SPECIAL_ARTICLE, type SpecialFile } from '../../fuzz/special-files';

const pool = createImportPool({ concurrency: 2, limits: { timeoutMs: 120_000 } });
const events: Events['import.progress'][] = [];
let archive: Archive;
let service: ImportService;
let dir: string;
let special: Awaited<ReturnType<typeof makeSpecialFiles>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-hostile-'));
  archive = await openArchive({ dir: join(dir, 'archive'), actor: 'test' });
  service = createImportService({
    archive,
    pool,
    emit: (event, payload) => void (event === 'import.progress' && events.push(payload as Events['import.progress'])),
  });
  mkdirSync(join(dir, 'special'));
  special = await makeSpecialFiles(join(dir, 'special'));
});
afterAll(async () => {
  await special.close();
  await pool.close();
  await archive.close();
  rmSync(dir, { recursive: true, force: true });
});

const refused = (files: SpecialFile[]) => files.filter((f) => f.expect !== 'parsed');
const shown = (p: SpecialFile['path']) => (typeof p === 'string' ? p : p.toString('utf8'));

/** An ordinary edit: one claim written through the archive's journal. */
const edit = (statement: string) => archive.claims.insert({ statement });

describe('importing files that are not ordinary files', () => {
  it('refuses pipes, sockets, links to devices and a 1 GB sparse file at once, each with its own message, while edits keep being written', async () => {
    mkdirSync(join(dir, 'pipes'));
    const pipes = Array.from({ length: 4 }, (_, i) => join(dir, 'pipes', `pipe${i}.txt`));
    for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
    const hostile = refused(special.files);
    // More hostile files than libuv has threads (4): none may hold one.
    const importing = service.importPaths([...pipes, ...hostile.map((f) => shown(f.path))], { jobId: 'hostile' });
    const claim = await edit('The council met on Monday.');
    expect(archive.claims.get(claim.id).statement).toBe('The council met on Monday.');
    const summary = await importing;
    expect(summary.imported).toBe(0);
    for (const file of hostile) expect(summary.failed.find((f) => f.path === file.path)?.error).toMatch(file.expect);
    for (const pipe of pipes)
      expect(summary.failed).toContainEqual({ path: pipe, error: expect.stringContaining('is a named pipe (FIFO)') });
  });

  it('walks a folder of them, importing the regular files (and the link to one) and skipping the rest quietly', async () => {
    const summary = await service.importPaths([join(dir, 'special')]);
    // article.txt, link.txt (same bytes: a duplicate), caf\xE9.txt; the sparse PDF is a regular file, refused for its size.
    expect(summary).toMatchObject({ imported: 2, duplicates: 1 });
    expect(summary.failed).toEqual([{ path: join(dir, 'special', 'sparse.pdf'), error: 'File is 1024 MB (limit 100 MB): sparse.pdf' }]);
  });

  it('imports (and parses) a file whose name is not valid UTF-8, from a folder and when named with U+FFFD for the bad byte', async () => {
    const folder = join(dir, 'latin1');
    mkdirSync(folder);
    writeFileSync(rawPath(folder, [0x63, 0x61, 0x66, 0xe9, 0x2e, 0x74, 0x78, 0x74]), `${SPECIAL_ARTICLE} Written in a café.`);
    const summary = await service.importPaths([folder]);
    expect(summary).toMatchObject({ imported: 1, failed: [] });
    expect(archive.articles.get(summary.articleIds[0]).source?.name).toBe('caf\uFFFD.txt');
    const named = await service.importPaths([join(folder, 'caf\uFFFD.txt')]);
    expect(named).toMatchObject({ imported: 0, duplicates: 1, failed: [] });
    // As `claimdesk extract` reads one file.
    expect((await pool.parse(join(folder, 'caf\uFFFD.txt'))).source.name).toBe('caf\uFFFD.txt');
  });

  it('says why a name that is not valid UTF-8 cannot be found when it stands for no file', async () => {
    const summary = await service.importPaths([join(dir, 'nothing-\uFFFD.txt')]);
    expect(summary.failed[0].error).toBe(
      `File not found: ${join(dir, 'nothing-\uFFFD.txt')} (the file name is not valid UTF-8; rename it)`,
    );
  });
});

describe('cancelling an import', () => {
  it('settles the job at once with a slow file in flight, reports it cancelled, and edits go on', async () => {
    const slow = join(dir, 'slow', 'long.pdf');
    mkdirSync(join(dir, 'slow'));
    const page = Array.from({ length: 40 }, (_, j) => ({ text: `Line ${j} of a long report with some words in it.` }));
    writeFileSync(slow, makePdf({ pages: Array.from({ length: 1500 }, () => page) }));
    for (let i = 0; i < 3; i++) copyFileSync(slow, join(dir, 'slow', `copy${i}.pdf`));
    // Cancel once a worker is parsing: the pool is watched for the first hand-over.
    let handedOver: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (handedOver = resolve));
    const watched: ImportPool = { ...pool, parseBytes: (...args) => (handedOver(), pool.parseBytes(...args)) };
    const slowService = createImportService({
      archive,
      pool: watched,
      emit: (e, p) => void (e === 'import.progress' && events.push(p as Events['import.progress'])),
    });
    const importing = slowService.importPaths([join(dir, 'slow')], { jobId: 'slow' });
    await inFlight;
    expect(slowService.cancel('slow')).toBe(true);
    const summary = await importing;
    expect(summary.imported).toBe(0);
    expect(summary.failed).toHaveLength(readdirSync(join(dir, 'slow')).length);
    expect(summary.failed.every((f) => f.error === 'Import cancelled')).toBe(true);
    expect(events.filter((e) => e.jobId === 'slow' && e.state === 'cancelled')).toHaveLength(4);
    expect(slowService.cancel('slow')).toBe(false);
    const claim = await edit('Edits still reach the archive after a cancelled import.');
    expect(archive.claims.get(claim.id).statement).toContain('Edits still reach');
  });
});
