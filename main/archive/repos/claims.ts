// Claims: create, edit, workflow status, verdicts, tags, soft delete. Every change leaves a
// history row (field, from, to, note, actor, at).
import { AppError } from '../../../shared/errors';
import {
  ClaimPatch,
  WorkflowStatus,
  NewClaim,
  type Claim,
  type EntityLinkResult,
  type EntityRole,
  type EntityTarget,
  type ClaimConflictView,
  type ResolveConflict,
  type ResolvedConflict,
} from '../../../shared/domain';
import { parseInput, json, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { assertVerdict, checkSpan, cleanTags, getClaim } from './claim-rows';
import { getArticle } from './articles';
import { claimEntities, linkClaimEntitySync, linkEntitySync, unlinkClaimEntitySync, upsertEntitySync } from './entities';
import { historyOf, recordHistory, verdictAsOf } from './history';
import { claimConflict, conflictCount, reopenClaimConflict, resolveClaimConflict } from './claim-conflicts';
import { listClaims } from '../search/claims-query';
import { CLAIM, insertSql, jsonFields, newRecordColumns, patchColumns, rowValues } from '../schema';

/** Claim fields a patch may edit, and their columns (schema/claims.ts: `patch`). */
const COLUMN = patchColumns(CLAIM) as Record<keyof ClaimPatch, string>;

/** Stored as JSON (attribution, tags). */
const STRUCTURED = new Set(jsonFields(CLAIM).map(([field]) => field));

function columnValue(field: keyof ClaimPatch, value: unknown): string | number | null {
  return STRUCTURED.has(field) ? json(value) : (value as string | number | null);
}

/** A new claim's columns: every field of its record but the id. */
const NEW_COLUMNS = newRecordColumns(CLAIM);
const INSERT_CLAIM = insertSql(CLAIM, NEW_COLUMNS);

function writeTags(ctx: RepoBase, claimId: number, tags: string[]): void {
  ctx.sql.run('DELETE FROM claim_tag WHERE claim_id = ?', [claimId]);
  for (const tag of tags) ctx.sql.run('INSERT OR IGNORE INTO claim_tag (claim_id, tag) VALUES (?, ?)', [claimId, tag]);
}

export function insertClaimSync(ctx: RepoBase, input: NewClaim): Claim {
  const c = parseInput(NewClaim, input, 'claim');
  if (c.articleId !== null) getArticle(ctx, c.articleId);
  assertVerdict(c.verdictScale, c.verdict);
  const quote = checkSpan(ctx, c);
  const tags = cleanTags(c.tags);
  const at = ctx.now();
  ctx.sql.run(INSERT_CLAIM, rowValues(CLAIM, NEW_COLUMNS, { ...c, quote, tags, createdAt: at, updatedAt: at }));
  const id = ctx.sql.lastId();
  writeTags(ctx, id, tags);
  for (const e of c.entities) linkEntitySync(ctx, id, upsertEntitySync(ctx, e.name, e.type), e.role);
  const claim = getClaim(ctx, id);
  // The first values of other fields are the `from` of their first change; verdict and status
  // are kept here because verdictAsOf starts from them.
  const { status, verdictScale, verdict, verdictNote } = claim;
  recordHistory(ctx, id, 'created', null, { status, verdictScale, verdict, verdictNote }, null, at);
  return claim;
}

function updateSync(ctx: RepoBase, id: number, input: ClaimPatch, note: string | null): Claim {
  const patch = parseInput(ClaimPatch, input, 'claim change');
  const before = getClaim(ctx, id);
  if (patch.tags) patch.tags = cleanTags(patch.tags);
  const changed = (Object.keys(patch) as (keyof ClaimPatch)[]).filter((f) => json(patch[f]) !== json(before[f]));
  if (changed.length === 0) return before;
  const after = { ...before, ...patch };
  if (['quote', 'start', 'end'].some((f) => changed.includes(f as keyof ClaimPatch))) {
    const quote = checkSpan(ctx, after);
    if (quote !== after.quote) {
      (patch as { quote?: string }).quote = quote;
      if (!changed.includes('quote')) changed.push('quote');
    }
  }
  const at = ctx.now();
  ctx.sql.run(`UPDATE claim SET ${changed.map((f) => `${COLUMN[f]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
    ...changed.map((f) => columnValue(f, patch[f])),
    at,
    id,
  ]);
  if (changed.includes('tags')) writeTags(ctx, id, patch.tags!);
  for (const f of changed) recordHistory(ctx, id, f, before[f], patch[f], note, at);
  return getClaim(ctx, id);
}

function setVerdictSync(ctx: RepoBase, id: number, scale: string, verdict: string | null, note: string): Claim {
  if (typeof note !== 'string' || !note.trim())
    throw new AppError('INVALID_ARGUMENT', 'A note is required when the verdict changes: say why.');
  assertVerdict(scale, verdict);
  const before = getClaim(ctx, id);
  const from = { scale: before.verdictScale, verdict: before.verdict, note: before.verdictNote };
  const to = { scale, verdict, note };
  if (json(from) === json(to)) return before;
  const at = ctx.now();
  ctx.sql.run('UPDATE claim SET verdict_scale = ?, verdict = ?, verdict_note = ?, updated_at = ? WHERE id = ?', [
    scale,
    verdict,
    note,
    at,
    id,
  ]);
  recordHistory(ctx, id, 'verdict', from, to, note, at);
  return getClaim(ctx, id);
}

function setStatusSync(ctx: RepoBase, id: number, status: WorkflowStatus, note: string | null): Claim {
  const next = parseInput(WorkflowStatus, status, 'status');
  const before = getClaim(ctx, id);
  if (before.status === next) return before;
  const at = ctx.now();
  ctx.sql.run('UPDATE claim SET status = ?, updated_at = ? WHERE id = ?', [next, at, id]);
  recordHistory(ctx, id, 'status', before.status, next, note, at);
  return getClaim(ctx, id);
}

function deleteSync(ctx: RepoBase, id: number): void {
  getClaim(ctx, id);
  const at = ctx.now();
  ctx.sql.run('UPDATE claim SET deleted_at = ?, deleted_with_article = 0 WHERE id = ?', [at, id]);
  recordHistory(ctx, id, 'deleted', null, at, null, at);
}

function restoreSync(ctx: RepoBase, id: number): Claim {
  const row = ctx.sql.get<{ deletedAt: string | null; articleId: number | null; articleDeleted: string | null }>(
    `SELECT c.deleted_at AS deletedAt, c.article_id AS articleId, a.deleted_at AS articleDeleted
     FROM claim c LEFT JOIN article a ON a.id = c.article_id WHERE c.id = ?`,
    [id],
  );
  if (!row) throw new AppError('NOT_FOUND', `Claim ${id} does not exist.`);
  if (!row.deletedAt) return getClaim(ctx, id);
  if (row.articleDeleted)
    throw new AppError('CONFLICT', `Claim ${id} belongs to deleted article ${row.articleId}; restore the article first.`);
  const at = ctx.now();
  ctx.sql.run('UPDATE claim SET deleted_at = NULL, deleted_with_article = 0 WHERE id = ?', [id]);
  recordHistory(ctx, id, 'restored', row.deletedAt, null, null, at);
  return getClaim(ctx, id);
}

export function createClaimRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    insert: (c: NewClaim): Written<M, Claim> => ctx.write(() => insertClaimSync(ctx, c)),
    insertMany: (cs: NewClaim[]): Written<M, Claim[]> => ctx.write(() => cs.map((c) => insertClaimSync(ctx, c))),
    get: (id: number): Claim => getClaim(ctx, id),
    list: listClaims.bind(null, ctx),
    update: (id: number, patch: ClaimPatch, note?: string): Written<M, Claim> => ctx.write(() => updateSync(ctx, id, patch, note ?? null)),
    setStatus: (id: number, status: WorkflowStatus, note?: string): Written<M, Claim> =>
      ctx.write(() => setStatusSync(ctx, id, status, note ?? null)),
    setVerdict: (id: number, scale: string, verdict: string | null, note: string): Written<M, Claim> =>
      ctx.write(() => setVerdictSync(ctx, id, scale, verdict, note)),
    addTags: (id: number, tags: string[]): Written<M, Claim> =>
      ctx.write(() => updateSync(ctx, id, { tags: [...getClaim(ctx, id).tags, ...tags] }, null)),
    history: (id: number) => {
      if (!ctx.sql.get('SELECT 1 FROM claim WHERE id = ?', [id])) throw new AppError('NOT_FOUND', `Claim ${id} does not exist.`);
      return historyOf(ctx, id);
    },
    verdictAsOf: (id: number, at: string) => verdictAsOf(ctx, id, at),
    delete: (id: number): Written<M, void> => ctx.write(() => deleteSync(ctx, id)),
    restore: (id: number): Written<M, Claim> => ctx.write(() => restoreSync(ctx, id)),
    entities: (id: number) => {
      getClaim(ctx, id);
      return claimEntities(ctx, id);
    },
    /** Links an entity (by id, or by name: an existing name or alias of that type, else a new entity) in a role. */
    linkEntity: (id: number, target: EntityTarget, role: EntityRole, note?: string): Written<M, EntityLinkResult> =>
      ctx.write(() => linkClaimEntitySync(ctx, id, target, role, note ?? null)),
    unlinkEntity: (id: number, entityId: number, role: EntityRole, note?: string): Written<M, void> =>
      ctx.write(() => unlinkClaimEntitySync(ctx, id, entityId, role, note ?? null)),
    /** Both versions of a claim changed on two devices (team sync), or null when it is not in conflict. */
    conflict: (id: number) => claimConflict(ctx, id),
    /** How many live claims are in conflict. */
    conflictCount: () => conflictCount(ctx),
    /** A researcher's pick between them, as an edit that syncs; CONFLICT when there is no conflict. */
    resolveConflict: (input: ResolveConflict): Written<M, ResolvedConflict> => ctx.write(() => resolveClaimConflict(ctx, input)),
    /** Undo of resolveConflict: both versions back, the claim marked conflict again. */
    reopenConflict: (id: number): Written<M, ClaimConflictView> => ctx.write(() => reopenClaimConflict(ctx, id)),
  };
}
