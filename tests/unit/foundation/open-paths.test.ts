// Files handed to the app: a .claimdesk archive file is restored or merged, anything else is imported.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { openedFilesMessage, openPaths } from '../../../main/app/open-paths';
import { exportArchiveJson, renderArchiveJson } from '../../../main/archive/exchange';

const opened: Services[] = [];
const dirs: string[] = [];
async function services(): Promise<Services> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-open-'));
  dirs.push(dir);
  const s = await createServices({ archiveDir: join(dir, 'archive'), actor: 'tester' });
  opened.push(s);
  return s;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('opening files', () => {
  it('restores a .claimdesk archive file into an empty archive, with its verdicts', async () => {
    const source = await services();
    const claim = await source.archive.claims.insert({ statement: 'Thousands of troops were sent to Russia', claimant: 'Seoul' } as never);
    await source.archive.claims.setVerdict(claim.id, 'claimdesk', 'mostly-true', 'Confirmed by satellite images');
    const file = join(dirs[0], 'shared.claimdesk');
    await writeFile(file, renderArchiveJson(exportArchiveJson(source.archive)));

    const target = await services();
    const summary = await openPaths(target, [file]);
    expect(summary.failed).toEqual([]);
    const [restored] = target.archive.claims.list({}).items;
    expect(restored).toMatchObject({ statement: 'Thousands of troops were sent to Russia', claimant: 'Seoul', verdict: 'mostly-true' });
  });

  it('merges a .claimdesk archive file into an archive that holds work, and still imports the other files', async () => {
    const source = await services();
    await source.archive.claims.insert({ statement: 'Thousands of troops were sent to Russia', claimant: 'Seoul' } as never);
    const archiveFile = join(dirs[0], 'colleague.claimdesk');
    await writeFile(archiveFile, renderArchiveJson(exportArchiveJson(source.archive)));
    const broken = join(dirs[0], 'broken.claimdesk');
    await writeFile(broken, '{"format": "claimdesk-archive"');

    const s = await services();
    await s.archive.claims.insert({ statement: 'Existing work' } as never);
    const article = join(dirs[1], 'note.txt');
    await writeFile(article, 'date 2024-10-25\nSeoul said on Friday that 1,500 soldiers had arrived in Vladivostok.\n');
    const summary = await openPaths(s, [archiveFile, article, broken]);
    expect(summary.imported).toBe(1);
    expect(summary.archives).toEqual([
      {
        path: archiveFile,
        mode: 'merged',
        mergeId: expect.any(Number),
        added: expect.objectContaining({ claims: 1 }),
        present: expect.objectContaining({ claims: 0 }),
      },
    ]);
    expect(summary.failed).toEqual([
      { path: broken, error: expect.stringMatching(/^broken\.claimdesk: The archive export is not valid JSON/) },
    ]);
    expect(
      s.archive.claims
        .list({})
        .items.map((c) => c.statement)
        .sort(),
    ).toEqual(['Existing work', 'Thousands of troops were sent to Russia']);

    // Opened from the file manager, the user is told all of it: the failure first, then what came in.
    expect(openedFilesMessage(summary)).toEqual({
      type: 'warning',
      message: 'Some files could not be opened',
      detail: [
        `${broken}: ${summary.failed[0].error}`,
        '1 article imported',
        'colleague.claimdesk: merged 0 articles, 1 claim, 0 entities',
      ].join('\n'),
    });
  });

  it('tells the user what files opened from the file manager brought in, and says nothing when nothing happened', () => {
    const archive = { path: '/home/r/colleague.claimdesk', mode: 'merged' as const };
    const counts = { articles: 0, claims: 0, entities: 0, links: 0, evidence: 0, history: 0, collections: 0, savedSearches: 0 };
    const merged = {
      imported: 5,
      duplicates: 1,
      failed: [],
      articleIds: [],
      archives: [{ ...archive, added: { ...counts, articles: 3, claims: 40, entities: 9 }, present: { ...counts, articles: 2 } }],
    };
    expect(openedFilesMessage(merged)).toEqual({
      type: 'info',
      message: 'Files opened',
      detail:
        '2 articles imported\ncolleague.claimdesk: merged 3 articles (2 already here), 40 claims, 9 entities\n1 already in the archive, skipped',
    });
    expect(openedFilesMessage({ imported: 0, duplicates: 0, failed: [], articleIds: [] })).toBeNull();
  });
});
