// Archive-wide state the shell shows everywhere (counts, read-only warnings), refreshed on change.
import type { ArchiveInfo } from '../../main/api/types';
import { bridge, call, errorMessage } from './api';

export class ArchiveState {
  info = $state.raw<ArchiveInfo | null>(null);
  version = $state('');
  error = $state<string | null>(null);
  /** Bumped on every change so views can re-query with $effect. */
  revision = $state(0);

  async refresh(): Promise<void> {
    try {
      const res = await call('app.info');
      this.info = res.archive;
      this.version = res.version;
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    }
  }

  changed(): void {
    this.revision++;
    void this.refresh();
  }

  listen(): () => void {
    return bridge().on('archive.changed', () => this.changed());
  }
}

export const archive = new ArchiveState();
