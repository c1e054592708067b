// The append-only journal: numbered segment files of checksummed records. Appends are group
// committed (records queued while an fsync runs share the next one). Reading: journal-read.ts.
import fs from 'node:fs/promises';
import { fsyncDir, writeAll } from './files';
import { segmentPath, type JournalSegment } from './journal-read';

export { readJournal, segmentPath, type JournalReadResult, type JournalSegment } from './journal-read';

interface Pending {
  seq: number;
  bytes: Buffer;
  resolve: () => void;
  reject: (err: Error) => void;
}

interface OpenSegment extends JournalSegment {
  handle: fs.FileHandle;
}

export class JournalWriter {
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly dir: string,
    private readonly segments: JournalSegment[],
    private current: OpenSegment,
    private readonly onFailure: (err: Error) => void,
  ) {}

  /** Starts a fresh segment after the existing ones (old segments are never appended to). */
  static async open(dir: string, existing: JournalSegment[], onFailure: (err: Error) => void): Promise<JournalWriter> {
    await fs.mkdir(dir, { recursive: true });
    const segments = [...existing];
    const current = await createSegment(dir, (segments.at(-1)?.number ?? 0) + 1);
    segments.push(current);
    return new JournalWriter(dir, segments, current, onFailure);
  }

  /** Resolves once the record is fsynced; records queued during an fsync share the next one. */
  append(seq: number, bytes: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ seq, bytes, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Waits until every queued record is on disk (or failed). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** New records go to a new segment, so older segments can be deleted once a snapshot covers them. */
  async rotate(): Promise<void> {
    const next = await createSegment(this.dir, this.current.number + 1);
    this.segments.push(next);
    this.current = next;
  }

  /** Deletes segments (other than the current one) whose records are all ≤ `seq`. */
  async removeCovered(seq: number): Promise<void> {
    await this.idle();
    const covered = this.segments.filter((s) => s !== this.current && (s.lastSeq === null || s.lastSeq <= seq));
    if (covered.length === 0) return;
    for (const segment of covered) {
      if ('handle' in segment) await (segment as OpenSegment).handle.close();
      await fs.rm(segment.path, { force: true });
      this.segments.splice(this.segments.indexOf(segment), 1);
    }
    await fsyncDir(this.dir);
  }

  async close(): Promise<void> {
    await this.idle();
    for (const segment of this.segments) if ('handle' in segment) await (segment as OpenSegment).handle.close().catch(() => {});
  }

  private async flushLoop(): Promise<void> {
    await Promise.resolve(); // let appends made in the same tick join this fsync
    try {
      while (this.pending.length > 0 && !this.failure) {
        const batch = this.pending;
        this.pending = [];
        await this.flushBatch(batch);
      }
    } finally {
      this.flushing = null;
    }
  }

  private async flushBatch(batch: Pending[]): Promise<void> {
    const segment = this.current;
    try {
      await writeAll(segment.handle, Buffer.concat(batch.map((p) => p.bytes)));
      await segment.handle.datasync();
      segment.lastSeq = batch[batch.length - 1].seq;
      for (const p of batch) p.resolve();
    } catch (err) {
      this.failure = err instanceof Error ? err : new Error(String(err));
      for (const p of [...batch, ...this.pending]) p.reject(this.failure);
      this.pending = [];
      this.onFailure(this.failure);
    }
  }
}

async function createSegment(dir: string, number: number): Promise<OpenSegment> {
  const file = segmentPath(dir, number);
  const handle = await fs.open(file, 'wx');
  await fsyncDir(dir);
  return { number, path: file, lastSeq: null, handle };
}
