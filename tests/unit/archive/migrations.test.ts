import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { Database } from '../../../main/archive/engine/database';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../main/archive/migrations';
import { open, tempDir } from './helpers';

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
  db.all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts_%' ORDER BY name`).map((r) => r.name);

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
    expect(tables(db)).toEqual(expect.arrayContaining(['article', 'claim', 'claim_entity', 'claim_link', 'claim_tag', 'entity', 'entity_name', 'evidence', 'history']));
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
    expect(a.info()).toMatchObject({ schemaVersion: 2, readOnly: false, counts: { articles: 1, claims: 1 } });
    expect(a.listBackups()).toHaveLength(1); // the version-1 file, kept before upgrading
    expect(a.logs.join('\n')).toMatch(/before upgrading it from schema 1 to 2/);
    expect(a.claims.list({ search: 'kursk' }).items[0]).toMatchObject({ statement: 'Troops are near Kursk', articleTitle: 'Old article' });
    const [suggestion] = await a.suggestions.add(1, [{ statement: 'new feature works' }]);
    const collection = await a.collections.create('Kursk');
    await a.collections.add(collection.id, [1]);
    await a.close();

    const b = await open(dir); // the upgrade was made durable: no second upgrade, data intact
    expect(b.info().schemaVersion).toBe(2);
    expect(b.suggestions.list(1)).toEqual([suggestion]);
    expect(b.claims.list({ collectionId: collection.id }).total).toBe(1);
  });

  it('opens an archive from a newer Claimdesk read-only instead of guessing', async () => {
    const dir = await archiveAtVersion(LATEST_VERSION, (db) => db.exec(`PRAGMA user_version = ${LATEST_VERSION + 1}`));
    const a = await open(dir);
    expect(a.info()).toMatchObject({ readOnly: true, readOnlyReason: expect.stringMatching(/newer version/) });
    await expect(a.claims.insert({ statement: 'x' })).rejects.toMatchObject({ code: 'READ_ONLY' });
  });
});
