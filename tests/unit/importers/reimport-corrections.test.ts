// Issue #16 item 6: a researcher's correction of an article's details is never overwritten when the
// same page is imported again, whether the file is byte-identical or saved again with new bytes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../main/archive';
import { createImportPool } from '../../../main/importers/pool';
import { createImportService, type ImportService } from '../../../main/importers/service';

const BODY = [
  'The city council voted on Tuesday to close the old harbour bridge to cars from next spring, the mayor said.',
  'Engineers found cracks in two of the supporting piers during an inspection in the summer, according to the report.',
  'Cyclists and pedestrians will still be able to cross while the bridge is repaired over the next two years.',
].join('</p><p>');
const page = (extra = '') =>
  `<html lang="en"><head><title>Harbour bridge to close | Example Gazette</title><meta property="og:site_name" content="Example Gazette">
  <meta name="author" content="Staff Reporter"><meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
  <body><article><h1>Harbour bridge to close</h1><p>${BODY}</p>${extra}</article></body></html>`;

const pool = createImportPool({ concurrency: 1 });
let archive: Archive;
let service: ImportService;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimdesk-reimport-'));
  archive = await openArchive({ dir: join(dir, 'archive'), actor: 'test' });
  service = createImportService({ archive, pool, emit: () => {}, extract: () => [] });
});
afterAll(async () => {
  await pool.close();
  await archive.close();
});

describe('re-importing a corrected article', () => {
  it('keeps the researcher’s corrections for the same file and for a re-saved copy of the page', async () => {
    const file = join(dir, 'bridge.html');
    writeFileSync(file, page());
    const first = await service.importPaths([file]);
    const id = first.articleIds[0];
    expect(archive.articles.get(id)).toMatchObject({
      title: 'Harbour bridge to close',
      outlet: 'Example Gazette',
      published: '2024-03-05T10:00:00Z',
    });

    const correction = {
      title: 'Harbour bridge closes to cars in spring',
      author: 'Maria Lopez',
      published: '2024-03-04',
      outlet: 'The Example Gazette',
    };
    await archive.articles.update(id, correction);

    const again = await service.importPaths([file]);
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    expect(archive.articles.get(id)).toMatchObject(correction);

    // The same page saved again (a different comment count): stored as a new copy flagged as a near duplicate.
    const resaved = join(dir, 'bridge-again.html');
    writeFileSync(resaved, page('<p>3 comments</p>'));
    const copy = await service.importPaths([resaved]);
    expect(copy.imported).toBe(1);
    expect(archive.articles.get(copy.articleIds[0]).duplicateOf).toBe(id);
    expect(archive.articles.get(id)).toMatchObject(correction);
  });
});
