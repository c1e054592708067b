// Migration 11 on an existing archive (#19): a version-10 archive opens with its articles still found
// by title and text, now also by the notes written before the upgrade, and its collections take articles.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { Database } from '../../../main/archive/engine/database';
import { LATEST_VERSION, migrate } from '../../../main/archive/migrations';
import { open, tempDir } from './helpers';

describe('migration 11', () => {
  it('upgrades a version-10 archive: notes written before are searched, and collections take articles', async () => {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database());
    migrate(db, 10);
    db.exec(
      `INSERT INTO article (title, text, imported_at, notes) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z', 'Compare with the satellite images.');
       INSERT INTO article (title, text, imported_at, deleted_at) VALUES ('Deleted article', 'Satellite photos.', '2024-10-25T10:00:00.000Z', '2024-10-26T10:00:00.000Z');
       INSERT INTO collection (name, created_at) VALUES ('Kursk', '2024-10-25T11:00:00.000Z');`,
    );
    const dir = tempDir();
    writeFileSync(path.join(dir, 'archive.db'), db.export());
    db.close();

    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { articles: 1 } });
    const titles = (search: string) => a.articles.list({ search }).items.map((x) => x.title);
    expect(titles('kursk')).toEqual(['Old article']);
    expect(titles('satellite')).toEqual(['Old article']);
    const k = a.collections.list()[0];
    expect(k).toMatchObject({ name: 'Kursk', claimCount: 0, articleCount: 0 });
    await a.collections.addArticles(k.id, [1]);
    expect(a.collections.get(k.id)).toMatchObject({ articleCount: 1 });
    await a.close();
  });
});
