// Claim commands: list, and the edits scripts make (status, verdict, tags). An edit command exits 0
// only after the archive has acknowledged the edit durably.
import { ClaimQuery, WorkflowStatus, type ClaimRow } from '../../../shared/domain';
import { printJson, UsageError } from '../io';
import { archiveOption, list, parseId, type CliCommand } from '../command';

function formatClaimLine(c: ClaimRow): string {
  const verdict = c.verdict ? ` [${c.verdict}]` : '';
  const who = c.claimant ? `${c.claimant}: ` : '';
  const conflict = c.conflict ? ' (in conflict: changed on two devices)' : '';
  return `#${c.id} (${c.status})${verdict} ${who}${c.statement}${conflict}`;
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  usage: 'claims --archive DIR [--search Q] [--verdict V] [--status S] [--collection ID] [--conflict] [--limit N] [--json]',
  summary: 'list claims, filtered and searched',
  options: {
    ...archiveOption,
    search: { type: 'string' },
    verdict: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    claimant: { type: 'string' },
    tag: { type: 'string' },
    collection: { type: 'string' },
    /** Only claims changed on two devices that wait for a pick (team sync). */
    conflict: { type: 'boolean' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const parsed = ClaimQuery.safeParse({
      search: ctx.values.search,
      verdict: list(ctx.values.verdict),
      status: list(ctx.values.status),
      claimant: ctx.values.claimant,
      tag: ctx.values.tag,
      collectionId: ctx.values.collection !== undefined ? parseId(String(ctx.values.collection), '--collection') : undefined,
      conflict: ctx.values.conflict ? true : undefined,
      limit: ctx.values.limit ? Number(ctx.values.limit) : 5_000,
      sort: ctx.values.search ? 'relevance' : 'createdAt',
      order: ctx.values.search ? 'desc' : 'asc',
    });
    if (!parsed.success) throw new UsageError(`claims: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const s = await ctx.services();
    const page = s.archive.claims.list(parsed.data);
    if (ctx.json) printJson(ctx.io, { claims: page.items, total: page.total });
    else page.items.forEach((c) => ctx.io.out(formatClaimLine(c)));
  },
};

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status --archive DIR ID STATUS [--note TEXT] [--json]',
  summary: `set a claim's workflow status (${WorkflowStatus.options.join(', ')})`,
  options: { ...archiveOption, note: { type: 'string' } },
  async run(ctx) {
    const [idArg, statusArg] = ctx.positionals;
    const id = parseId(idArg);
    const status = WorkflowStatus.safeParse(statusArg);
    if (!status.success) throw new UsageError(`STATUS must be one of ${WorkflowStatus.options.join(', ')}, got "${statusArg ?? ''}"`);
    const s = await ctx.services();
    const claim = await s.archive.claims.setStatus(id, status.data, typeof ctx.values.note === 'string' ? ctx.values.note : undefined);
    if (ctx.json) printJson(ctx.io, { claim });
    else ctx.io.err(`Claim #${id} is now ${claim.status}.`);
  },
};

export const verdictCommand: CliCommand = {
  name: 'verdict',
  usage: 'verdict --archive DIR ID VERDICT --note TEXT [--scale SCALE] [--json]',
  summary: "set a claim's verdict; the note is recorded in its history",
  options: { ...archiveOption, note: { type: 'string' }, scale: { type: 'string' } },
  async run(ctx) {
    const [idArg, verdictArg] = ctx.positionals;
    const id = parseId(idArg);
    if (!verdictArg) throw new UsageError('VERDICT is required (e.g. false, mostly-true; "none" clears it)');
    const note = typeof ctx.values.note === 'string' ? ctx.values.note.trim() : '';
    if (!note) throw new UsageError('--note TEXT is required: a verdict change must say why');
    const s = await ctx.services();
    const current = s.archive.claims.get(id);
    const scale = typeof ctx.values.scale === 'string' ? ctx.values.scale : current.verdictScale;
    const claim = await s.archive.claims.setVerdict(id, scale, verdictArg === 'none' ? null : verdictArg, note);
    if (ctx.json) printJson(ctx.io, { claim });
    else ctx.io.err(`Claim #${id} verdict: ${claim.verdict ?? 'none'}.`);
  },
};

export const tagCommand: CliCommand = {
  name: 'tag',
  usage: 'tag --archive DIR ID TAG... [--json]',
  summary: 'add tags to a claim',
  options: { ...archiveOption },
  async run(ctx) {
    const [idArg, ...tags] = ctx.positionals;
    const id = parseId(idArg);
    if (tags.length === 0) throw new UsageError('at least one TAG is required');
    const s = await ctx.services();
    const claim = await s.archive.claims.addTags(id, tags);
    if (ctx.json) printJson(ctx.io, { claim });
    else ctx.io.err(`Claim #${id} tags: ${claim.tags.join(', ')}.`);
  },
};
