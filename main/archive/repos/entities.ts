// People, organisations, places: one row per entity, every known name (main + aliases) in
// entity_name under a normalised key, so "Kim Jong-un" and "kim  jong-un" find the same entity.
import { AppError } from '../../../shared/errors';
import { ENTITY_LIST_LIMIT } from '../../../shared/limits';
import { EntityRole, EntityTarget, EntityType, type ClaimEntity, type Entity, type EntityLinkResult } from '../../../shared/domain';
import { getClaim } from './claim-rows';
import { notFound, parseInput, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { recordHistory } from './history';
import { ENTITY, selectList } from '../schema';

/** An entity record's own columns (its aliases are rows of entity_name). */
const ENTITY_COLUMNS = selectList(ENTITY, 'e');

export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function cleanName(name: string, what: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > 300) throw new AppError('INVALID_ARGUMENT', `${what} must be 1–300 characters.`);
  return clean;
}

/** A live entity; one merged into another is NOT_FOUND, saying where it went (entity-merges.ts). */
export function getEntity(ctx: RepoBase, id: number): Entity {
  const row = ctx.sql.get<{ id: number; name: string; type: EntityType; mergedInto: number | null }>(
    `SELECT ${ENTITY_COLUMNS}, e.merged_into AS mergedInto FROM entity e WHERE e.id = ?`,
    [id],
  );
  if (!row) throw notFound('Entity', id);
  if (row.mergedInto !== null) {
    const into = ctx.sql.get<{ name: string }>('SELECT name FROM entity WHERE id = ?', [row.mergedInto]);
    throw new AppError('NOT_FOUND', `Entity ${id} (“${row.name}”) was merged into “${into?.name ?? '?'}” (entity ${row.mergedInto}).`);
  }
  return { id: row.id, name: row.name, type: row.type, aliases: aliasesOf(ctx, row.id, row.name) };
}

function aliasesOf(ctx: RepoBase, id: number, mainName: string): string[] {
  const main = normaliseName(mainName);
  return ctx.sql
    .all<{ norm: string; name: string }>('SELECT norm, name FROM entity_name WHERE entity_id = ? ORDER BY name', [id])
    .filter((r) => r.norm !== main)
    .map((r) => r.name);
}

/** The entity that has this name (main name or alias, normalised) for this type. */
export function findByName(ctx: RepoBase, name: string, type: EntityType): number | null {
  const row = ctx.sql.get<{ id: number }>('SELECT entity_id AS id FROM entity_name WHERE norm = ? AND type = ?', [
    normaliseName(name),
    type,
  ]);
  return row?.id ?? null;
}

/** Synchronous upsert for use inside a transaction; returns the entity id. */
export function upsertEntitySync(ctx: RepoBase, name: string, type: EntityType, aliases: string[] = []): number {
  const clean = cleanName(name, 'An entity name');
  const entityType = parseInput(EntityType, type, 'entity type');
  let id = findByName(ctx, clean, entityType);
  if (id === null) {
    ctx.sql.run('INSERT INTO entity (name, type) VALUES (?, ?)', [clean, entityType]);
    id = ctx.sql.lastId();
    ctx.sql.run('INSERT INTO entity_name (norm, type, entity_id, name) VALUES (?, ?, ?, ?)', [normaliseName(clean), entityType, id, clean]);
  }
  for (const alias of aliases) addAliasSync(ctx, id, alias);
  return id;
}

export function addAliasSync(ctx: RepoBase, id: number, alias: string): void {
  const entity = getEntity(ctx, id);
  const clean = cleanName(alias, 'An alias');
  const owner = findByName(ctx, clean, entity.type);
  if (owner === id) return;
  if (owner !== null) throw new AppError('CONFLICT', `"${clean}" already names entity ${owner}; merge the two entities instead.`);
  ctx.sql.run('INSERT INTO entity_name (norm, type, entity_id, name) VALUES (?, ?, ?, ?)', [normaliseName(clean), entity.type, id, clean]);
}

export function linkEntitySync(ctx: RepoBase, claimId: number, entityId: number, role: EntityRole): void {
  ctx.sql.run('INSERT OR IGNORE INTO claim_entity (claim_id, entity_id, role) VALUES (?, ?, ?)', [claimId, entityId, role]);
}

/** Whether the claim names the entity in this role. */
export function hasEntityLink(ctx: RepoBase, claimId: number, entityId: number, role: EntityRole): boolean {
  return (
    ctx.sql.get('SELECT 1 FROM claim_entity WHERE claim_id = ? AND entity_id = ? AND role = ?', [claimId, entityId, role]) !== undefined
  );
}

/** Who the history row names: enough to read it later even after the entity is renamed or merged. */
function historyValue(entity: Entity, role: EntityRole) {
  return { entityId: entity.id, name: entity.name, type: entity.type, role };
}

/**
 * Links an entity to an existing, live claim: by id, or by name through the same lookup as
 * extraction (names and aliases of that type), creating it only when nothing matches. The claim
 * is touched (updated_at) and the change recorded in its history. Call inside ctx.write.
 */
export function linkClaimEntitySync(
  ctx: RepoBase,
  claimId: number,
  target: EntityTarget,
  role: EntityRole,
  note: string | null,
): EntityLinkResult {
  const t = parseInput(EntityTarget, target, 'entity');
  const r = parseInput(EntityRole, role, 'entity role');
  getClaim(ctx, claimId);
  let created = false;
  let entityId: number;
  if ('entityId' in t) entityId = t.entityId;
  else {
    const existing = findByName(ctx, t.name, t.type);
    created = existing === null;
    entityId = existing ?? upsertEntitySync(ctx, t.name, t.type);
  }
  const entity = getEntity(ctx, entityId); // NOT_FOUND for an unknown or merged-away id
  if (hasEntityLink(ctx, claimId, entityId, r)) {
    throw new AppError('CONFLICT', `“${entity.name}” is already linked to claim ${claimId} as ${r}.`);
  }
  const at = ctx.now();
  linkEntitySync(ctx, claimId, entityId, r);
  ctx.sql.run('UPDATE claim SET updated_at = ? WHERE id = ?', [at, claimId]);
  recordHistory(ctx, claimId, 'entity', null, historyValue(entity, r), note, at);
  return { entity, role: r, created };
}

/** Removes one entity link (the entity itself stays: other claims, aliases and merges may refer to it). */
export function unlinkClaimEntitySync(ctx: RepoBase, claimId: number, entityId: number, role: EntityRole, note: string | null): void {
  const r = parseInput(EntityRole, role, 'entity role');
  getClaim(ctx, claimId);
  const entity = getEntity(ctx, entityId);
  ctx.sql.run('DELETE FROM claim_entity WHERE claim_id = ? AND entity_id = ? AND role = ?', [claimId, entityId, r]);
  if (ctx.sql.changes() === 0) throw new AppError('NOT_FOUND', `“${entity.name}” is not linked to claim ${claimId} as ${r}.`);
  const at = ctx.now();
  ctx.sql.run('UPDATE claim SET updated_at = ? WHERE id = ?', [at, claimId]);
  recordHistory(ctx, claimId, 'entity', historyValue(entity, r), null, note, at);
}

export function claimEntities(ctx: RepoBase, claimId: number): ClaimEntity[] {
  const rows = ctx.sql.all<{ id: number; name: string; type: EntityType; role: EntityRole }>(
    `SELECT ${ENTITY_COLUMNS}, ce.role FROM claim_entity ce JOIN entity e ON e.id = ce.entity_id
     WHERE ce.claim_id = ? ORDER BY ce.role, e.name`,
    [claimId],
  );
  return rows.map((r) => ({ ...r, aliases: aliasesOf(ctx, r.id, r.name) }));
}

export function createEntityRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    /** Every live entity in id order, unlike `list` (a view's first 1,000): what a full export needs. */
    all(): Entity[] {
      const rows = ctx.sql.all<{ id: number; name: string; type: EntityType }>(
        `SELECT ${ENTITY_COLUMNS} FROM entity e WHERE merged_into IS NULL ORDER BY id`,
      );
      return rows.map((r) => ({ ...r, aliases: aliasesOf(ctx, r.id, r.name) }));
    },
    list(q: { search?: string; type?: EntityType } = {}): (Entity & { claimCount: number })[] {
      const where = ['e.merged_into IS NULL'];
      const params: (string | number)[] = [];
      if (q.type) {
        where.push('e.type = ?');
        params.push(parseInput(EntityType, q.type, 'entity type'));
      }
      if (q.search?.trim()) {
        where.push(`EXISTS (SELECT 1 FROM entity_name n WHERE n.entity_id = e.id AND instr(n.norm, ?) > 0)`);
        params.push(normaliseName(q.search));
      }
      const rows = ctx.sql.all<{ id: number; name: string; type: EntityType; claimCount: number }>(
        `SELECT ${ENTITY_COLUMNS},
           (SELECT count(DISTINCT ce.claim_id) FROM claim_entity ce JOIN claim c ON c.id = ce.claim_id
            WHERE ce.entity_id = e.id AND c.deleted_at IS NULL) AS claimCount
         FROM entity e WHERE ${where.join(' AND ')}
         ORDER BY claimCount DESC, e.name LIMIT ${ENTITY_LIST_LIMIT}`,
        params,
      );
      return rows.map((r) => ({ ...r, aliases: aliasesOf(ctx, r.id, r.name) }));
    },

    get: (id: number): Entity => getEntity(ctx, id),

    upsert: (name: string, type: EntityType, aliases: string[] = []): Written<M, Entity> =>
      ctx.write(() => getEntity(ctx, upsertEntitySync(ctx, name, type, aliases))),

    addAlias: (id: number, alias: string): Written<M, Entity> =>
      ctx.write(() => {
        addAliasSync(ctx, id, alias);
        return getEntity(ctx, id);
      }),

    // merge and unmerge: entity-merges.ts (archive/index.ts adds them to this repo).
  };
}
