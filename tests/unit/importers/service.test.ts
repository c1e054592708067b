import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import type { DataChange, Emit, Events } from '../../../shared/events';
import { notifyChanges } from '../../../main/api/change-notifier';
import type { NewClaim } from '../../../shared/domain';
import { createImportPool } from '../../../main/importers/pool';
import { createImportService, type ImportService } from '../../../main/importers/service';
import type { ImportArchive } from '../../../main/importers/archive-port';

const WIRE_STORY = [
  'SEOUL (AFP) - North Korea said Friday that any troop deployment to Russia would be in line with international law, state media reported.',
  'Seoul and Washington have accused the nuclear-armed North of sending thousands of troops to Russia, with Ukrainian President Volodymyr Zelensky saying they could be sent into battle as early as Sunday.',
  'Seoul, which has long accused the North of sending vast shipments of weapons to Russia, has pointed to videos circulating online which appear to show North Korean soldiers in Russian uniforms.',
  "North Korea's representatives at the United Nations have dismissed the claims as groundless rumours spread by hostile forces.",
  'South Korea has slammed the deployment of troops, calling on Russia to stop illegal cooperation with Pyongyang, and warned it would review its stance on providing weapons directly to Ukraine.',
].join('\n\n');

const pool = createImportPool({ concurrency: 2 });
const events: Events['import.progress'][] = [];
/** What the views hear: each import's transactions say which articles they added (as createServices wires it). */
const changes: DataChange[] = [];
let archive: Archive;
let service: ImportService;
let dir: string;
const extracted: string[] = [];

function write(rel: string, content: string | Uint8Array): string {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-'));
  archive = await openArchive({ dir: join(dir, 'archive'), actor: 'test' });
  const port: ImportArchive = archive; // the real archive satisfies the port
  const emit: Emit = (event, payload) => {
    if (event === 'import.progress') events.push(payload as Events['import.progress']);
    if (event === 'data.changed') changes.push(...(payload as DataChange[]));
  };
  notifyChanges(archive, emit);
  service = createImportService({
    archive: port,
    pool,
    emit,
    extract: (article): NewClaim[] => {
      extracted.push(article.title);
      if (article.text.includes('EXPLODE')) throw new Error('extractor broke');
      return [{ statement: article.text.split('.')[0], quote: article.text.split('.')[0] }];
    },
  });
});
afterAll(async () => {
  await pool.close();
  await archive.close();
});

describe('import service', () => {
  it('imports a folder recursively, skipping hidden and unsupported files, and stores originals and suggestions', async () => {
    write('in/story.txt', 'date 2024-10-25 ' + WIRE_STORY);
    write('in/sub/other.md', '# Budget passes\n\nLawmakers approved the budget on Friday after weeks of talks, the speaker said.');
    write('in/.hidden.txt', 'never imported');
    write('in/photo.jpg', 'not an article');
    const summary = await service.importPaths([join(dir, 'in')], { jobId: 'job-1' });
    expect(summary).toMatchObject({ imported: 2, duplicates: 0, failed: [] });
    expect(summary.articleIds).toHaveLength(2);
    const story = summary.articleIds.map((id) => archive.articles.get(id)).find((a) => a.source?.name === 'story.txt')!;
    expect(story).toMatchObject({ published: '2024-10-25', wireAgency: 'AFP', duplicateOf: null });
    expect(story.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(archive.originals.path(story.source!.sha256)).not.toBeNull();
    expect(archive.suggestions.list(story.id)).toHaveLength(1);
    const states = events.filter((e) => e.jobId === 'job-1' && e.path.endsWith('story.txt')).map((e) => e.state);
    expect(states).toEqual(['queued', 'parsing', 'done']);
    // The views hear which articles arrived (and refetch only what shows articles), not "everything changed".
    const added = changes.filter((c) => c.type === 'article').flatMap((c) => c.ids ?? []);
    expect(added).toEqual(expect.arrayContaining(summary.articleIds));
  });

  it('skips a file already in the archive as a duplicate', async () => {
    const summary = await service.importPaths([join(dir, 'in/story.txt')], { jobId: 'job-2' });
    expect(summary).toMatchObject({ imported: 0, duplicates: 1, failed: [] });
    expect(events.filter((e) => e.jobId === 'job-2').map((e) => e.state)).toEqual(['queued', 'parsing', 'duplicate']);
  });

  it('flags a re-published copy of the same story as a near duplicate', async () => {
    const original = archive.articles.findBySha256(
      (await import('node:crypto'))
        .createHash('sha256')
        .update('date 2024-10-25 ' + WIRE_STORY)
        .digest('hex'),
    )!;
    const copy = write(
      'copy.txt',
      'Title: N. Korea says troop deployment would be legal\n\n' +
        WIRE_STORY.replace('state media reported.', 'state media said.') +
        '\n\nRead more on our website.',
    );
    const summary = await service.importPaths([copy]);
    expect(summary.imported).toBe(1);
    expect(archive.articles.get(summary.articleIds[0]).duplicateOf).toBe(original.id);
    const unrelated = write(
      'unrelated.txt',
      'Heavy rain flooded several towns on Tuesday, officials said, and hundreds of people were moved to shelters overnight.',
    );
    const other = await service.importPaths([unrelated]);
    expect(archive.articles.get(other.articleIds[0]).duplicateOf).toBeNull();
  });

  it('reports explicitly named bad files and imports the rest', async () => {
    const bad = write('notes.xyz', 'whatever');
    const empty = write('empty.txt', '');
    const good = write('good.txt', 'The ministry said on Monday that exports grew by 5 percent last year.');
    const summary = await service.importPaths([bad, empty, good, join(dir, 'missing.pdf')]);
    expect(summary.imported).toBe(1);
    const errors = Object.fromEntries(summary.failed.map((f) => [f.path.slice(dir.length + 1), f.error]));
    expect(errors).toEqual({
      'notes.xyz': 'Unsupported file type .xyz',
      'empty.txt': 'Empty file: empty.txt',
      'missing.pdf': expect.stringContaining('File not found'),
    });
  });

  it('writes nothing for a file whose extraction fails', async () => {
    const before = archive.info().counts.articles;
    const summary = await service.importPaths([write('boom.txt', 'EXPLODE. This article breaks the extractor on purpose.')]);
    expect(summary.failed[0].error).toContain('extractor broke');
    expect(archive.info().counts.articles).toBe(before);
  });

  it('imports claim lists as claims', async () => {
    const before = archive.info().counts.claims;
    const summary = await service.importPaths([
      write('claims.csv', 'claim,speaker,verdict\n"Exports grew by 5%",Minister,True\nTaxes fell,Mayor,False\n'),
    ]);
    expect(summary.imported).toBe(1);
    expect(archive.info().counts.claims).toBe(before + 2);
  });

  it('cancels a running job; files already imported stay', async () => {
    const files = Array.from({ length: 12 }, (_, i) =>
      write(`batch/f${i}.txt`, `Story number ${i} says the council met on Monday to discuss item ${i * 7919}.`),
    );
    const running = service.importPaths(files, { jobId: 'job-cancel' });
    setTimeout(() => service.cancel('job-cancel'), 5);
    const summary = await running;
    expect(summary.imported + summary.failed.length).toBe(12);
    expect(summary.failed.every((f) => f.error === 'Import cancelled')).toBe(true);
    expect(service.cancel('job-cancel')).toBe(false);
  });
});
