// Issue #18 item 4: journal records carry the schema version they were written under, and replay
// migrates at that boundary. A backup made before an upgrade, restored after it, used to lose every
// edit made after the upgrade (those records name columns the old schema lacks: "depended on a
// missing change"). Journals of the previous version (no version field) still open.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSqlJs } from '../../../main/archive/engine/sqljs';
import { Database, type Param, type RecordedStatement } from '../../../main/archive/engine/database';
import { encodeRecord, scanSegment } from '../../../main/archive/engine/journal-format';
import { segmentPath } from '../../../main/archive/engine/journal-read';
import { writeSnapshotSeq } from '../../../main/archive/engine/recovery';
import { writeSnapshotFile } from '../../../main/archive/engine/snapshot-file';
import { LATEST_VERSION, migrate } from '../../../main/archive/migrations';
import { crashImage, hashFiles, journalFiles, open, tempDir, type Opened } from './helpers';

const PREVIOUS = LATEST_VERSION - 1;
const AT = '2024-10-25T10:00:00.000Z';

/**
 * What the previous Claimdesk leaves on disk: a snapshot at its schema (the real migrations, up to
 * PREVIOUS) and journal records in its format — the statements Database records, without a schema
 * version. Its edits are plain row writes, valid at that schema.
 */
class PreviousVersion {
  private seq = 0;
  private records: Buffer[] = [];

  private constructor(
    readonly dir: string,
    private readonly db: Database,
  ) {}

  static async create(): Promise<PreviousVersion> {
    const SQL = await loadSqlJs();
    const db = new Database(new SQL.Database());
    migrate(db, PREVIOUS);
    return new PreviousVersion(tempDir(), db);
  }

  /** One acknowledged edit: one transaction, one journal record. */
  edit(sql: string, params: Param[]): void {
    const { statements } = this.db.transaction(() => this.db.run(sql, params));
    this.records.push(encodeRecord({ seq: ++this.seq, statements }));
  }

  article(title: string): void {
    this.edit('INSERT INTO article (title, text, imported_at) VALUES (?, ?, ?)', [title, `${title}: troops seen near Kursk.`, AT]);
  }

  claim(statement: string, articleId: number | null = null): void {
    this.edit(
      `INSERT INTO claim (article_id, statement, kind, status, verdict_scale, created_at, updated_at) VALUES (?, ?, 'reported', 'new', 'claimdesk', ?, ?)`,
      [articleId, statement, AT, AT],
    );
  }

  async snapshot(): Promise<void> {
    writeSnapshotSeq(this.db, this.seq);
    await writeSnapshotFile(path.join(this.dir, 'archive.db'), this.db.export());
  }

  /** Quits as after a kill -9: the journal holds every edit, the snapshot those up to its last one. */
  quit(): string {
    rmSync(path.join(this.dir, 'journal'), { recursive: true, force: true });
    const file = segmentPath(path.join(this.dir, 'journal'), 1);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, Buffer.concat(this.records));
    this.db.close();
    return this.dir;
  }
}

const journal = (dir: string) => journalFiles(dir).flatMap((file) => scanSegment(readFileSync(file)).records);

const claims = (a: Opened) =>
  a.claims
    .list({ limit: 100 })
    .items.map((c) => ({ statement: c.statement, article: c.articleTitle ?? null, verdictNote: c.verdictNote }))
    .sort((x, y) => x.statement.localeCompare(y.statement));

/**
 * The previous version's archive (snapshot: one article and a claim; journal: two more claims), then
 * opened by this version, which keeps a backup of the old file and upgrades it, and edits made after
 * the upgrade: an OCR'd article (a column the old schema lacks), a claim on it, a verdict on an old claim.
 */
async function upgradedWithEdits() {
  const old = await PreviousVersion.create();
  old.article('Before the upgrade');
  old.claim('old claim in the snapshot', 1);
  await old.snapshot();
  old.claim('old claim only in the journal', 1);
  old.claim('another old claim only in the journal');
  const dir = old.quit();

  const a = await open(dir);
  expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, readOnly: false });
  const [preUpgrade] = a.listBackups();
  expect(a.logs.join('\n')).toContain(
    `Kept backup ${preUpgrade.name} of the archive before upgrading it from schema ${PREVIOUS} to ${LATEST_VERSION}`,
  );
  const ocr = await a.articles.insert({
    title: 'After the upgrade',
    text: 'Scanned: the bridge was closed on Monday.',
    textQuality: 'ocr',
    textWarning: 'Read by OCR',
  });
  await a.claims.insert({ statement: 'new claim on the scanned article', articleId: ocr.id });
  await a.claims.setVerdict(1, 'claimdesk', 'false', 'checked after the upgrade');
  const expected = claims(a);
  expect(expected).toHaveLength(4);
  const image = crashImage(dir);
  await a.close();
  return { dir: image, preUpgrade: preUpgrade.name, expected };
}

describe('journal records carry their schema version', () => {
  it('an archive written by the previous version opens: every journaled edit is there, and new records say which schema wrote them', async () => {
    const old = await PreviousVersion.create();
    old.article('Before the upgrade');
    old.claim('in the snapshot', 1);
    await old.snapshot();
    old.claim('only in the journal', 1);
    const dir = old.quit();
    expect(journal(dir).map((r) => r.version)).toEqual([undefined, undefined, undefined]);

    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, readOnly: false, counts: { articles: 1, claims: 2 } });
    await a.claims.insert({ statement: 'made after the upgrade' });
    expect(journal(dir).at(-1)).toMatchObject({ seq: 4, version: LATEST_VERSION });
    await a.close();

    const b = await open(dir);
    expect(
      b.claims
        .list({})
        .items.map((c) => c.statement)
        .sort(),
    ).toEqual(['in the snapshot', 'made after the upgrade', 'only in the journal']);
  });

  it('a backup made before the upgrade, restored after it, with edits made on both sides of the upgrade, has every edit', async () => {
    const { dir, preUpgrade, expected } = await upgradedWithEdits();
    // The upgraded archive file is damaged on disk: the researcher restores the pre-upgrade backup.
    const file = path.join(dir, 'archive.db');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] ^= 0x20;
    writeFileSync(file, bytes);
    const a = await open(dir);
    expect(a.info().readOnly).toBe(true);

    const note = await a.restoreBackup(preUpgrade);
    expect(note).toMatch(
      new RegExp(`^Rebuilt the archive from backup ${preUpgrade} \\(changes up to 2\\) and 5 journaled change\\(s\\) after it\\.`),
    );
    expect(note).not.toMatch(/could not|not applied/);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, readOnly: false });
    expect(claims(a)).toEqual(expected);
    expect(a.articles.get(2)).toMatchObject({ textQuality: 'ocr', textWarning: 'Read by OCR' });
    await a.claims.insert({ statement: 'after the restore' });
    await a.close();

    const b = await open(crashImage(dir));
    expect(b.info().readOnly).toBe(false);
    expect(claims(b)).toHaveLength(expected.length + 1);
  });

  it('an archive file put back from before the upgrade (a sync tool, a copy) opens with every edit of the journal', async () => {
    const { dir, preUpgrade, expected } = await upgradedWithEdits();
    writeFileSync(path.join(dir, 'archive.db'), readFileSync(path.join(dir, 'backups', preUpgrade)));
    rmSync(path.join(dir, 'archive.db.sha256'));
    const a = await open(dir);
    expect(a.info()).toMatchObject({ schemaVersion: LATEST_VERSION, readOnly: false, readOnlyReason: null });
    expect(claims(a)).toEqual(expected);
  });

  it('a record written by a newer Claimdesk opens read-only, naming it, and nothing of it is applied', async () => {
    const a = await open();
    await a.claims.insert({ statement: 'ours' });
    const dir = crashImage(a.dir);
    await a.close();
    const [file] = journalFiles(dir);
    const statements = JSON.parse(JSON.stringify(journal(dir)[0].statements).replaceAll('ours', 'theirs')) as RecordedStatement[];
    writeFileSync(file, Buffer.concat([readFileSync(file), encodeRecord({ seq: 2, version: LATEST_VERSION + 1, statements })]));
    const b = await open(dir);
    expect(b.info()).toMatchObject({
      readOnly: true,
      readOnlyReason: expect.stringContaining(`Journal change 2 was written by a newer version of Claimdesk (schema ${LATEST_VERSION + 1}`),
    });
    expect(b.claims.list({}).items.map((c) => c.statement)).toEqual(['ours']);
    // Nor does a recovery rebuild the archive without that change: it refuses and changes nothing.
    const before = hashFiles(dir);
    await expect(b.recoverJournal()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/newer version of Claimdesk.*Nothing was changed/),
    });
    expect(hashFiles(dir)).toEqual(before);
    expect(b.info().readOnly).toBe(true);
  });
});
