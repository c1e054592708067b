// Undo/redo for every change, across views. An undoable edit carries its own undo (usually the API call
// that puts things back, with a note "Undo: …"). Edits run one at a time, in order, and the
// save status says whether main has acknowledged the last one (it resolves only once journaled).
// Views learn what changed from main's change events, not from here.
import { errorMessage } from './api';

export interface UndoableEdit {
  label: string;
  do(): Promise<void>;
  undo(): Promise<void>;
  /** Asked after `do`: false when it turned out to change nothing, so it is no undo step. */
  changed?(): boolean;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export class UndoStack {
  past = $state.raw<UndoableEdit[]>([]);
  future = $state.raw<UndoableEdit[]>([]);
  state = $state<SaveState>('idle');
  error = $state<string | null>(null);
  /** What the last finished operation was, for the status line ("Undid: Set verdict"). */
  lastLabel = $state('');
  private queue: Promise<unknown> = Promise.resolve();

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get undoLabel(): string | null {
    return this.past.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  /**
   * Runs a new edit; it becomes undoable once main has acknowledged it, unless it changed nothing
   * (then what could be undone or redone before stays as it was). Rejects on failure.
   */
  run(edit: UndoableEdit): Promise<void> {
    return this.serial(edit.label, async () => {
      await edit.do();
      if (edit.changed?.() === false) return;
      this.past = [...this.past, edit];
      this.future = [];
    });
  }

  undo(): Promise<void> {
    return this.serial(
      'Undo',
      async () => {
        const edit = this.past.at(-1);
        if (!edit) return;
        await edit.undo();
        this.past = this.past.slice(0, -1);
        this.future = [...this.future, edit];
        this.lastLabel = `Undid: ${edit.label}`;
      },
      true,
    );
  }

  redo(): Promise<void> {
    return this.serial(
      'Redo',
      async () => {
        const edit = this.future.at(-1);
        if (!edit) return;
        await edit.do();
        this.future = this.future.slice(0, -1);
        this.past = [...this.past, edit];
        this.lastLabel = `Redid: ${edit.label}`;
      },
      true,
    );
  }

  private serial(label: string, op: () => Promise<void>, quiet = false): Promise<void> {
    const next = this.queue.then(async () => {
      this.state = 'saving';
      this.error = null;
      try {
        await op();
        if (!quiet) this.lastLabel = label;
        this.state = 'saved';
      } catch (err) {
        this.state = 'failed';
        this.error = `${label} failed: ${errorMessage(err)}`;
        throw err;
      }
    });
    // The next edit waits for this one, failed or not; the failure itself reaches the caller through `next`.
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}

export const undoStack = new UndoStack();
