// `claimdesk conflict`: a claim changed on two devices (team sync, docs/sync.md §4), seen and settled
// without the window — both versions with who/when/why, then keep one whole or take each field from
// either. The pick is the same edit the claim editor's picker makes (main/app/conflicts.ts): recorded
// in the claim's history, undoable in the app, and sent by the next sync round.
import {
  CONFLICT_FIELDS,
  ConflictSide,
  ResolveConflict,
  type ClaimConflictView,
  type ClaimVersion,
  type ConflictField,
} from '../../../shared/domain';
import { claimConflict, resolveConflict } from '../../app/conflicts';
import { AppError } from '../../../shared/errors';
import { printJson, UsageError } from '../io';
import { archiveOption, list, parseId, type CliCommand } from '../command';

/** One field of a version as a line says it. */
function fieldText(v: ClaimVersion, field: ConflictField): string {
  switch (field) {
    case 'statement':
      return `“${v.statement}”`;
    case 'verdict':
      return v.verdict ? `${v.verdict}${v.verdictNote ? ` (${v.verdictNote})` : ''}` : 'no verdict';
    case 'status':
      return v.status;
    case 'deleted':
      return v.deleted ? 'deleted' : 'kept';
    case 'notes':
      return v.notes ? `“${v.notes}”` : 'no notes';
    case 'tags':
      return v.tags.length ? v.tags.join(', ') : 'no tags';
  }
}

function describe(c: ClaimConflictView): string[] {
  const side = (name: string, v: ClaimVersion) => `  ${name}: ${v.who ?? 'someone'}, ${v.when}${v.why ? ` — “${v.why}”` : ''}`;
  return [
    `Claim #${c.claimId} was changed on two devices; it differs in ${c.differs.join(', ')}.`,
    side('mine  ', c.mine),
    side('theirs', c.theirs),
    ...c.differs.flatMap((f) => [`  ${f}:`, `    mine:   ${fieldText(c.mine, f)}`, `    theirs: ${fieldText(c.theirs, f)}`]),
    `Keep one: claimdesk conflict --archive DIR ${c.claimId} --keep mine|theirs (or --take FIELD=theirs for each field to take from theirs).`,
  ];
}

/** --take statement=theirs,verdict=mine → a per-field pick; fields not named stay mine. */
function parseTakes(values: string[]): Record<ConflictField, ConflictSide> {
  const merged = Object.fromEntries(CONFLICT_FIELDS.map((f) => [f, 'mine'])) as Record<ConflictField, ConflictSide>;
  for (const take of values) {
    const [field, side] = take.split('=').map((s) => s.trim());
    if (!(CONFLICT_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`--take: "${field}" is not a field of a claim in conflict (${CONFLICT_FIELDS.join(', ')})`);
    const parsed = ConflictSide.safeParse(side);
    if (!parsed.success) throw new UsageError(`--take ${field}=…: say mine or theirs, got "${side ?? ''}"`);
    merged[field as ConflictField] = parsed.data;
  }
  return merged;
}

export const conflictCommand: CliCommand = {
  name: 'conflict',
  usage: 'conflict --archive DIR ID [--keep mine|theirs | --take FIELD=mine|theirs ...] [--json]',
  summary: `show a claim changed on two devices (both versions, who, when, why), or settle it: --keep one version whole, or --take each field (${CONFLICT_FIELDS.join(', ')}) from either (fields not named stay mine). Recorded in the claim's history; the next sync round sends it. List them with claims --conflict`,
  options: { ...archiveOption, keep: { type: 'string' }, take: { type: 'string', multiple: true } },
  async run(ctx) {
    const id = parseId(ctx.positionals[0]);
    const keep = typeof ctx.values.keep === 'string' ? ctx.values.keep : undefined;
    const takes = list(ctx.values.take);
    if (keep !== undefined && takes)
      throw new UsageError('--keep and --take do not go together: keep one version whole, or take each field');
    const pick = keep !== undefined ? { keep } : takes ? { keep: 'merged', merged: parseTakes(takes) } : null;
    const request = pick ? ResolveConflict.safeParse({ claimId: id, ...pick }) : null;
    if (request && !request.success) throw new UsageError(`--keep: say mine or theirs, got "${keep}"`);

    const s = await ctx.services();
    const conflict = claimConflict(s, id);
    if (!conflict) {
      s.archive.claims.get(id); // says when there is no such claim, or it is deleted
      throw new AppError('CONFLICT', `Claim #${id} is not in conflict: there is nothing to pick, and nothing was changed.`);
    }
    if (!request) {
      if (ctx.json) printJson(ctx.io, { conflict });
      else describe(conflict).forEach((line) => ctx.io.out(line));
      return;
    }
    const resolved = await resolveConflict(s, request.data);
    if (ctx.json) printJson(ctx.io, { resolved, claim: resolved.deleted ? null : s.archive.claims.get(id) });
    else ctx.io.err(`Claim #${id}: ${resolved.note}${resolved.deleted ? ' (the claim is deleted)' : ''}. The next sync round sends it.`);
  },
};
