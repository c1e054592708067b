// Migration 12 on an existing archive (#20): a version-11 archive that synced before opens with its
// highlights and its collections' articles ready to travel: a highlight goes out as a document of
// its own, a collection the server already has is not sent again just because its document now
// lists articles, and adding an article to it or editing a highlight marks them for the next round.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { Database } from '../../../main/archive/engine/database';
import { LATEST_VERSION, migrate } from '../../../main/archive/migrations';
import { digestOf } from '../../../main/archive/sync/repo';
import { open, tempDir } from './helpers';

const AT = '2024-10-25T11:00:00.000Z';

describe('migration 12', () => {
  it('upgrades a version-11 archive: highlights and collection articles sync, an unchanged collection is not sent again', async () => {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database());
    migrate(db, 11);
    // The collection as a version-11 device pushed it: its document said nothing of articles.
    const pushed = digestOf({ type: 'collection', v: 1, name: 'Kursk', createdAt: AT, members: [] });
    db.exec(
      `INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '${AT}');
       INSERT INTO highlight (article_id, start_offset, end_offset, quote, note, created_at, updated_at)
         VALUES (1, 0, 11, 'Troops seen', 'Which unit?', '${AT}', '${AT}');
       INSERT INTO collection (name, created_at) VALUES ('Kursk', '${AT}');
       INSERT INTO sync_doc (gid, kind, local_id, rev, digest, dirty)
         VALUES ('0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', 'collection', 1, '1-abc', '${pushed}', 1);`,
    );
    const dir = tempDir();
    writeFileSync(path.join(dir, 'archive.db'), db.export());
    db.close();

    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { articles: 1 } });
    await a.sync.assignIds();
    const changed = () =>
      a.sync
        .outgoing()
        .filter((d) => d.changed)
        .map((d) => d.kind)
        .sort();
    expect(changed()).toEqual(['article', 'highlight']);
    expect(a.sync.outgoing().find((d) => d.kind === 'highlight')?.body).toMatchObject({ quote: 'Troops seen', note: 'Which unit?' });

    await a.collections.addArticles(1, [1]);
    expect(changed()).toEqual(['article', 'collection', 'highlight']);
    expect(a.sync.outgoing().find((d) => d.kind === 'collection')?.body).toMatchObject({ articles: [{ addedAt: expect.any(String) }] });
    await a.close();
  });
});
