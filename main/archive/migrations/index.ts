// The ordered list of schema migrations. To change the schema, add a file with the next version
// number and append it here; never edit a migration that has shipped.
import { AppError } from '../../api/errors';
import type { Database } from '../engine/database';
import { coreSchema } from './001-core';
import { reviewSchema } from './002-review';
import { entityMergesSchema } from './003-entity-merges';
import { mergeLogSchema } from './004-merge-log';
import { textQualitySchema } from './005-text-quality';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [coreSchema, reviewSchema, entityMergesSchema, mergeLogSchema, textQualitySchema];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version'));
}

/** Applies every migration newer than the database, each in its own transaction. Returns how many ran. */
export function migrate(db: Database, target = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  let applied = 0;
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db) || migration.version > target) continue;
    db.exec('BEGIN');
    try {
      if (migration.sql) db.exec(migration.sql);
      migration.up?.(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new AppError('INTERNAL', `Archive upgrade step ${migration.version} (${migration.name}) failed: ${(err as Error).message}`);
    }
    applied++;
  }
  return applied;
}
