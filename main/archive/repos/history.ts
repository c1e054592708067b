// The change history of claims: every change is a row (field, from, to, note, actor, at); nothing
// is overwritten without leaving one. verdictAsOf replays it to answer "what did we say then?".
import { AppError } from '../../../shared/errors';
import type { HistoryEntry } from '../../../shared/domain';
import { parseJson, type RepoBase } from './context';
import { HISTORY, decodeRow, insertSql, newRecordColumns, rowValues, selectList } from '../schema';

export interface VerdictState {
  scale: string;
  verdict: string | null;
  note: string | null;
}

const NEW_HISTORY = newRecordColumns(HISTORY);
const INSERT_HISTORY = insertSql(HISTORY, NEW_HISTORY);
const HISTORY_COLUMNS = selectList(HISTORY, 'h');

export function recordHistory(
  ctx: RepoBase,
  claimId: number | null,
  field: string,
  from: unknown,
  to: unknown,
  note: string | null = null,
  at = ctx.now(),
): void {
  ctx.sql.run(INSERT_HISTORY, rowValues(HISTORY, NEW_HISTORY, { claimId, field, from, to, note, actor: ctx.actor, at }));
}

export function historyOf(ctx: RepoBase, claimId: number): HistoryEntry[] {
  const rows = ctx.sql.all(`SELECT ${HISTORY_COLUMNS} FROM history h WHERE claim_id = ? ORDER BY at, id`, [claimId]);
  return rows.map((r) => decodeRow<HistoryEntry>(HISTORY, r));
}

/** The verdict a claim had at `at` (a date means the end of that day, UTC). */
export function verdictAsOf(ctx: RepoBase, claimId: number, at: string): VerdictState {
  const cutoff = normaliseCutoff(at);
  const row = ctx.sql.get<{ field: string; toValue: string }>(
    `SELECT field, to_value AS toValue FROM history
     WHERE claim_id = ? AND field IN ('verdict', 'created') AND at <= ? ORDER BY at DESC, id DESC LIMIT 1`,
    [claimId, cutoff],
  );
  const initial = ctx.sql.get<{ verdictScale: string }>('SELECT verdict_scale AS verdictScale FROM claim WHERE id = ?', [claimId]);
  if (!initial) throw new AppError('NOT_FOUND', `Claim ${claimId} does not exist.`);
  if (!row) return { scale: initial.verdictScale, verdict: null, note: null }; // the claim did not exist yet
  if (row.field === 'verdict') return parseJson<VerdictState>(row.toValue, { scale: initial.verdictScale, verdict: null, note: null });
  const created = parseJson<{ verdictScale: string; verdict: string | null; verdictNote: string | null }>(row.toValue, {
    verdictScale: initial.verdictScale,
    verdict: null,
    verdictNote: null,
  });
  return { scale: created.verdictScale, verdict: created.verdict, note: created.verdictNote };
}

function normaliseCutoff(at: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(at);
  const parsed = Date.parse(dateOnly ? `${at}T23:59:59.999Z` : at);
  if (Number.isNaN(parsed))
    throw new AppError('INVALID_ARGUMENT', `"${at}" is not a date (expected e.g. 2024-10-25 or 2024-10-25T12:00:00Z).`);
  return new Date(parsed).toISOString();
}
