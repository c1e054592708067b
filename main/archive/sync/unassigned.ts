// Which records may still lack a global id (docs/sync.md §3, push step 1). A sync round gives ids
// only to records that have none; looking for them in every table made each round read the whole
// archive (at 100k claims, hundreds of milliseconds per round, twice per edit that travels). Instead
// the rows the store's change feed reports written in the synced tables are the candidates — every
// insert, whichever path made it (an import, an undo putting a row back with its old id, an entity
// unmerged, a merge) — and every record once after the archive is opened or reloaded (a restore or
// a recovery), when nothing is known about what was written before.
import type { Sql } from '../engine/database';
import type { StoreChange } from '../engine/store-base';
import type { SyncKind } from './documents';
import { RELATION_TABLES } from './relations';

/** Each synced kind's table, and which of its rows are records of their own (an entity merged into another is not). */
const SOURCES: { kind: SyncKind; table: string; where: string }[] = [
  { kind: 'article', table: 'article', where: '' },
  { kind: 'entity', table: 'entity', where: 'merged_into IS NULL AND ' },
  { kind: 'claim', table: 'claim', where: '' },
  { kind: 'history', table: 'history', where: '' },
  ...RELATION_TABLES.map(([kind, table]) => ({ kind, table, where: '' })),
];
const KIND_OF = new Map(SOURCES.map((s) => [s.table, s.kind]));
const CHUNK = 500;

export interface UnassignedRecords {
  /** Takes note of a committed change (the store's change feed). */
  note(change: StoreChange): void;
  /** The records without a global id now, by kind (dependencies first), ids ascending. */
  find(sql: Sql): [SyncKind, number[]][];
}

export function watchUnassigned(): UnassignedRecords {
  let everything = true;
  /** Rows written since they were last looked at (or found without an id then): they may lack one. */
  const maybe = new Map<SyncKind, Set<number>>();
  return {
    note(change) {
      if (change.type === 'reset') {
        everything = true;
        maybe.clear();
        return;
      }
      for (const [table, ids] of change.tables) {
        const kind = KIND_OF.get(table);
        if (!kind || ids.size === 0) continue;
        const set = maybe.get(kind) ?? new Set<number>();
        for (const id of ids) set.add(id);
        maybe.set(kind, set);
      }
    },
    find(sql) {
      const out: [SyncKind, number[]][] = [];
      for (const { kind, table, where } of SOURCES) {
        const lacking = `${where}NOT EXISTS (SELECT 1 FROM sync_doc s WHERE s.kind = ? AND s.local_id = a.id)`;
        const ids: number[] = [];
        if (everything) ids.push(...sql.all<{ id: number }>(`SELECT id FROM ${table} a WHERE ${lacking}`, [kind]).map((r) => r.id));
        else {
          const candidates = [...(maybe.get(kind) ?? [])];
          for (let i = 0; i < candidates.length; i += CHUNK) {
            const part = candidates.slice(i, i + CHUNK);
            const rows = sql.all<{ id: number }>(
              `SELECT id FROM ${table} a WHERE id IN (${part.map(() => '?').join(', ')}) AND ${lacking}`,
              [...part, kind],
            );
            ids.push(...rows.map((r) => r.id));
          }
        }
        ids.sort((x, y) => x - y);
        // What has an id now never loses it (sync_doc rows stay): only the ones without stay candidates.
        if (ids.length > 0) {
          maybe.set(kind, new Set(ids));
          out.push([kind, ids]);
        } else maybe.delete(kind);
      }
      everything = false;
      return out;
    },
  };
}
