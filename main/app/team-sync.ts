// Team sync in the background (issue #20, docs/sync.md): the services process runs a round of the
// replication client (main/sync/client.ts) every few seconds while sync is on, and on "Sync now".
// Rounds resume from the client's checkpoints, so pausing or losing the network loses nothing. The
// state (synced / pending N / offline / error with reason / paused) goes out as a 'sync.state' event
// and can be asked for; pulled records reach open views through the archive's own 'data.changed'
// events (main/api/change-notifier.ts), sent as each pulled batch commits.
// The team (server, database, user) is kept next to the archive in team-sync.json; the password only
// as the blob the shell's keychain made of it (team-sync.secret, ServicesOptions.encryptSecret): in
// plain text it is in memory for a round, never in a file, a log or a message.
import path from 'node:path';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import type { Emit, TeamSyncSettings, TeamSyncStatus } from '../../shared/events';
import { isUnreachable, parseRemote, syncOnce } from '../sync/client';

export const TEAM_SYNC_FILE = 'team-sync.json';
export const TEAM_SECRET_FILE = 'team-sync.secret';
const NEEDS_APP = 'Signing in to a team needs the Claimdesk desktop app: it keeps the password in your system’s keychain.';
/** Seconds between background rounds (the app's default). */
export const DEFAULT_SYNC_INTERVAL_MS = 30_000;

const Stored = z.object({
  server: z.string().max(2_000),
  database: z.string().max(200),
  user: z.string().max(200).nullable(),
  paused: z.boolean(),
});

export interface TeamSyncDeps {
  archive: Archive;
  archiveDir: string;
  emit: Emit;
  log?: (message: string) => void;
  /** The system keychain's encryption (the shell's capabilities); absent in Node: no sign-in. */
  encryptSecret?: (plain: string) => Promise<string>;
  decryptSecret?: (blob: string) => Promise<string>;
  intervalMs?: number;
  /** The fetch the client uses (tests). */
  fetch?: typeof fetch;
}

export interface TeamSync {
  status(): TeamSyncStatus;
  /** Sets up (or changes) the team; checks the URL first. Starts syncing unless paused. */
  configure(settings: TeamSyncSettings): Promise<TeamSyncStatus>;
  /** Keeps the user's password, encrypted by the keychain, and syncs now. */
  signIn(password: string): Promise<TeamSyncStatus>;
  /** Forgets the password. */
  signOut(): Promise<TeamSyncStatus>;
  /** Stops syncing with a team: the settings are forgotten, the archive keeps everything. */
  forget(): Promise<TeamSyncStatus>;
  /** Resumes background rounds (and runs one now). */
  resume(): Promise<TeamSyncStatus>;
  /** No more rounds until resumed; a round already running finishes. */
  pause(): Promise<TeamSyncStatus>;
  /** One round now (after the running one, if any); resolves with the state after it. */
  syncNow(): Promise<TeamSyncStatus>;
  /** Loads the stored team; `autoStart`: start background rounds if it is not paused. */
  load(opts?: { autoStart?: boolean }): Promise<TeamSyncStatus>;
  close(): Promise<void>;
}

/** The team database's URL from the settings: the server and database checked as the client checks them. */
export function remoteOf(s: TeamSyncSettings): string {
  const server = s.server.trim().replace(/\/+$/, '');
  const database = s.database.trim().replace(/^\/+|\/+$/g, '');
  if (!database) throw new AppError('INVALID_ARGUMENT', 'Name the team database (for example claimdesk-team).');
  return parseRemote(`${server}/${encodeURIComponent(database)}`).base;
}

/** The stored file's JSON; null when damaged (then ignored: the archive itself is untouched). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createTeamSync(deps: TeamSyncDeps): TeamSync {
  const file = path.join(deps.archiveDir, TEAM_SYNC_FILE);
  const secretFile = path.join(deps.archiveDir, TEAM_SECRET_FILE);
  let secret: string | null = null;
  const interval = deps.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS;
  let settings: TeamSyncSettings | null = null;
  let paused = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;
  let outcome: { kind: 'none' | 'ok' } | { kind: 'offline' | 'error'; reason: string } = { kind: 'none' };
  let lastSync: string | null = null;

  const pendingNow = () => {
    try {
      return deps.archive.sync.unsynced();
    } catch {
      return 0;
    }
  };

  function status(): TeamSyncStatus {
    const base = { syncing: round !== null, lastSync, settings: settings && { ...settings }, signedIn: secret !== null };
    if (!settings) return { ...base, state: 'off', pending: 0, error: null };
    if (outcome.kind === 'offline' || outcome.kind === 'error')
      return { ...base, state: paused ? 'paused' : outcome.kind, pending: pendingNow(), error: outcome.reason };
    const pending = pendingNow();
    if (paused) return { ...base, state: 'paused', pending, error: null };
    return { ...base, state: outcome.kind === 'ok' && pending === 0 ? 'synced' : 'pending', pending, error: null };
  }

  const announce = () => {
    if (!closed) deps.emit('sync.state', status());
  };

  async function save(): Promise<void> {
    if (!settings) return;
    const body = JSON.stringify({ ...settings, paused } satisfies z.infer<typeof Stored>, null, 2);
    await writeFile(`${file}.tmp`, body + '\n', 'utf8');
    await rename(`${file}.tmp`, file);
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed || paused || !settings) return;
    timer = setTimeout(() => void runRound(), interval);
    timer.unref?.();
  }

  async function oneRound(): Promise<void> {
    const team = settings;
    if (!team) return;
    try {
      const report = await syncOnce({
        archive: deps.archive,
        remote: remoteOf(team),
        user: team.user ?? undefined,
        password: team.user ? await password() : undefined,
        fetch: deps.fetch,
      });
      if (report.state === 'refused')
        outcome = {
          kind: 'error',
          reason: `The server refused your changes (${report.refused ?? 'forbidden'}): this account may only read the team archive. Your changes stay here as drafts.`,
        };
      else {
        outcome = { kind: 'ok' };
        lastSync = new Date().toISOString();
      }
      // A claim marked conflict while its own row stayed (only sync's bookkeeping changed, which the
      // change events do not follow): open views are told, so its mark and the "In conflict" count show.
      if (report.conflicts.length)
        deps.emit('data.changed', [{ type: 'claim', ids: [...new Set(report.conflicts)].sort((a, b) => a - b) }]);
      if (report.rejected.length)
        deps.log?.(`team sync: ${report.rejected.length} document(s) from the server refused (${report.rejected[0].reason})`);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      outcome = { kind: isUnreachable(err) ? 'offline' : 'error', reason };
      deps.log?.(`team sync: ${reason}`);
    }
  }

  /** The signed-in user's password, decrypted for this round only. */
  async function password(): Promise<string | undefined> {
    if (secret === null) return undefined;
    if (!deps.decryptSecret) throw new AppError('FORBIDDEN', NEEDS_APP);
    return deps.decryptSecret(secret);
  }

  async function dropSecret(): Promise<void> {
    secret = null;
    await unlink(secretFile).catch(() => {}); // none kept: nothing to forget
  }

  function runRound(): Promise<void> {
    if (round) return round;
    if (timer) clearTimeout(timer);
    timer = null;
    round = (async () => {
      announce();
      try {
        await oneRound();
      } finally {
        round = null;
        announce();
        schedule();
      }
    })();
    return round;
  }

  return {
    status,
    async load(opts = {}) {
      const text = await readFile(file, 'utf8').catch(() => null); // null: no team set up for this archive
      if (text !== null) {
        const stored = Stored.safeParse(parseJson(text));
        if (stored.success) {
          const { paused: p, ...rest } = stored.data;
          settings = rest;
          paused = p;
        } else deps.log?.(`team sync: ${TEAM_SYNC_FILE} is not readable, ignored`);
      }
      secret = settings ? (await readFile(secretFile, 'utf8').catch(() => '')).trim() || null : null;
      if (opts.autoStart && settings && !paused) void runRound();
      return status();
    },
    async configure(next) {
      const clean: TeamSyncSettings = {
        server: next.server.trim().replace(/\/+$/, ''),
        database: next.database.trim(),
        user: next.user?.trim() || null,
      };
      remoteOf(clean); // a clear error before anything is kept
      if (settings && (settings.user !== clean.user || remoteOf(settings) !== remoteOf(clean))) await dropSecret(); // the password was for that account
      settings = clean;
      outcome = { kind: 'none' };
      await save();
      announce();
      if (!paused) void runRound();
      return status();
    },
    async signIn(plain) {
      if (!settings?.user) throw new AppError('INVALID_ARGUMENT', 'Enter your user name for the team server before signing in.');
      if (!deps.encryptSecret) throw new AppError('FORBIDDEN', NEEDS_APP);
      const blob = await deps.encryptSecret(plain);
      await writeFile(`${secretFile}.tmp`, blob, { encoding: 'utf8', mode: 0o600 });
      await rename(`${secretFile}.tmp`, secretFile);
      secret = blob;
      outcome = { kind: 'none' };
      announce();
      if (!paused) await runRound();
      return status();
    },
    async signOut() {
      await dropSecret();
      announce();
      return status();
    },
    async forget() {
      await dropSecret();
      settings = null;
      paused = false;
      outcome = { kind: 'none' };
      if (timer) clearTimeout(timer);
      timer = null;
      await unlink(file).catch(() => {}); // already gone: nothing to forget
      announce();
      return status();
    },
    async resume() {
      if (!settings) throw new AppError('INVALID_ARGUMENT', 'Set up a team (server and database) before syncing.');
      paused = false;
      await save();
      await runRound();
      return status();
    },
    async pause() {
      paused = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (settings) await save();
      announce();
      return status();
    },
    async syncNow() {
      if (!settings) throw new AppError('INVALID_ARGUMENT', 'Set up a team (server and database) before syncing.');
      if (round) await round;
      await runRound();
      return status();
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (round) await round;
    },
  };
}
