// The claim editor's state: the saved claim, the form being edited (a draft that survives a failed
// save), and what surrounds the claim (history, links, evidence, entities).
import type { AttributionHop, Claim, ClaimEntity, ClaimKind, ClaimPatch, EvidenceView, HistoryEntry, LinkedClaim } from '../../main/api/types';
import type { ClaimStatus, VerdictScaleKey } from '../../main/api/verdicts';
import { call, errorMessage } from './api';
import { editClaim, sequence, setStatus, setVerdict } from './commands';
import type { Command } from './undo.svelte';
import { undoStack } from './undo.svelte';

export interface ClaimForm {
  statement: string;
  claimant: string;
  kind: ClaimKind;
  claimDate: string;
  resolveBy: string;
  tags: string[];
  attribution: AttributionHop[];
  notes: string;
  status: ClaimStatus;
  verdictScale: VerdictScaleKey;
  verdict: string | null;
  /** Required when the verdict changes: why. */
  verdictNote: string;
}

/** Unsaved forms by claim id: closing the editor on a failed save keeps what was typed. Not reactive: read on open. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a plain cache, not UI state
const drafts = new Map<number, ClaimForm>();

function formOf(c: Claim): ClaimForm {
  return {
    statement: c.statement,
    claimant: c.claimant ?? '',
    kind: c.kind,
    claimDate: c.claimDate?.slice(0, 10) ?? '',
    resolveBy: c.resolveBy?.slice(0, 10) ?? '',
    tags: [...c.tags],
    attribution: c.attribution.map((h) => ({ ...h })),
    notes: c.notes,
    status: c.status,
    verdictScale: c.verdictScale,
    verdict: c.verdict,
    verdictNote: '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class ClaimEditorState {
  claim = $state.raw<Claim | null>(null);
  form = $state<ClaimForm | null>(null);
  history = $state.raw<HistoryEntry[]>([]);
  links = $state.raw<LinkedClaim[]>([]);
  evidence = $state.raw<EvidenceView[]>([]);
  entities = $state.raw<ClaimEntity[]>([]);
  loadError = $state<string | null>(null);
  refreshError = $state<string | null>(null);
  saveError = $state<string | null>(null);
  saving = $state(false);
  /** Shown after a save until the next edit. */
  savedAt = $state<string | null>(null);

  constructor(readonly id: number) {}

  /** Field changes as a claims.update patch (status and verdict go through their own calls). */
  get patch(): ClaimPatch {
    const c = this.claim;
    const f = this.form;
    if (!c || !f) return {};
    const next: ClaimPatch = {
      statement: f.statement.trim(),
      claimant: f.claimant.trim() || null,
      kind: f.kind,
      claimDate: f.claimDate || null,
      resolveBy: f.resolveBy || null,
      tags: f.tags,
      attribution: f.attribution.filter((h) => h.name.trim()).map((h) => ({ ...h, name: h.name.trim() })),
      notes: f.notes,
    };
    const before: ClaimPatch = { statement: c.statement, claimant: c.claimant, kind: c.kind, claimDate: c.claimDate?.slice(0, 10) ?? null, resolveBy: c.resolveBy?.slice(0, 10) ?? null, tags: c.tags, attribution: c.attribution, notes: c.notes };
    return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(v, before[k as keyof ClaimPatch]))) as ClaimPatch;
  }

  get verdictChanged(): boolean {
    return !!this.claim && !!this.form && (this.form.verdict !== this.claim.verdict || this.form.verdictScale !== this.claim.verdictScale);
  }

  get dirty(): boolean {
    if (!this.claim || !this.form) return false;
    return Object.keys(this.patch).length > 0 || this.form.status !== this.claim.status || this.verdictChanged;
  }

  async load(): Promise<void> {
    try {
      const [claim, history, links, evidence, entities] = await Promise.all([
        call('claims.get', this.id),
        call('claims.history', this.id),
        call('links.forClaim', this.id),
        call('evidence.forClaim', this.id),
        call('claims.entities', this.id),
      ]);
      const keepForm = this.form !== null && this.dirty;
      this.claim = claim;
      Object.assign(this, { history, links, evidence, entities });
      if (!keepForm) this.form = drafts.get(this.id) ?? formOf(claim);
      this.loadError = null;
    } catch (err) {
      // Once open, a failed refresh (say the claim was deleted elsewhere) must not take the form away.
      if (this.claim) this.refreshError = errorMessage(err);
      else this.loadError = errorMessage(err);
      return;
    }
    this.refreshError = null;
  }

  /** Saves every change as one undo step; on failure the form stays as typed, with the error. */
  async save(): Promise<boolean> {
    const c = this.claim;
    const f = this.form;
    if (!c || !f || !this.dirty || this.saving) return !this.dirty;
    if (!f.statement.trim()) return this.fail('The statement cannot be empty.');
    if (this.verdictChanged && !f.verdictNote.trim()) return this.fail('A note is required when the verdict changes: say why.');
    const steps: Command[] = [];
    const patch = this.patch;
    if (Object.keys(patch).length) steps.push(editClaim(c, patch));
    if (f.status !== c.status) steps.push(setStatus(c, f.status));
    if (this.verdictChanged) steps.push(setVerdict(c, f.verdictScale, f.verdict, f.verdictNote.trim()));
    this.saving = true;
    this.saveError = null;
    drafts.set(this.id, $state.snapshot(f) as ClaimForm);
    try {
      await undoStack.run(steps.length === 1 ? steps[0] : sequence('Edit claim', steps));
      drafts.delete(this.id);
      this.form = null;
      await this.load();
      this.savedAt = new Date(Date.now()).toISOString(); // eslint-disable-line svelte/prefer-svelte-reactivity -- a timestamp string, not a live date
      return true;
    } catch (err) {
      return this.fail(errorMessage(err));
    } finally {
      this.saving = false;
    }
  }

  discard(): void {
    drafts.delete(this.id);
    if (this.claim) this.form = formOf(this.claim);
    this.saveError = null;
  }

  /** Keeps the unsaved form for the next time this claim is opened. */
  keepDraft(): void {
    if (this.form && this.dirty) drafts.set(this.id, $state.snapshot(this.form) as ClaimForm);
  }

  private fail(message: string): false {
    this.saveError = message;
    return false;
  }
}
