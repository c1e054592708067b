// Verdict scales researchers already use. Each verdict maps onto a ClaimReview rating
// (ratingValue on a 1..5 scale, best = 5) so exports stay meaningful to other tools.

export interface VerdictDef {
  key: string;
  label: string;
  /** ClaimReview ratingValue, 1 (worst) .. 5 (best); null = not rateable (e.g. unprovable). */
  rating: number | null;
  /** Colour token used by the UI and reports (CSS custom property suffix). */
  tone: 'true' | 'mostly-true' | 'mixed' | 'mostly-false' | 'false' | 'neutral';
  /** Single key used for quick verdict entry in the claims table. */
  hotkey: string;
}

export interface VerdictScale {
  key: string;
  label: string;
  verdicts: VerdictDef[];
}

export const VERDICT_SCALES = [
  {
    key: 'claimdesk',
    label: 'Claimdesk (default)',
    verdicts: [
      { key: 'true', label: 'True', rating: 5, tone: 'true', hotkey: '1' },
      { key: 'mostly-true', label: 'Mostly true', rating: 4, tone: 'mostly-true', hotkey: '2' },
      { key: 'mixed', label: 'Mixed', rating: 3, tone: 'mixed', hotkey: '3' },
      { key: 'misleading', label: 'Misleading', rating: 2, tone: 'mostly-false', hotkey: '4' },
      { key: 'mostly-false', label: 'Mostly false', rating: 2, tone: 'mostly-false', hotkey: '5' },
      { key: 'false', label: 'False', rating: 1, tone: 'false', hotkey: '6' },
      { key: 'unprovable', label: 'Unprovable', rating: null, tone: 'neutral', hotkey: '7' },
    ],
  },
  {
    key: 'politifact',
    label: 'PolitiFact Truth-O-Meter',
    verdicts: [
      { key: 'true', label: 'True', rating: 5, tone: 'true', hotkey: '1' },
      { key: 'mostly-true', label: 'Mostly True', rating: 4, tone: 'mostly-true', hotkey: '2' },
      { key: 'half-true', label: 'Half True', rating: 3, tone: 'mixed', hotkey: '3' },
      { key: 'mostly-false', label: 'Mostly False', rating: 2, tone: 'mostly-false', hotkey: '4' },
      { key: 'false', label: 'False', rating: 1, tone: 'false', hotkey: '5' },
      { key: 'pants-on-fire', label: 'Pants on Fire', rating: 1, tone: 'false', hotkey: '6' },
    ],
  },
  {
    key: 'snopes',
    label: 'Snopes',
    verdicts: [
      { key: 'true', label: 'True', rating: 5, tone: 'true', hotkey: '1' },
      { key: 'mostly-true', label: 'Mostly True', rating: 4, tone: 'mostly-true', hotkey: '2' },
      { key: 'mixture', label: 'Mixture', rating: 3, tone: 'mixed', hotkey: '3' },
      { key: 'mostly-false', label: 'Mostly False', rating: 2, tone: 'mostly-false', hotkey: '4' },
      { key: 'false', label: 'False', rating: 1, tone: 'false', hotkey: '5' },
      { key: 'unproven', label: 'Unproven', rating: null, tone: 'neutral', hotkey: '6' },
      { key: 'miscaptioned', label: 'Miscaptioned', rating: 2, tone: 'mostly-false', hotkey: '7' },
      { key: 'satire', label: 'Labeled Satire', rating: null, tone: 'neutral', hotkey: '8' },
    ],
  },
  {
    key: 'fever',
    label: 'FEVER',
    verdicts: [
      { key: 'supported', label: 'Supported', rating: 5, tone: 'true', hotkey: '1' },
      { key: 'refuted', label: 'Refuted', rating: 1, tone: 'false', hotkey: '2' },
      { key: 'not-enough-info', label: 'Not enough info', rating: null, tone: 'neutral', hotkey: '3' },
    ],
  },
] as const satisfies readonly VerdictScale[];

export type VerdictScaleKey = (typeof VERDICT_SCALES)[number]['key'];
export const VERDICT_SCALE_KEYS = VERDICT_SCALES.map((s) => s.key) as [VerdictScaleKey, ...VerdictScaleKey[]];
export const DEFAULT_SCALE: VerdictScaleKey = 'claimdesk';

export function findScale(key: string): VerdictScale | undefined {
  return VERDICT_SCALES.find((s) => s.key === key);
}

export function findVerdict(scaleKey: string, verdictKey: string): VerdictDef | undefined {
  return findScale(scaleKey)?.verdicts.find((v) => v.key === verdictKey);
}

/** Workflow status is separate from the verdict: it says where the work stands, not what was found. */
export const WORKFLOW_STATUSES = ['new', 'in_progress', 'needs_review', 'done'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
export const WORKFLOW_STATUS_LABELS: Record<WorkflowStatus, string> = {
  new: 'New',
  in_progress: 'In progress',
  needs_review: 'Needs review',
  done: 'Done',
};

/**
 * Where the work stands once a verdict is set, when the researcher did not choose a status in the
 * same edit: a new claim that gets a verdict has been checked ("Done"); a status the researcher
 * set before (in progress, needs review) stays, and clearing a verdict changes nothing.
 */
export function statusAfterVerdict(status: WorkflowStatus, verdict: string | null): WorkflowStatus {
  return status === 'new' && verdict !== null ? 'done' : status;
}
