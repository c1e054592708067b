// The claim editor's state: the saved claim, the form being edited (a draft that survives a failed
// save), and what surrounds the claim (history, links, evidence, entities).
import type {
  AttributionHop,
  Claim,
  ClaimEntity,
  ClaimKind,
  ClaimPatch,
  EvidenceView,
  HistoryEntry,
  LinkedClaim,
} from '../../shared/domain';
import { statusAfterVerdict, type WorkflowStatus, type VerdictScaleKey } from '../../shared/verdicts';
import { call, errorMessage } from './api';
import { editClaim, sequence, setStatus, setVerdict } from './edits';
import { Query } from './query.svelte';
import type { UndoableEdit } from './undo.svelte';
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
  status: WorkflowStatus;
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

interface Surroundings {
  claim: Claim;
  history: HistoryEntry[];
  links: LinkedClaim[];
  evidence: EvidenceView[];
  entities: ClaimEntity[];
  /** The page of the original (a PDF) the claim's passage is on, if known. */
  page: number | null;
}

async function fetchClaim(id: number): Promise<Surroundings> {
  const [claim, history, links, evidence, entities, page] = await Promise.all([
    call('claims.get', id),
    call('claims.history', id),
    call('links.forClaim', id),
    call('evidence.forClaim', id),
    call('claims.entities', id),
    call('originals.claimPage', id),
  ]);
  return { claim, history, links, evidence, entities, page };
}

export class ClaimEditorState {
  claim = $state.raw<Claim | null>(null);
  form = $state<ClaimForm | null>(null);
  history = $state.raw<HistoryEntry[]>([]);
  links = $state.raw<LinkedClaim[]>([]);
  evidence = $state.raw<EvidenceView[]>([]);
  entities = $state.raw<ClaimEntity[]>([]);
  page = $state<number | null>(null);
  saveError = $state<string | null>(null);
  saving = $state(false);
  /** Shown after a save until the next edit. */
  savedAt = $state<string | null>(null);
  /** The status the form moved to by itself when a verdict was chosen; null when it did not. */
  private autoStatus: WorkflowStatus | null = null;

  /**
   * The claim and what surrounds it; refetched when it, a claim it links to, its links, evidence or
   * entities change. A refresh keeps a form with unsaved changes as typed.
   */
  readonly query: Query<number, Surroundings>;

  constructor(readonly id: number) {
    this.query = new Query({
      key: () => this.id,
      fetch: fetchClaim,
      on: (id, data) => [{ type: 'claim', ids: [id, ...(data?.links.map((l) => l.other.id) ?? [])] }, 'link', 'evidence', 'entity'],
      onData: (d) => this.show(d),
    });
  }

  /** Could not open the claim at all. */
  get loadError(): string | null {
    return this.claim ? null : this.query.error;
  }
  /** Once open, a failed refresh (say the claim was deleted elsewhere) must not take the form away. */
  get refreshError(): string | null {
    return this.claim ? this.query.error : null;
  }

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
    const before: ClaimPatch = {
      statement: c.statement,
      claimant: c.claimant,
      kind: c.kind,
      claimDate: c.claimDate?.slice(0, 10) ?? null,
      resolveBy: c.resolveBy?.slice(0, 10) ?? null,
      tags: c.tags,
      attribution: c.attribution,
      notes: c.notes,
    };
    return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(v, before[k as keyof ClaimPatch]))) as ClaimPatch;
  }

  /**
   * Chooses a verdict in the form. Unless the researcher chose a status in this edit, the status
   * follows (a new claim with a verdict is done: statusAfterVerdict), visibly, before saving.
   */
  chooseVerdict(verdict: string | null): void {
    const c = this.claim;
    const f = this.form;
    if (!c || !f) return;
    f.verdict = verdict;
    if (f.status !== c.status && f.status !== this.autoStatus) return;
    const next = this.verdictChanged ? statusAfterVerdict(c.status, f.verdict) : c.status;
    f.status = next;
    this.autoStatus = next === c.status ? null : next;
  }

  get verdictChanged(): boolean {
    return !!this.claim && !!this.form && (this.form.verdict !== this.claim.verdict || this.form.verdictScale !== this.claim.verdictScale);
  }

  get dirty(): boolean {
    if (!this.claim || !this.form) return false;
    return Object.keys(this.patch).length > 0 || this.form.status !== this.claim.status || this.verdictChanged;
  }

  /** Fetches the claim again after an edit made here (an answer already on its way may predate it). */
  refresh(): Promise<void> {
    return this.query.reload();
  }

  private show({ claim, history, links, evidence, entities, page }: Surroundings): void {
    const keepForm = this.form !== null && this.dirty;
    this.claim = claim;
    Object.assign(this, { history, links, evidence, entities, page });
    if (!keepForm) {
      this.form = drafts.get(this.id) ?? formOf(claim);
      this.autoStatus = null;
    }
  }

  /** Saves every change as one undo step; on failure the form stays as typed, with the error. */
  async save(): Promise<boolean> {
    const c = this.claim;
    const f = this.form;
    if (!c || !f || !this.dirty || this.saving) return !this.dirty;
    if (!f.statement.trim()) return this.fail('The statement cannot be empty.');
    if (this.verdictChanged && !f.verdictNote.trim()) return this.fail('A note is required when the verdict changes: say why.');
    const steps: UndoableEdit[] = [];
    const patch = this.patch;
    if (Object.keys(patch).length) steps.push(editClaim(c, patch));
    if (f.status !== c.status) steps.push(setStatus(c, f.status));
    if (this.verdictChanged) steps.push(setVerdict(c, f.verdictScale, f.verdict, f.verdictNote.trim()));
    this.saving = true;
    this.saveError = null;
    // A verdict that moved the status by itself is still "Set verdict: …" to undo, as from the table.
    const verdictOnly = this.verdictChanged && !Object.keys(patch).length && (f.status === c.status || f.status === this.autoStatus);
    const typed = $state.snapshot(f) as ClaimForm;
    drafts.set(this.id, typed);
    const before = this.query.generation;
    try {
      await undoStack.run(steps.length === 1 ? steps[0] : sequence(verdictOnly ? steps.at(-1)!.label : 'Edit claim', steps));
      drafts.delete(this.id);
      // The form stays on screen (its fields keep the focus) while the saved claim is fetched once:
      // main's change event for the save has already asked for it. Then the form is the saved claim's,
      // unless the researcher typed on meanwhile.
      await this.query.settle(before);
      if (this.claim && this.form && same($state.snapshot(this.form), typed)) {
        this.form = formOf(this.claim);
        this.autoStatus = null;
      }
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
    this.autoStatus = null;
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
