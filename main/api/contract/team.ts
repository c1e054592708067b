// Team sync (issue #20, docs/sync.md): Settings ▸ Team and the status bar drive the background sync.
import { z } from 'zod';
import { method } from './define';
import type { TeamSyncStatus } from '../../../shared/events';
import { Id, ResolveConflict, type ClaimConflictView, type ResolvedConflict } from '../../../shared/domain';

const Settings = z.object({
  server: z.string().trim().min(1, 'Enter the sync server’s address (https://…).').max(2_000),
  database: z.string().trim().min(1, 'Enter the team database’s name.').max(200),
  user: z.string().trim().max(200).nullable(),
});

export const teamContract = {
  /** Team sync's state: synced / pending N / offline / error with reason / paused / off. */
  'team.status': method<TeamSyncStatus>()(z.tuple([])),
  /** Sets up the team (server, database, user — never the password) and starts syncing unless paused. */
  'team.configure': method<TeamSyncStatus>()(z.tuple([Settings])),
  /** Keeps the password (encrypted by the system's keychain, desktop app only) and syncs now. */
  'team.signIn': method<TeamSyncStatus>()(z.tuple([z.string().min(1, 'Enter your password.').max(1_000)])),
  /** Forgets the kept password. */
  'team.signOut': method<TeamSyncStatus>()(z.tuple([])),
  /** Stops syncing with the team; the archive keeps everything. */
  'team.forget': method<TeamSyncStatus>()(z.tuple([])),
  /** One round now; resolves with the state after it. */
  'team.syncNow': method<TeamSyncStatus>()(z.tuple([])),
  'team.pause': method<TeamSyncStatus>()(z.tuple([])),
  'team.resume': method<TeamSyncStatus>()(z.tuple([])),

  // A claim changed on two devices (docs/sync.md §4): both versions, a researcher's pick, its undo.
  /** Both versions (this archive's and the other device's) with who/when/why, or null when not in conflict. */
  'claims.conflict': method<ClaimConflictView | null>()(z.tuple([Id])),
  /** How many live claims are in conflict. */
  'claims.conflictCount': method<number>()(z.tuple([])),
  /** Applies the pick as an edit (history: "Conflict resolved: kept …"), clears the mark; CONFLICT when there is none. */
  'claims.resolveConflict': method<ResolvedConflict>()(z.tuple([ResolveConflict])),
  /** Undo of resolveConflict: the claim as it was and the other version kept aside again. */
  'claims.reopenConflict': method<ClaimConflictView>()(z.tuple([Id])),
} as const;
