// The import queue: what is being imported, file by file, and the last summary.
import type { ArchiveRecordCounts, ImportProgress, ImportSummary } from '../../shared/domain';
import { isUndoableMerge } from '../../shared/import-summary';
import { bridge, call, errorMessage } from './api';

export class ImportQueue {
  jobId = $state<string | null>(null);
  files = $state.raw<ImportProgress[]>([]);
  summary = $state.raw<ImportSummary | null>(null);
  error = $state<string | null>(null);
  /** Merges undone from the panel: mergeId -> what was removed. */
  undone = $state.raw<Readonly<Record<number, ArchiveRecordCounts>>>({});

  get running(): boolean {
    return this.jobId !== null;
  }

  get doneCount(): number {
    return this.files.filter((f) => f.state !== 'queued' && f.state !== 'parsing' && f.state !== 'ocr').length;
  }

  listen(): () => void {
    return bridge().on('import.progress', (p) => {
      if (p.jobId !== this.jobId) return;
      const next = this.files.slice();
      next[p.index] = p;
      this.files = next;
    });
  }

  /** Imports dropped files: main hands out a token for each one on disk, and imports only those. */
  async importDropped(files: File[]): Promise<void> {
    if (files.length === 0) return;
    let tokens: string[];
    try {
      tokens = await bridge().grantFiles(files);
    } catch (err) {
      this.error = errorMessage(err);
      return;
    }
    if (tokens.length > 0) await this.run((jobId) => call('import.files', tokens, jobId));
  }

  async choose(): Promise<void> {
    await this.run((jobId) => call('import.choose', jobId));
  }

  async cancel(): Promise<void> {
    if (this.jobId) await call('import.cancel', this.jobId);
  }

  /** The newest merge in the summary that can still be undone (what "Undo last archive merge" takes). */
  get lastUndoableMerge(): (NonNullable<ImportSummary['archives']>[number] & { mergeId: number }) | null {
    const merges = (this.summary?.archives ?? []).filter(isUndoableMerge).filter((a) => !this.undone[a.mergeId]);
    return merges.at(-1) ?? null;
  }

  /** Takes back what a merge added; throws (CONFLICT names what changed since) and then nothing changed. */
  async undoMerge(mergeId: number): Promise<void> {
    const result = await call('archive.undoMerge', mergeId);
    this.undone = { ...this.undone, [mergeId]: result.removed };
  }

  dismiss(): void {
    this.summary = null;
    this.error = null;
    this.files = [];
  }

  private async run(start: (jobId: string) => Promise<ImportSummary | null>): Promise<void> {
    const jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    this.jobId = jobId;
    this.files = [];
    this.summary = null;
    this.error = null;
    try {
      this.summary = await start(jobId);
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.jobId = null;
    }
  }
}

export const imports = new ImportQueue();
