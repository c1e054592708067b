// Reversible entity merges. entities.merge folds one entity into another but keeps its row, marked
// merged_into / merged_at, with a record of the names and claim links it moved (merge_record);
// entities.unmerge splits it back out from that record: its own names and claim links (roles
// included) go back to it, and the kept entity loses only what the merge gave it. Each is one
// journaled transaction with a history row on every claim whose links changed.
import { AppError } from '../../../shared/errors';
import type { Entity, EntityRole, EntityType, EntityUnmergeResult, MergedEntity } from '../../../shared/domain';
import { json, notFound, parseJson, type RepoBase, type RepoContext, type WriteMode, type Written } from './context';
import { findByName, getEntity, hasEntityLink, normaliseName } from './entities';
import { recordHistory } from './history';
import { ENTITY, columnNames, insertSql, rowValues, selectList } from '../schema';

/** A claim link a merge moved. keptHad: the kept entity already had it, so it stays there on a split. */
export interface MovedLink {
  claimId: number;
  role: EntityRole;
  keptHad: boolean;
}

/** What a merge moved to the kept entity (merge_record). */
export interface MergeMoves {
  names: string[];
  links: MovedLink[];
}

/** A merged-away entity with what its merge moved: what an archive export carries so a restore can still split it. */
export type MergedEntityRecord = MergedEntity & MergeMoves;

interface EntityRow {
  id: number;
  name: string;
  type: EntityType;
  mergedInto: number | null;
  mergedAt: string | null;
  record: string | null;
}

/** Every column of an entity row (schema/entities.ts), the merge record still JSON text. */
const ROW = `SELECT ${selectList(ENTITY, 'e', () => true)} FROM entity e`;
const MERGED_COLUMNS = selectList(ENTITY, 'e', (c) => c.field !== 'record');
const ALL_COLUMNS = columnNames(ENTITY, () => true);
const INSERT_MERGED = insertSql(ENTITY, ALL_COLUMNS);

/** Any entity row, merged away or not. */
function entityRow(ctx: RepoBase, id: number): EntityRow {
  const row = ctx.sql.get<EntityRow>(`${ROW} WHERE id = ?`, [id]);
  if (!row) throw notFound('Entity', id);
  return row;
}

function movesOf(record: string | null): MergeMoves | null {
  const moves = parseJson<Partial<MergeMoves> | null>(record, null);
  return moves && Array.isArray(moves.names) && Array.isArray(moves.links) ? { names: moves.names, links: moves.links } : null;
}

const claimsOf = (links: MovedLink[]) => [...new Set(links.map((l) => l.claimId))];

/** Folds `mergeId` into `keepId`: its names become aliases, its claims point to `keepId`, its row stays to split it out again. */
export function mergeEntitiesSync(ctx: RepoBase, keepId: number, mergeId: number): Entity {
  if (keepId === mergeId) throw new AppError('INVALID_ARGUMENT', 'An entity cannot be merged into itself.');
  const keep = getEntity(ctx, keepId);
  const gone = getEntity(ctx, mergeId);
  if (keep.type !== gone.type) throw new AppError('INVALID_ARGUMENT', `Cannot merge a ${gone.type} into a ${keep.type}.`);
  const links = ctx.sql
    .all<{ claimId: number; role: EntityRole; keptHad: number }>(
      `SELECT m.claim_id AS claimId, m.role,
         EXISTS (SELECT 1 FROM claim_entity k WHERE k.claim_id = m.claim_id AND k.entity_id = ? AND k.role = m.role) AS keptHad
       FROM claim_entity m WHERE m.entity_id = ? ORDER BY m.claim_id, m.role`,
      [keepId, mergeId],
    )
    .map((l) => ({ claimId: l.claimId, role: l.role, keptHad: l.keptHad === 1 }));
  const names = ctx.sql
    .all<{ name: string }>('SELECT name FROM entity_name WHERE entity_id = ? ORDER BY name', [mergeId])
    .map((r) => r.name);
  const at = ctx.now();
  ctx.sql.run(
    'INSERT OR IGNORE INTO claim_entity (claim_id, entity_id, role) SELECT claim_id, ?, role FROM claim_entity WHERE entity_id = ?',
    [keepId, mergeId],
  );
  ctx.sql.run('DELETE FROM claim_entity WHERE entity_id = ?', [mergeId]);
  ctx.sql.run('UPDATE entity_name SET entity_id = ? WHERE entity_id = ?', [keepId, mergeId]);
  // Entities merged into `gone` earlier stay merged into it: they split out of it once it is split out.
  ctx.sql.run('UPDATE entity SET merged_into = ?, merged_at = ?, merge_record = ? WHERE id = ?', [
    keepId,
    at,
    json({ names, links }),
    mergeId,
  ]);
  for (const claimId of claimsOf(links))
    recordHistory(ctx, claimId, 'entity', gone.name, keep.name, `merged entity ${mergeId} into ${keepId}`, at);
  return getEntity(ctx, keepId);
}

/**
 * Splits a merged entity back out of the one it was merged into. Everything is checked before
 * anything is written. A link taken off the kept entity since the merge stays off: that was a
 * decision made after it. Names and links given to the kept entity since stay with it.
 */
export function unmergeEntitySync(ctx: RepoBase, mergedId: number): EntityUnmergeResult {
  const gone = entityRow(ctx, mergedId);
  if (gone.mergedInto === null)
    throw new AppError('CONFLICT', `“${gone.name}” (entity ${gone.id}) is not merged into another entity: there is nothing to split.`);
  const keep = entityRow(ctx, gone.mergedInto);
  if (keep.mergedInto !== null) {
    const later = entityRow(ctx, keep.mergedInto);
    throw new AppError(
      'CONFLICT',
      `“${keep.name}”, which “${gone.name}” was merged into, has since been merged into “${later.name}”: split “${keep.name}” out of it first.`,
    );
  }
  const moves = movesOf(gone.record);
  if (!moves)
    throw new AppError('CONFLICT', `The archive has no record of what merging “${gone.name}” moved, so it cannot be split back out.`);
  const owners = moves.names.map((name) => ({ name, owner: findByName(ctx, name, gone.type) }));
  const taken = owners.find((o) => o.owner !== null && o.owner !== keep.id && o.owner !== gone.id);
  if (taken) {
    const other = getEntity(ctx, taken.owner!);
    throw new AppError(
      'CONFLICT',
      `The name “${taken.name}” of “${gone.name}” now belongs to “${other.name}” (entity ${other.id}), so “${gone.name}” cannot get it back.`,
    );
  }

  for (const { name, owner } of owners) {
    if (owner === null)
      ctx.sql.run('INSERT INTO entity_name (norm, type, entity_id, name) VALUES (?, ?, ?, ?)', [
        normaliseName(name),
        gone.type,
        gone.id,
        name,
      ]);
    else if (owner === keep.id)
      ctx.sql.run('UPDATE entity_name SET entity_id = ? WHERE norm = ? AND type = ?', [gone.id, normaliseName(name), gone.type]);
  }
  const moved = moves.links.filter((l) => hasEntityLink(ctx, l.claimId, keep.id, l.role));
  for (const l of moved) {
    ctx.sql.run('INSERT OR IGNORE INTO claim_entity (claim_id, entity_id, role) VALUES (?, ?, ?)', [l.claimId, gone.id, l.role]);
    if (!l.keptHad) ctx.sql.run('DELETE FROM claim_entity WHERE claim_id = ? AND entity_id = ? AND role = ?', [l.claimId, keep.id, l.role]);
  }
  ctx.sql.run('UPDATE entity SET merged_into = NULL, merged_at = NULL, merge_record = NULL WHERE id = ?', [gone.id]);
  const at = ctx.now();
  for (const claimId of claimsOf(moved))
    recordHistory(ctx, claimId, 'entity', keep.name, gone.name, `split entity ${gone.id} back out of ${keep.id}`, at);
  return { restored: getEntity(ctx, gone.id), kept: getEntity(ctx, keep.id) };
}

/** A merged-away entity as an archive export carries it (restore.ts): after the entity it was merged into. */
export function insertMergedEntityRow(ctx: RepoBase, e: MergedEntityRecord): void {
  if (!ctx.sql.get('SELECT 1 FROM entity WHERE id = ?', [e.mergedInto])) throw notFound('Entity', e.mergedInto);
  for (const { claimId } of e.links) if (!ctx.sql.get('SELECT 1 FROM claim WHERE id = ?', [claimId])) throw notFound('Claim', claimId);
  const record: MergeMoves = { names: e.names, links: e.links };
  ctx.sql.run(INSERT_MERGED, rowValues(ENTITY, ALL_COLUMNS, { ...e, record }));
}

export function createEntityMergeRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    /** Folds `mergeId` into `keepId`: its names become aliases, its claims point to `keepId` (undo: unmerge). */
    merge: (keepId: number, mergeId: number): Written<M, Entity> => ctx.write(() => mergeEntitiesSync(ctx, keepId, mergeId)),

    /** Splits a merged entity back out: its own names and claim links return to it. */
    unmerge: (mergedId: number): Written<M, EntityUnmergeResult> => ctx.write(() => unmergeEntitySync(ctx, mergedId)),

    /** The entities merged into this (live) one, most recent first. */
    mergedFrom: (id: number): MergedEntity[] => {
      getEntity(ctx, id);
      return ctx.sql.all<MergedEntity>(`SELECT ${MERGED_COLUMNS} FROM entity e WHERE merged_into = ? ORDER BY merged_at DESC, id DESC`, [
        id,
      ]);
    },

    /** Every merged-away entity with what its merge moved, by id (for the archive export). */
    mergedRecords: (): MergedEntityRecord[] =>
      ctx.sql.all<EntityRow>(`${ROW} WHERE merged_into IS NOT NULL ORDER BY id`).flatMap((r) => {
        const moves = movesOf(r.record);
        return moves ? [{ id: r.id, name: r.name, type: r.type, mergedInto: r.mergedInto!, mergedAt: r.mergedAt ?? '', ...moves }] : [];
      }),
  };
}
