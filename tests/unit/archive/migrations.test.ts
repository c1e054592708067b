import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { Database } from '../../../main/archive/engine/database';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion, type Migration } from '../../../main/archive/migrations';
import { open, tempDir } from './helpers';
import { fingerprint } from '../../../main/archive/repos/merge-log';
import type { RepoBase } from '../../../main/archive/repos/context';
import { digestOf } from '../../../main/archive/sync/repo';

/** An archive folder whose snapshot was written by an older Claimdesk (schema `version`). */
async function archiveAtVersion(version: number, fill: (db: Database) => void = () => {}): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new Database(new SQL.Database());
  migrate(db, version);
  fill(db);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'archive.db'), db.export());
  db.close();
  return dir;
}

const tables = (db: { all: Database['all'] }) =>
  db
    .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' ORDER BY name`)
    .map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('1: creates the core schema in a new archive', async () => {
    const a = await open();
    expect(a.info().schemaVersion).toBe(LATEST_VERSION);
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database());
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'article',
        'claim',
        'claim_entity',
        'claim_link',
        'claim_tag',
        'entity',
        'entity_name',
        'evidence',
        'history',
      ]),
    );
    expect(tables(db)).not.toContain('suggestion');
    db.close();
  });

  it('2: upgrades a version-1 archive, keeping its articles, claims and search index', async () => {
    const dir = await archiveAtVersion(1, (db) => {
      db.exec(`INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z');
               INSERT INTO claim (article_id, statement, kind, status, verdict_scale, created_at, updated_at)
               VALUES (1, 'Troops are near Kursk', 'reported', 'new', 'claimdesk', '2024-10-25T10:00:00.000Z', '2024-10-25T10:00:00.000Z');`);
    });
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, readOnly: false, counts: { articles: 1, claims: 1 } });
    expect(a.listBackups()).toHaveLength(1); // the version-1 file, kept before upgrading
    expect(a.logs.join('\n')).toMatch(new RegExp(`before upgrading it from schema 1 to ${LATEST_VERSION}`));
    expect(a.claims.list({ search: 'kursk' }).items[0]).toMatchObject({ statement: 'Troops are near Kursk', articleTitle: 'Old article' });
    const [suggestion] = await a.suggestions.add(1, [{ statement: 'new feature works' }]);
    const collection = await a.collections.create('Kursk');
    await a.collections.add(collection.id, [1]);
    await a.close();

    const b = await open(dir); // the upgrade was made durable: no second upgrade, data intact
    expect(b.info().schemaVersion).toBe(LATEST_VERSION);
    expect(b.suggestions.list(1)).toEqual([suggestion]);
    expect(b.claims.list({ collectionId: collection.id }).total).toBe(1);
  });

  it('3: upgrades a version-2 archive: its entities stay live, and a merge made after it can be split back out', async () => {
    const dir = await archiveAtVersion(2, (db) => {
      db.exec(`INSERT INTO claim (statement, kind, status, verdict_scale, created_at, updated_at)
               VALUES ('Troops were sent', 'reported', 'new', 'claimdesk', '2024-10-25T10:00:00.000Z', '2024-10-25T10:00:00.000Z');
               INSERT INTO entity (name, type) VALUES ('Kim Jong Un', 'person'), ('Kim Jong Gyu', 'person');
               INSERT INTO entity_name (norm, type, entity_id, name) VALUES ('kim jong un', 'person', 1, 'Kim Jong Un'), ('kju', 'person', 1, 'KJU'),
                 ('kim jong gyu', 'person', 2, 'Kim Jong Gyu');
               INSERT INTO claim_entity (claim_id, entity_id, role) VALUES (1, 1, 'claimant'), (1, 2, 'subject');`);
    });
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { claims: 1, entities: 2 } });
    expect(a.entities.list().map((e) => [e.name, e.aliases, e.claimCount])).toEqual([
      ['Kim Jong Gyu', [], 1],
      ['Kim Jong Un', ['KJU'], 1],
    ]);
    await a.entities.merge(2, 1);
    expect(a.info().counts.entities).toBe(1);
    await a.close();

    const b = await open(dir); // the merge record survives a reopen (journal replay onto the upgraded snapshot)
    expect(b.entities.mergedFrom(2).map((m) => m.name)).toEqual(['Kim Jong Un']);
    await b.entities.unmerge(1);
    expect(b.entities.list().map((e) => [e.name, e.aliases, e.claimCount])).toEqual([
      ['Kim Jong Gyu', [], 1],
      ['Kim Jong Un', ['KJU'], 1],
    ]);
    expect(b.claims.entities(1).map((e) => [e.id, e.role])).toEqual([
      [1, 'claimant'],
      [2, 'subject'],
    ]);
  });

  it('4: upgrades a version-3 archive: its records stay, and merges made after it are logged for undo', async () => {
    const dir = await archiveAtVersion(3, (db) =>
      db.exec(
        `INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z');`,
      ),
    );
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { articles: 1 } });
    const records = { articles: [], entities: [], claims: [], links: [], evidence: [], history: [], collections: [], savedSearches: [] };
    const merged = await a.merge.records(
      { ...records, entities: [{ id: 1, name: 'NATO', type: 'organisation', aliases: [] }] },
      'nato.claimdesk',
    );
    expect(merged).toMatchObject({ mergeId: 1, added: { entities: 1 } });
    await a.close();

    const b = await open(dir);
    expect(await b.merge.undo(1)).toMatchObject({ source: 'nato.claimdesk', removed: { entities: 1 } });
    expect(b.info().counts).toMatchObject({ articles: 1, entities: 0 });
  });

  it('7: upgrades a version-6 archive: its articles have no pages, notes or tags, and take tags afterwards', async () => {
    const dir = await archiveAtVersion(6, (db) =>
      db.exec(
        `INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z');`,
      ),
    );
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { articles: 1 } });
    expect(a.articles.get(1)).toMatchObject({ pageStarts: [], notes: '', tags: [] });
    await a.articles.update(1, { tags: ['kursk'], notes: 'Check the satellite images.' });
    expect(a.articles.list({ tag: 'Kursk' }).items.map((x) => x.title)).toEqual(['Old article']);
    expect(a.articles.tags()).toEqual([{ tag: 'kursk', count: 1 }]);
    await a.close();
  });

  it('9: upgrades a version-8 archive: what it agreed with the team server stays agreed, and a deleted collection goes out as a removal', async () => {
    const gid = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const createdAt = '2024-10-25T10:00:00.000Z';
    const digest = digestOf({ type: 'collection', v: 1, name: 'Empty desk', createdAt, members: [] });
    const dir = await archiveAtVersion(8, (db) =>
      db.exec(
        `INSERT INTO collection (name, created_at) VALUES ('Empty desk', '${createdAt}');
         INSERT INTO sync_doc (gid, kind, local_id, rev, digest, dirty) VALUES ('${gid}', 'collection', 1, '1-abc', '${digest}', 0);`,
      ),
    );
    const a = await open(dir);
    expect(a.info().schemaVersion).toBe(LATEST_VERSION);
    expect(a.sync.outgoing()).toEqual([]);
    expect(a.sync.sending()).toEqual([]);
    // Deleting an empty collection (no member rows for 008's triggers) marks it: a tombstone, child of the agreed revision.
    await a.collections.delete(1);
    expect(a.sync.outgoing()).toMatchObject([{ id: `collection:${gid}`, body: null, parentRev: '1-abc', changed: true }]);
    await a.close();
  });

  it('10: upgrades a version-8 archive: its articles take highlights, and merges logged before can still be undone', async () => {
    const dir = await archiveAtVersion(8, (db) => {
      db.exec(
        `INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z');
         INSERT INTO archive_merge (source, actor, merged_at, added) VALUES ('old.claimdesk', 'tester', '2024-10-25T11:00:00.000Z', '{}');`,
      );
      // As a merge made by that version logged the article it added.
      const print = fingerprint({ sql: db } as unknown as RepoBase, 'article', 1);
      db.exec(`INSERT INTO archive_merge_row (merge_id, kind, row_id, fingerprint) VALUES (1, 'article', 1, '${print}')`);
    });
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, counts: { articles: 1 } });
    expect(a.highlights.forArticle(1)).toEqual([]);
    const h = await a.highlights.add({ articleId: 1, start: 0, end: 11, note: 'Which troops?' });
    expect(h).toMatchObject({ quote: 'Troops seen', note: 'Which troops?', label: null });
    // The merge logged before the upgrade is still there to undo; the highlight made since stands in its way.
    await expect(a.merge.undo(1)).rejects.toThrow(/a passage of it was highlighted/);
    await a.highlights.remove(h.id);
    expect(await a.merge.undo(1)).toMatchObject({ mergeId: 1, source: 'old.claimdesk' });
    await a.close();
  });

  it('a step that would leave a claim pointing at a missing article fails by name and is rolled back whole (PRAGMA foreign_key_check)', async () => {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database());
    migrate(db);
    db.exec(`INSERT INTO article (title, text, imported_at) VALUES ('Old article', 'Troops seen near Kursk.', '2024-10-25T10:00:00.000Z');
             INSERT INTO claim (article_id, statement, kind, status, verdict_scale, created_at, updated_at)
             VALUES (1, 'Troops are near Kursk', 'reported', 'new', 'claimdesk', '2024-10-25T10:00:00.000Z', '2024-10-25T10:00:00.000Z');`);
    const content = () => ({
      version: schemaVersion(db),
      articles: db.all('SELECT * FROM article'),
      claimColumns: db.all(`SELECT name FROM pragma_table_info('claim')`),
    });
    const before = content();
    // A table rebuild gone wrong: references checked only at the end (deferred), and the parent rows gone.
    const faulty: Migration = {
      version: LATEST_VERSION + 1,
      name: 'rebuild articles',
      sql: `PRAGMA defer_foreign_keys = ON; ALTER TABLE claim ADD COLUMN checked_by TEXT; DELETE FROM article;`,
    };
    expect(() => migrate(db, faulty.version, [...MIGRATIONS, faulty])).toThrow(
      `Archive upgrade step ${faulty.version} (rebuild articles) failed: PRAGMA foreign_key_check found 1 broken reference(s): claim 1 refers to a missing article. It was rolled back: the archive is as it was before the upgrade.`,
    );
    expect(content()).toEqual(before);

    // A broken reference the archive already had is not the step's doing: the upgrade goes ahead.
    db.exec(`PRAGMA foreign_keys = OFF; UPDATE claim SET article_id = 99; PRAGMA foreign_keys = ON;`);
    const harmless: Migration = { version: LATEST_VERSION + 1, name: 'a new column', sql: 'ALTER TABLE claim ADD COLUMN checked_by TEXT;' };
    expect(migrate(db, harmless.version, [...MIGRATIONS, harmless])).toBe(1);
    expect(schemaVersion(db)).toBe(harmless.version);
    db.close();
  });

  it('opens an archive from a newer Claimdesk read-only instead of guessing', async () => {
    const dir = await archiveAtVersion(LATEST_VERSION, (db) => db.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`));
    const a = await open(dir);
    expect(a.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/newer version/) });
    await expect(a.claims.insert({ statement: 'x' })).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});
