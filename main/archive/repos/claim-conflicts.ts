// A claim changed on two devices (team sync, docs/sync.md §4): sync keeps the other device's version
// whole in sync_doc.conflict and the claim shows this archive's. Here a researcher reads both (with
// who/when/why from the claim's history, which syncs as immutable documents) and picks one, or a
// field from each. The pick is an ordinary edit: history rows for each field it changes plus one
// "conflict resolved: kept …" event, the mark cleared, the claim marked for the next sync round (so
// every device converges); the event keeps both versions, so undo (reopen) can put them back.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  CONFLICT_FIELDS,
  ResolveConflict,
  VerdictScaleKey,
  WorkflowStatus,
  type ClaimConflictView,
  type ClaimVersion,
  type ConflictField,
  type ConflictSide,
  type HistoryEntry,
  type ResolvedConflict,
} from '../../../shared/domain';
import { ClaimConflict } from '../sync/documents';
import { json, parseInput, parseJson, type RepoBase } from './context';
import { historyOf, recordHistory } from './history';
import { IN_CONFLICT } from './claim-rows';

/** The fields of a version sync compares and keeps (ClaimConflict without its revision). */
const Fields = z
  .object({
    statement: z.string().min(1),
    verdictScale: VerdictScaleKey,
    verdict: z.string().nullable(),
    verdictNote: z.string().nullable(),
    status: WorkflowStatus,
    updatedAt: z.string().min(1),
    deletedAt: z.string().nullable(),
    // Absent from resolution events and conflicts written before conflicts kept them: left as they are.
    notes: z.string().optional(),
    tags: z.array(z.string()).optional(),
  })
  .strip();
type Fields = z.infer<typeof Fields>;

/** What a resolution event keeps in `from`: the version the claim showed and the one kept aside, so undo can put them back. */
const Resolved = z.object({ shown: Fields, kept: ClaimConflict });

function currentFields(ctx: RepoBase, claimId: number): Fields {
  const row = ctx.sql.get<Omit<Fields, 'tags'> & { tags: string }>(
    `SELECT statement, verdict_scale AS verdictScale, verdict, verdict_note AS verdictNote, status, updated_at AS updatedAt,
       deleted_at AS deletedAt, notes, tags FROM claim WHERE id = ?`,
    [claimId],
  );
  if (!row) throw new AppError('NOT_FOUND', `Claim ${claimId} does not exist.`);
  return { ...row, tags: parseJson<string[]>(row.tags, []) };
}

/** The other version kept by sync, or null when the claim is not marked conflict. */
function markOf(ctx: RepoBase, claimId: number): ClaimConflict | null {
  const row = ctx.sql.get<{ conflict: string }>(
    "SELECT conflict FROM sync_doc WHERE kind = 'claim' AND local_id = ? AND conflict IS NOT NULL ORDER BY gid LIMIT 1",
    [claimId],
  );
  if (!row) return null;
  const parsed = ClaimConflict.safeParse(parseJson(row.conflict, null));
  // Written by sync only after zod checked it; anything else is not a version a researcher could pick.
  return parsed.success ? parsed.data : null;
}

const differ = (a: Fields, b: Fields): ConflictField[] =>
  CONFLICT_FIELDS.filter((f) => {
    if (f === 'statement') return a.statement !== b.statement;
    if (f === 'status') return a.status !== b.status;
    if (f === 'deleted') return (a.deletedAt === null) !== (b.deletedAt === null);
    if (f === 'notes') return a.notes !== undefined && b.notes !== undefined && a.notes !== b.notes;
    if (f === 'tags') return a.tags !== undefined && b.tags !== undefined && json(a.tags) !== json(b.tags);
    return a.verdictScale !== b.verdictScale || a.verdict !== b.verdict || (a.verdictNote ?? '') !== (b.verdictNote ?? '');
  });

/** A version with the history events that made it: those at its last change (an edit sets updated_at to its event's time). */
function versionOf(f: Fields, history: HistoryEntry[]): ClaimVersion {
  const when = f.deletedAt && f.deletedAt > f.updatedAt ? f.deletedAt : f.updatedAt;
  const changes = history.filter((h) => h.at === when && h.field !== 'conflict');
  return {
    statement: f.statement,
    verdictScale: f.verdictScale,
    verdict: f.verdict,
    verdictNote: f.verdictNote,
    status: f.status,
    deleted: f.deletedAt !== null,
    notes: f.notes ?? '',
    tags: f.tags ?? [],
    updatedAt: f.updatedAt,
    changes,
    who: changes[0]?.actor ?? null,
    when,
    why: changes.find((h) => h.note)?.note ?? null,
  };
}

interface Sides {
  /** The version the claim shows (the same on every device once they synced) and the one sync kept aside. */
  shown: Fields;
  kept: ClaimConflict;
  /** The researcher's own version and the other: the one whose last change this archive's actor made is
   * "mine"; when that cannot tell them apart (the same person on both devices), the one shown here. */
  mine: ClaimVersion;
  theirs: ClaimVersion;
  mineFields: Fields;
  theirsFields: Fields;
}

function sidesOf(ctx: RepoBase, claimId: number): Sides | null {
  const shown = currentFields(ctx, claimId);
  const kept = markOf(ctx, claimId);
  if (!kept) return null;
  // A conflict kept before conflicts carried notes and tags: the claim's own stand for them.
  const other: Fields = { ...kept, notes: kept.notes ?? shown.notes, tags: kept.tags ?? shown.tags };
  const history = historyOf(ctx, claimId);
  const [a, b] = [versionOf(shown, history), versionOf(other, history)];
  const swap = a.who !== ctx.actor && b.who === ctx.actor;
  return swap
    ? { shown, kept, mine: b, theirs: a, mineFields: other, theirsFields: shown }
    : { shown, kept, mine: a, theirs: b, mineFields: shown, theirsFields: other };
}

/** How many live claims are in conflict. */
export function conflictCount(ctx: RepoBase): number {
  return ctx.sql.get<{ n: number }>(`SELECT count(*) AS n FROM claim c WHERE c.deleted_at IS NULL AND ${IN_CONFLICT}`)?.n ?? 0;
}

/** Both versions of a claim in conflict, or null when it is not in conflict. */
export function claimConflict(ctx: RepoBase, claimId: number): ClaimConflictView | null {
  const s = sidesOf(ctx, claimId);
  return s && { claimId, mine: s.mine, theirs: s.theirs, differs: differ(s.shown, s.kept) };
}

/** Writes a version's fields over the claim, a history row for each that changes; `updatedAt` null: now. */
function writeFields(ctx: RepoBase, claimId: number, from: Fields, to: Fields, note: string, at: string, updatedAt: string | null): void {
  if (to.statement !== from.statement) recordHistory(ctx, claimId, 'statement', from.statement, to.statement, note, at);
  if (differ(from, to).includes('verdict'))
    recordHistory(
      ctx,
      claimId,
      'verdict',
      { scale: from.verdictScale, verdict: from.verdict, note: from.verdictNote },
      { scale: to.verdictScale, verdict: to.verdict, note: to.verdictNote },
      note,
      at,
    );
  if (to.status !== from.status) recordHistory(ctx, claimId, 'status', from.status, to.status, note, at);
  if (to.deletedAt !== null && from.deletedAt === null) recordHistory(ctx, claimId, 'deleted', null, to.deletedAt, note, at);
  if (to.deletedAt === null && from.deletedAt !== null) recordHistory(ctx, claimId, 'restored', from.deletedAt, null, note, at);
  if (to.notes !== undefined && to.notes !== from.notes) {
    recordHistory(ctx, claimId, 'notes', from.notes, to.notes, note, at);
    ctx.sql.run('UPDATE claim SET notes = ? WHERE id = ?', [to.notes, claimId]);
  }
  if (to.tags !== undefined && json(to.tags) !== json(from.tags)) {
    recordHistory(ctx, claimId, 'tags', from.tags, to.tags, note, at);
    ctx.sql.run('UPDATE claim SET tags = ? WHERE id = ?', [json(to.tags), claimId]);
    ctx.sql.run('DELETE FROM claim_tag WHERE claim_id = ?', [claimId]);
    for (const tag of to.tags) ctx.sql.run('INSERT OR IGNORE INTO claim_tag (claim_id, tag) VALUES (?, ?)', [claimId, tag]);
  }
  ctx.sql.run(
    `UPDATE claim SET statement = ?, verdict_scale = ?, verdict = ?, verdict_note = ?, status = ?, deleted_at = ?,
       deleted_with_article = 0, updated_at = ? WHERE id = ?`,
    [to.statement, to.verdictScale, to.verdict, to.verdictNote, to.status, to.deletedAt, updatedAt ?? at, claimId],
  );
}

/** The history note, naming versions by who made them (it syncs: "mine" would mean someone else on their device). */
function describe(s: Sides, keep: ResolveConflict['keep'], picks: Record<ConflictField, ConflictSide>): string {
  const whose = (side: ConflictSide) => {
    const who = s[side].who;
    const other = side === 'mine' ? s.theirs.who : s.mine.who;
    if (who && who !== other) return `${who}’s`;
    return side === 'mine' ? 'this device’s' : 'the other device’s';
  };
  if (keep !== 'merged') return `Conflict resolved: kept ${whose(keep)} version`;
  const differs = differ(s.shown, s.kept);
  const parts = (differs.length ? differs : CONFLICT_FIELDS).map((f) => `${f}: ${whose(picks[f])}`);
  return `Conflict resolved: merged (${parts.join(', ')})`;
}

/** Applies a researcher's pick; CONFLICT when the claim is not in conflict (nothing is written then). */
export function resolveClaimConflict(ctx: RepoBase, input: ResolveConflict): ResolvedConflict {
  const r = parseInput(ResolveConflict, input, 'conflict resolution');
  const s = sidesOf(ctx, r.claimId);
  if (!s)
    throw new AppError(
      'CONFLICT',
      `Claim ${r.claimId} is not in conflict: there is no other version to choose from (nothing was changed).`,
    );
  const picks = Object.fromEntries(CONFLICT_FIELDS.map((f) => [f, r.keep === 'merged' ? (r.merged![f] ?? 'mine') : r.keep])) as Record<
    ConflictField,
    ConflictSide
  >;
  const side = (f: ConflictField): Fields => (picks[f] === 'mine' ? s.mineFields : s.theirsFields);
  const at = ctx.now();
  const target: Fields = {
    statement: side('statement').statement,
    verdictScale: side('verdict').verdictScale,
    verdict: side('verdict').verdict,
    verdictNote: side('verdict').verdictNote,
    status: side('status').status,
    deletedAt: side('deleted').deletedAt,
    notes: side('notes').notes,
    tags: side('tags').tags,
    updatedAt: at,
  };
  const note = describe(s, r.keep, picks);
  writeFields(ctx, r.claimId, s.shown, target, note, at, null);
  recordHistory(ctx, r.claimId, 'conflict', { shown: s.shown, kept: s.kept }, { kept: r.keep, fields: picks }, note, at);
  ctx.sql.run("UPDATE sync_doc SET conflict = NULL, dirty = 1 WHERE kind = 'claim' AND local_id = ?", [r.claimId]);
  return { claimId: r.claimId, kept: r.keep, note, deleted: target.deletedAt !== null };
}

/**
 * Undo of a resolution: the claim back to the version it showed, the other version kept aside again
 * (so the next sync round marks every device again). CONFLICT if it is in conflict already.
 */
export function reopenClaimConflict(ctx: RepoBase, claimId: number): ClaimConflictView {
  const now = currentFields(ctx, claimId);
  if (markOf(ctx, claimId)) throw new AppError('CONFLICT', `Claim ${claimId} is already in conflict.`);
  const event = ctx.sql.get<{ fromValue: string; toValue: string; note: string | null }>(
    `SELECT from_value AS fromValue, to_value AS toValue, note FROM history WHERE claim_id = ? AND field = 'conflict'
     ORDER BY at DESC, id DESC LIMIT 1`,
    [claimId],
  );
  const kept = parseJson<{ kept?: unknown }>(event?.toValue, {}).kept;
  const resolved = Resolved.safeParse(parseJson(event?.fromValue, null));
  if (!event || kept === undefined || !resolved.success)
    throw new AppError('NOT_FOUND', `Claim ${claimId} has no resolved conflict to undo.`);
  const gid = ctx.sql.get<{ gid: string }>("SELECT min(gid) AS gid FROM sync_doc WHERE kind = 'claim' AND local_id = ?", [claimId])?.gid;
  if (!gid) throw new AppError('NOT_FOUND', `Claim ${claimId} has never been synced: there is no conflict to reopen.`);
  const note = `Undo: ${event.note ?? 'conflict resolved'}`;
  const at = ctx.now();
  writeFields(ctx, claimId, now, resolved.data.shown, note, at, resolved.data.shown.updatedAt);
  recordHistory(ctx, claimId, 'conflict', { kept }, { reopened: true }, note, at);
  ctx.sql.run('UPDATE sync_doc SET conflict = ?, dirty = 1 WHERE gid = ?', [json(resolved.data.kept), gid]);
  return claimConflict(ctx, claimId)!;
}
