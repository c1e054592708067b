// Events main pushes to the renderer, and the IPC channel names. Deliberately free of runtime
// dependencies: the sandboxed preload bundles this file.
import type { ImportProgress } from './types';

export interface Events {
  'import.progress': ImportProgress;
  /** Something changed outside the renderer's own calls (import, CLI, undo in another view). */
  'archive.changed': { kind: 'articles' | 'claims' | 'entities' | 'links' | 'all' };
}
export type EventName = keyof Events;
export const EVENT_NAMES = ['import.progress', 'archive.changed'] as const satisfies readonly EventName[];

export const INVOKE_CHANNEL = 'claimdesk:invoke';
export const EVENT_CHANNEL = 'claimdesk:event';
/** Only the preload uses it: the paths of dropped files, exchanged for import tokens. */
export const GRANT_CHANNEL = 'claimdesk:grant-files';

/** How services push events to whoever listens (the Electron window, the e2e harness, the CLI). */
export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export const noEmit: Emit = () => {};

/** Menu commands the shell forwards to the renderer (the renderer also binds their shortcuts). */
export const APP_COMMANDS = ['undo', 'redo', 'palette', 'help', 'import'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
export const COMMAND_CHANNEL = 'claimdesk:command';
