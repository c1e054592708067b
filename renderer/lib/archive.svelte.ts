// Archive-wide state the shell shows everywhere (counts, read-only warnings), refetched whenever any
// record changes (a count or the size may have moved).
import { CHANGE_TYPES } from '../../shared/events';
import type { ArchiveInfo } from '../../shared/domain';
import { call } from './api';
import { Query } from './query.svelte';

export class ArchiveState {
  readonly query = new Query({ key: () => ({}), fetch: () => call('app.info'), on: CHANGE_TYPES });

  get info(): ArchiveInfo | null {
    return this.query.data?.archive ?? null;
  }
  get version(): string {
    return this.query.data?.version ?? '';
  }
  get error(): string | null {
    return this.query.error;
  }
  /** The first answer (or failure) has arrived. */
  get settled(): boolean {
    return this.query.data !== undefined || this.query.error !== null;
  }

  /** What a maintenance call (restore, try again) answered, shown before the refetch its change causes. */
  setInfo(info: ArchiveInfo): void {
    this.query.set({ archive: info, version: this.version });
  }
}

export const archive = new ArchiveState();
