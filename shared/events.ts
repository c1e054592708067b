// Events main pushes to the renderer, and the IPC channel names. Deliberately free of runtime
// dependencies: the sandboxed preload bundles this file.
import type { ImportProgress } from './domain';

/** What kind of record a committed change touched (main/api/change-notifier.ts maps tables onto these). */
export const CHANGE_TYPES = [
  'article',
  'claim',
  'entity',
  'link',
  'evidence',
  'history',
  'suggestion',
  'collection',
  'savedSearch',
  'merge',
  'highlight',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/**
 * One kind of record a committed transaction touched. `ids` are the records' ids; null when they
 * are not known (a membership or tag row changed, or the whole archive was reloaded): every record
 * of that type may have changed.
 */
export interface DataChange {
  type: ChangeType;
  ids: number[] | null;
}

/** Team sync's state (main/app/team-sync.ts), as Settings ▸ Team and the status bar show it. */
export interface TeamSyncStatus {
  /** off: no team set up; pending: local changes not yet on the server; offline: server unreachable. */
  state: 'off' | 'synced' | 'pending' | 'offline' | 'error' | 'paused';
  /** Local changes not on the server yet. */
  pending: number;
  /** The last round's problem in plain words (offline or error), else null. */
  error: string | null;
  /** A round is running now. */
  syncing: boolean;
  /** When the last round finished without error (ISO), null before the first. */
  lastSync: string | null;
  /** The team set up for this archive (never the password). */
  settings: TeamSyncSettings | null;
  /** A password is kept (encrypted by the system's keychain) for the user. */
  signedIn: boolean;
}

export interface TeamSyncSettings {
  /** https://server (http only to this computer). */
  server: string;
  database: string;
  user: string | null;
}

export interface Events {
  'import.progress': ImportProgress;
  /** Committed changes, one event per transaction, sent once it has committed (a reload: every type, ids null). */
  'data.changed': DataChange[];
  /** Something outside the records changed (files waiting to be merged, an archive opened or restored): look again at everything. */
  'archive.changed': { kind: 'articles' | 'claims' | 'entities' | 'links' | 'all' };
  /** Team sync's state changed (a round started or ended, paused, set up). */
  'sync.state': TeamSyncStatus;
}
export type EventName = keyof Events;
export const EVENT_NAMES = ['import.progress', 'data.changed', 'archive.changed', 'sync.state'] as const satisfies readonly EventName[];

export const INVOKE_CHANNEL = 'claimdesk:invoke';
export const EVENT_CHANNEL = 'claimdesk:event';
/** Only the preload uses it: the paths of dropped files, exchanged for import tokens. */
export const GRANT_CHANNEL = 'claimdesk:grant-files';

/** How services push events to whoever listens (the Electron window, the e2e harness, the CLI). */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export const noEmit: Emit = () => {};

/**
 * Menu commands: what an application-menu item asks the window to do, forwarded by the shell over
 * MENU_COMMAND_CHANNEL to window.claimdesk.onCommand (the renderer also binds their shortcuts).
 */
export const MENU_COMMANDS = ['undo', 'redo', 'palette', 'help', 'import'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'claimdesk:command';
