// `claimdesk sync --archive DIR --remote URL [--user U] [--once] [--json]`: replicates the archive with
// a team's CouchDB database (docs/sync.md). The password comes from CLAIMDESK_SYNC_PASSWORD, never
// from the command line, and is never printed. --once pushes and pulls until nothing is left to
// move, then exits; without it a round runs every 30 s until Ctrl+C.
import { plural } from '../../../shared/plural';
import { syncOnce, type SyncReport } from '../../sync/client';
import { printJson, UsageError, type CliIo } from '../io';
import { archiveOption, type CliCommand } from '../command';

export const SYNC_PASSWORD_VARIABLE = 'CLAIMDESK_SYNC_PASSWORD';
const INTERVAL_MS = 30_000;
/** Rounds of one --once run: enough for a conflict settled in one round to go out in the next. */
const MAX_ROUNDS = 5;

export const syncCommand: CliCommand = {
  name: 'sync',
  usage: 'sync --archive DIR --remote URL [--user U] [--once] [--json]',
  summary: `replicate the archive with a team's CouchDB database (https://server/database; http only to this computer): push local changes, pull the team's, mark claims changed on two devices as conflicts. The password is read from ${SYNC_PASSWORD_VARIABLE}. --once: until nothing is left to move, then exit; otherwise every 30 s until Ctrl+C. --json: the totals as JSON (one line per round without --once)`,
  options: {
    ...archiveOption,
    remote: { type: 'string' },
    user: { type: 'string' },
    once: { type: 'boolean' },
    password: { type: 'string' },
  },
  async run(ctx) {
    if (ctx.values.password !== undefined)
      throw new UsageError(
        `sync never takes a password on the command line (it would stay in the shell's history): set ${SYNC_PASSWORD_VARIABLE}.`,
      );
    const remote = ctx.values.remote;
    if (typeof remote !== 'string' || !remote) throw new UsageError(`sync needs --remote URL. Usage: claimdesk ${this.usage}`);
    if (ctx.positionals.length > 0) throw new UsageError(`sync takes no arguments, got "${ctx.positionals[0]}".`);
    const user = typeof ctx.values.user === 'string' && ctx.values.user ? ctx.values.user : undefined;
    const password = process.env[SYNC_PASSWORD_VARIABLE];
    if (user && !password) throw new UsageError(`--user ${user} needs the password in ${SYNC_PASSWORD_VARIABLE}.`);
    const { archive } = await ctx.services();
    const round = () =>
      syncOnce({
        archive,
        remote,
        user,
        password,
        onProgress: ctx.json
          ? undefined
          : (p) => ctx.io.err(`${p.phase === 'push' ? 'Sent' : 'Received'} ${p.done}${p.total ? ` of ${p.total}` : ''} changes…`),
      });

    if (ctx.values.once) {
      const total = emptyTotals(remote);
      for (let i = 0; i < MAX_ROUNDS; i++) {
        const r = await round();
        add(total, r);
        if ((r.pushed === 0 && r.pulled === 0) || r.state === 'refused') break;
      }
      total.conflicts = archive.sync.conflicts().map((c) => c.claimId);
      if (ctx.json) printJson(ctx.io, total);
      else printReport(ctx.io, total);
      return total.state === 'refused' ? 1 : 0;
    }
    let stop = false;
    const onSignal = () => {
      stop = true;
    };
    process.once('SIGINT', onSignal);
    try {
      while (!stop) {
        try {
          const r = await round();
          if (ctx.json) ctx.io.out(JSON.stringify(r));
          else printReport(ctx.io, r);
        } catch (err) {
          // Offline or refused: said, and tried again at the next round; nothing local is lost.
          ctx.io.err(`claimdesk sync: ${(err as Error).message}`);
        }
        for (let waited = 0; waited < INTERVAL_MS && !stop; waited += 500) await new Promise((res) => setTimeout(res, 500));
      }
    } finally {
      process.off('SIGINT', onSignal);
    }
    return 0;
  },
};

function emptyTotals(remote: string): SyncReport {
  return {
    remote,
    pushed: 0,
    pulled: 0,
    originalsPushed: 0,
    originalsPulled: 0,
    conflicts: [],
    rejected: [],
    pending: 0,
    state: 'synced',
    refused: null,
  };
}

function add(total: SyncReport, r: SyncReport): void {
  total.remote = r.remote;
  total.pushed += r.pushed;
  total.pulled += r.pulled;
  total.originalsPushed += r.originalsPushed;
  total.originalsPulled += r.originalsPulled;
  total.rejected.push(...r.rejected);
  total.pending = r.pending;
  total.state = r.state;
  total.refused = r.refused;
}

function printReport(io: CliIo, r: SyncReport): void {
  io.out(
    `Synced with ${r.remote}: sent ${plural(r.pushed, 'change')} (${plural(r.originalsPushed, 'original file')}), received ${plural(r.pulled, 'change')} (${plural(r.originalsPulled, 'original file')}).`,
  );
  if (r.conflicts.length > 0)
    io.out(`Conflicts to decide (changed on two devices; both versions kept): claim ${r.conflicts.map((id) => `#${id}`).join(', ')}.`);
  if (r.refused)
    io.err(`The sync server refused your changes (${r.refused}): ${plural(r.pending, 'change')} stay in this archive as drafts.`);
  else if (r.pending > 0) io.out(`${plural(r.pending, 'change')} still to send.`);
  for (const x of r.rejected) io.err(`Refused from the server: ${x.id}: ${x.reason}`);
}
