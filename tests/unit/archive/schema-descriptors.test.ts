// One description per table (main/archive/schema/): select lists, inserts, patch columns, merge-log
// fingerprints and the `.claimdesk` records are derived from it. These tests hold the descriptions to
// the database a fresh archive really has, and to what an export really carries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../main/archive/engine/database';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { exportArchiveJson, importArchiveJson, renderArchiveJson } from '../../../main/archive/exchange';
import { TRACKED } from '../../../main/archive/repos/merge-log';
import { TABLES, carriedColumns, type Table } from '../../../main/archive/schema';
import { open, type Opened } from './helpers';

/** The archive's database as its snapshot holds it after close (every change written). */
async function databaseOf(archive: Opened): Promise<Database> {
  await archive.close();
  const SQL = await loadSqlJs();
  return new Database(new SQL.Database(readFileSync(path.join(archive.dir, 'archive.db'))));
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

const fromPragma = (db: Database, table: string) =>
  db
    .all<ColumnInfo>(`PRAGMA table_info(${table})`)
    .map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1, default: c.dflt_value, pk: c.pk }));

const fromDescription = (t: Table) =>
  Object.entries(t.columns).map(([name, c]) => ({
    name,
    type: c.type,
    notNull: c.notNull === true,
    default: c.sqlDefault ?? null,
    pk: c.pk ?? 0,
  }));

/** Tables of the archive's own (the FTS indexes and their shadow tables, and SQLite's, aside). */
const ownTables = (db: Database) =>
  db
    .all<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
    .map((r) => r.name)
    .filter((name) => !/_fts($|_)/.test(name) && !name.startsWith('sqlite_'));

describe('table descriptions (main/archive/schema/)', () => {
  it('describe every table of a freshly migrated archive exactly as PRAGMA table_info reports it', async () => {
    const db = await databaseOf(await open());
    expect(ownTables(db)).toEqual(TABLES.map((t) => t.name).sort());
    for (const t of TABLES)
      expect({ table: t.name, columns: fromDescription(t) }).toEqual({ table: t.name, columns: fromPragma(db, t.name) });
    db.close();
  });

  it('say for every column of an exported table how the .claimdesk file carries it', () => {
    for (const t of TABLES.filter((t) => !t.local)) {
      const undecided = Object.entries(t.columns)
        .filter(([, c]) => c.file === undefined)
        .map(([name]) => `${t.name}.${name}`);
      expect(undecided).toEqual([]);
    }
  });

  it('fingerprint merged records by the columns earlier versions logged them with, so their undo still matches', () => {
    // Fingerprints are stored with each merge (archive_merge_row): these lists may never change.
    expect(TRACKED).toEqual({
      article: {
        table: 'article',
        columns:
          'title, outlet, author, published, url, language, wire_agency, source_sha256, source_name, source_type, source_size, text, duplicate_of, deleted_at',
      },
      claim: {
        table: 'claim',
        columns:
          'article_id, quote, start_offset, end_offset, statement, claimant, attribution, kind, claim_date, resolve_by, status, verdict_scale, verdict, verdict_note, score, tags, notes, updated_at, deleted_at',
      },
      entity: { table: 'entity', columns: 'name, type, merged_into' },
      link: { table: 'claim_link', columns: 'from_claim_id, to_claim_id, type, note' },
      evidence: { table: 'evidence', columns: 'claim_id, article_id, quote, start_offset, end_offset, stance, note' },
      history: { table: 'history', columns: 'claim_id, field, from_value, to_value, note, actor, at' },
      collection: { table: 'collection', columns: 'name' },
      saved_search: { table: 'saved_search', columns: 'name, query, updated_at' },
    });
  });
});

const TEXT = 'Kyiv, 25 October. The minister said that 3,000 troops had crossed the border on Tuesday, according to Reuters.';
const SHA = (c: string) => c.repeat(64);

/** An archive in which every column the file carries holds something other than its default. */
async function everyColumnSet(a: Opened) {
  const original = await a.articles.insert({
    title: 'Wire original',
    text: TEXT,
    source: { sha256: SHA('a'), name: 'wire.html', type: 'text/html', size: 2048 },
  });
  const copy = await a.articles.insert({
    title: 'Troops crossed',
    outlet: 'Daily Planet',
    author: 'Lois Lane',
    published: '2024-10-25',
    url: 'https://example.org/troops',
    language: 'en',
    wireAgency: 'Reuters',
    text: TEXT,
    source: { sha256: SHA('b'), name: 'troops.pdf', type: 'application/pdf', size: 4096 },
    duplicateOf: original.id,
    textQuality: 'ocr',
    textWarning: 'Pages 2–3 were read by OCR.',
    pageStarts: [0, 40, 80],
    notes: 'Checked against the agency wire.',
    tags: ['border', 'military'],
  });
  await a.articles.delete(original.id); // a deleted original a live copy still points to: exported with deletedAt
  const quote = '3,000 troops had crossed the border';
  const start = TEXT.indexOf(quote);
  const claim = await a.claims.insert({
    articleId: copy.id,
    quote,
    start,
    end: start + quote.length,
    statement: 'The minister said that 3,000 troops had crossed the border.',
    claimant: 'The minister',
    attribution: [
      { name: 'The minister', role: 'speaker', cue: 'said' },
      { name: 'Reuters', role: 'agency' },
    ],
    kind: 'direct',
    claimDate: '2024-10-22',
    resolveBy: '2024-12-01',
    score: 0.7,
    tags: ['troops', 'border'],
    notes: 'Check the date against the ministry briefing.',
    entities: [
      { name: 'Oleksii Reznikov', type: 'person', role: 'claimant' },
      { name: 'Reznikov', type: 'person', role: 'mentioned' },
    ],
  });
  const other = await a.claims.insert({ statement: 'No troops crossed.', entities: [{ name: 'Ukraine', type: 'place', role: 'subject' }] });
  await a.claims.setStatus(claim.id, 'done', 'checked');
  await a.claims.setVerdict(claim.id, 'claimdesk', 'mostly-true', 'Ministry figures say 2,800.');
  const [kept, merged] = [a.claims.entities(claim.id)[0], a.claims.entities(claim.id)[1]];
  await a.entities.addAlias(kept.id, 'O. Reznikov');
  await a.entities.merge(kept.id, merged.id);
  await a.links.add(claim.id, other.id, 'contradicts', 'Opposite figures.');
  const evidenceQuote = 'according to Reuters';
  const at = TEXT.indexOf(evidenceQuote);
  await a.evidence.add({
    claimId: claim.id,
    articleId: copy.id,
    quote: evidenceQuote,
    start: at,
    end: at + evidenceQuote.length,
    stance: 'supports',
    note: 'Wire source.',
  });
  await a.highlights.add({ articleId: copy.id, start: 0, end: 17, note: 'Dateline.', label: 'background' });
  const collection = await a.collections.create('Border');
  await a.collections.add(collection.id, [claim.id, other.id]);
  await a.collections.addArticles(collection.id, [copy.id]);
  await a.savedSearches.save('Troop claims', { search: 'troops', status: ['done'], collectionId: collection.id });
}

/** The rows of a table, only the columns the file carries, in a fixed order. */
function carriedRows(db: Database, t: Table): unknown[][] {
  const names = carriedColumns(t);
  return db
    .all<Record<string, unknown>>(`SELECT ${names.join(', ')} FROM ${t.name} ORDER BY ${names.map((_, i) => i + 1).join(', ')}`)
    .map((r) => names.map((n) => r[n]));
}

/** Columns whose every row holds NULL or the SQL default: a round trip of them would prove nothing. */
function neverSet(db: Database, t: Table): string[] {
  return carriedColumns(t).filter((name) => {
    const dflt = t.columns[name].sqlDefault;
    const set = db.get<{ n: number }>(
      `SELECT count(*) AS n FROM ${t.name} WHERE ${name} IS NOT NULL${dflt ? ` AND ${name} IS NOT ${dflt}` : ''}`,
    )!.n;
    return set === 0;
  });
}

describe('a .claimdesk export', () => {
  it('carries every column its table descriptions say it carries, through export and restore into a new archive', async () => {
    const source = await open();
    await everyColumnSet(source);
    const file = renderArchiveJson(exportArchiveJson(source));
    const target = await open();
    expect((await importArchiveJson(target, file, 'every-column.claimdesk')).mode).toBe('restored');

    const before = await databaseOf(source);
    const after = await databaseOf(target);
    const exported = TABLES.filter((t) => !t.local);
    for (const t of exported) expect({ table: t.name, unset: neverSet(before, t) }).toEqual({ table: t.name, unset: [] });
    for (const t of exported)
      expect({ table: t.name, rows: carriedRows(after, t) }).toEqual({ table: t.name, rows: carriedRows(before, t) });
    before.close();
    after.close();
  });
});
