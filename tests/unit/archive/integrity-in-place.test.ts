// The hourly backup's integrity check reads the backup file where it lies (node:sqlite) instead of
// loading a second copy of the database into sql.js: backups of a sound archive are still kept, and
// damage — a wrecked page, a full-text index that disagrees with its claims — is still found, with
// the same verdict sql.js gives (the fallback where a runtime has no node:sqlite).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { integrityCheckInWorker } from '../../../main/archive/engine/integrity';
import { defaultWasmPath } from '../../../main/archive/engine/sqljs';
import { open, tempDir } from './helpers';

// node:sqlite (Node >= 22.13) has no type definitions in the @types/node this project uses.
const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as {
  DatabaseSync: new (file: string) => { exec(sql: string): void; close(): void };
};

async function soundArchive() {
  const a = await open(undefined, { backupIntervalMs: 0 }); // every snapshot writes a backup
  const article = await a.articles.insert({ title: 'Troops', text: 'Seoul says troops were sent to the border.' });
  for (let i = 0; i < 50; i++)
    await a.claims.insert({ statement: `troops were sent, report ${i}`, articleId: article.id, tags: ['korea'] });
  const gone = await a.claims.insert({ statement: 'troops were not sent' });
  await a.claims.delete(gone.id);
  await a.snapshot();
  return a;
}

const both = async (file: string) =>
  [await integrityCheckInWorker(file, defaultWasmPath()), await integrityCheckInWorker(file, defaultWasmPath(), { sqlJs: true })] as const;

describe('the backup integrity check on the file itself', () => {
  it('keeps the backups of a sound archive, which reopen with every claim', async () => {
    const a = await soundArchive();
    await a.claims.insert({ statement: 'one more after the first backup' });
    await a.snapshot();
    expect(a.logs.join('\n')).not.toMatch(/Backup failed|discarded/);
    const backups = a.listBackups();
    expect(backups.length).toBe(2);
    const newest = path.join(a.dir, 'backups', backups[0].name);
    expect(await both(newest)).toEqual(['ok', 'ok']);
    await a.close();
    const copy = tempDir();
    copyFileSync(newest, path.join(copy, 'archive.db'));
    const restored = await open(copy);
    expect(restored.claims.list({ search: 'troops', limit: 100 }).total).toBe(50);
    expect(restored.claims.list({ search: '"one more"' }).total).toBe(1);
  });

  it('finds a wrecked page and a full-text index out of step with its claims, as sql.js does', async () => {
    const a = await soundArchive();
    await a.close();
    const dir = tempDir();

    const wrecked = path.join(dir, 'wrecked.db');
    const bytes = new Uint8Array(readFileSync(path.join(a.dir, 'archive.db')));
    bytes.fill(0xff, 4096, 8192); // the second page
    writeFileSync(wrecked, bytes);
    const [inPlace, sqlJs] = await both(wrecked);
    expect(inPlace).not.toBe('ok');
    expect(sqlJs).not.toBe('ok');

    const ghost = path.join(dir, 'ghost.db');
    copyFileSync(path.join(a.dir, 'archive.db'), ghost);
    const db = new DatabaseSync(ghost);
    // An index entry for a claim that does not exist: what a search would find but no list can show.
    db.exec(`INSERT INTO claim_fts(docid, quote, statement, claimant, tags) VALUES (999999, '', 'ghost troops', '', '')`);
    db.close();
    const [ghostInPlace, ghostSqlJs] = await both(ghost);
    expect(ghostInPlace).toMatch(/claim_fts/);
    expect(ghostInPlace).toBe(ghostSqlJs);
  });

  it('says a file that is not a database is not sound', async () => {
    const file = path.join(tempDir(), 'not-a-database.db');
    writeFileSync(file, 'plain text, not SQLite '.repeat(300));
    const [inPlace] = await both(file);
    expect(inPlace).not.toBe('ok');
  });
});
