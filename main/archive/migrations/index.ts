// The ordered list of schema migrations. To change the schema, add a file with the next version
// number and append it here; never edit a migration that has shipped.
import { AppError } from '../../../shared/errors';
import type { Database } from '../engine/database';
import { coreSchema } from './001-core';
import { reviewSchema } from './002-review';
import { entityMergesSchema } from './003-entity-merges';
import { mergeLogSchema } from './004-merge-log';
import { textQualitySchema } from './005-text-quality';
import { syncSchema } from './006-sync';
import { articlePagesSchema } from './007-article-pages';
import { syncRelationsSchema } from './008-sync-relations';
import { syncSendingSchema } from './009-sync-sending';
import { highlightsSchema } from './010-highlights';
import { collectionArticlesSchema } from './011-collection-articles';
import { syncHighlightsSchema } from './012-sync-highlights';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  coreSchema,
  reviewSchema,
  entityMergesSchema,
  mergeLogSchema,
  textQualitySchema,
  syncSchema,
  articlePagesSchema,
  syncRelationsSchema,
  syncSendingSchema,
  highlightsSchema,
  collectionArticlesSchema,
  syncHighlightsSchema,
];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version'));
}

/**
 * Applies every migration newer than the database (up to `target`), each in its own transaction that
 * ends with `PRAGMA foreign_key_check`: a step that leaves a row referring to a missing one fails and
 * is rolled back whole. Returns how many ran.
 */
export function migrate(db: Database, target = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  let applied = 0;
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    const before = new Set(foreignKeyViolations(db).map(violationKey));
    db.exec('BEGIN');
    try {
      if (migration.sql) db.exec(migration.sql);
      migration.up?.(db);
      checkForeignKeys(db, before);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new AppError(
        'INTERNAL',
        `Archive upgrade step ${migration.version} (${migration.name}) failed: ${(err as Error).message}. It was rolled back: the archive is as it was before the upgrade.`,
      );
    }
    applied++;
  }
  return applied;
}

interface Violation {
  table: string;
  rowid: number | null;
  parent: string;
}

function foreignKeyViolations(db: Database): Violation[] {
  return db.all<Violation>('PRAGMA foreign_key_check');
}

const violationKey = (v: Violation) => `${v.table}\u0000${v.rowid}\u0000${v.parent}`;

/**
 * Fails on a reference the step broke. One the archive already had before the step is not its doing
 * and does not block the upgrade: an archive that opened before must still open.
 */
function checkForeignKeys(db: Database, before: Set<string>): void {
  const broken = foreignKeyViolations(db).filter((v) => !before.has(violationKey(v)));
  if (broken.length === 0) return;
  const shown = broken.slice(0, 5).map((v) => `${v.table} ${v.rowid ?? '(no rowid)'} refers to a missing ${v.parent}`);
  const more = broken.length > shown.length ? ` and ${broken.length - shown.length} more` : '';
  throw new Error(`PRAGMA foreign_key_check found ${broken.length} broken reference(s): ${shown.join(', ')}${more}`);
}
