// Overlays and transient UI shared by every view: palette, help, the claim editor, prompts, toasts.
import type { ClaimDraft, Suggestion } from '../../shared/domain';
import { MAX_TOASTS } from './toast-area';

/** A claim being composed: from a selection (create) or a suggestion edited before accepting it. */
export interface DraftRequest extends ClaimDraft {
  accept: Suggestion | null;
}

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface NoteRequest {
  title: string;
  detail: string;
  /** Field label and button text: a verdict note by default, or any short required text. */
  label: string;
  confirmLabel: string;
  /** Text the field starts with (a name being renamed). */
  initial?: string;
  /** A one-line field (a name) rather than a note. */
  singleLine?: boolean;
  resolve: (note: string | null) => void;
}

export class Ui {
  palette = $state(false);
  /** What the palette opens with (openPalette), taken by the palette when it opens. */
  private paletteQuery = '';
  help = $state(false);
  /** The claim open in the editor. */
  editorClaimId = $state<number | null>(null);
  /** A new claim being composed from a selection in the reader. */
  draft = $state.raw<DraftRequest | null>(null);
  /** The article whose details are being edited. */
  articleDetailsId = $state<number | null>(null);
  note = $state.raw<NoteRequest | null>(null);
  toasts = $state.raw<Toast[]>([]);
  private nextToast = 1;

  get anyOverlay(): boolean {
    return (
      this.palette ||
      this.help ||
      this.editorClaimId !== null ||
      this.draft !== null ||
      this.articleDetailsId !== null ||
      this.note !== null
    );
  }

  /** Opens the palette with its field already holding `query` (e.g. the entries for one task). */
  openPalette(query: string): void {
    this.paletteQuery = query;
    this.palette = true;
  }

  /** The query the palette was opened with ('' unless openPalette), once. */
  takePaletteQuery(): string {
    const q = this.paletteQuery;
    this.paletteQuery = '';
    return q;
  }

  openEditor(claimId: number): void {
    this.editorClaimId = claimId;
  }

  /** Asks for a note (a verdict change needs one); resolves null when cancelled. */
  askNote(
    title: string,
    detail: string,
    opts: { label?: string; confirmLabel?: string; initial?: string; singleLine?: boolean } = {},
  ): Promise<string | null> {
    this.note?.resolve(null);
    return new Promise((resolve) => {
      this.note = {
        title,
        detail,
        label: opts.label ?? 'Note (required: why this verdict)',
        confirmLabel: opts.confirmLabel ?? 'Save verdict',
        initial: opts.initial,
        singleLine: opts.singleLine,
        resolve: (value) => {
          this.note = null;
          resolve(value);
        },
      };
    });
  }

  toast(message: string, opts: { tone?: Toast['tone']; action?: Toast['action']; ms?: number } = {}): void {
    const id = this.nextToast++;
    this.toasts = [...this.toasts.slice(-(MAX_TOASTS - 1)), { id, message, tone: opts.tone ?? 'info', action: opts.action }];
    setTimeout(() => this.dismiss(id), opts.ms ?? 6000);
  }

  dismiss(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }
}

export const ui = new Ui();
