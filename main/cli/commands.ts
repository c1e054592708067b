// The `claimdesk` commands (contract: docs/cli.md). Each command declares its options and runs over
// the same services as the app.
import type { ParseArgsConfig } from 'node:util';
import type { Services } from '../services';
import { ClaimQuery, type ClaimRow } from '../api/types';
import { printJson, UsageError, type CliIo } from './io';

export interface CommandContext {
  io: CliIo;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  /** Opens the archive named by --archive (only for commands that need one). */
  services(): Promise<Services>;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext): Promise<number | void>;
}

const archiveOption = { archive: { type: 'string' } } as const;

function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);
}

function formatClaimLine(c: ClaimRow): string {
  const verdict = c.verdict ? ` [${c.verdict}]` : '';
  const who = c.claimant ? `${c.claimant}: ` : '';
  return `#${c.id} (${c.status})${verdict} ${who}${c.statement}`;
}

export const claimsCommand: Command = {
  name: 'claims',
  usage: 'claims --archive DIR [--search Q] [--verdict V] [--status S] [--limit N] [--json]',
  summary: 'list claims, filtered and searched',
  options: {
    ...archiveOption,
    search: { type: 'string' },
    verdict: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    claimant: { type: 'string' },
    tag: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const parsed = ClaimQuery.safeParse({
      search: ctx.values.search,
      verdict: list(ctx.values.verdict),
      status: list(ctx.values.status),
      claimant: ctx.values.claimant,
      tag: ctx.values.tag,
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

export const commands: Command[] = [claimsCommand];
