import { findVerdict, WORKFLOW_STATUS_LABELS, VERDICT_SCALES, type WorkflowStatus } from '../../shared/verdicts';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "25 Oct 2024" from an ISO date; keeps the input when it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/**
 * A verdict as the app names it, everywhere (table, filter, editor, history, palette): the scale's
 * name in sentence case ("Mostly True" on PolitiFact's scale reads "Mostly true", as on the default
 * scale). Reports and exports keep each scale's own spelling.
 */
export function verdictLabel(scale: string, verdict: string | null): string {
  if (!verdict) return 'Unrated';
  const label = findVerdict(scale, verdict)?.label;
  return label ? sentenceCase(label) : verdict;
}

function sentenceCase(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1).toLowerCase();
}

export function verdictTone(scale: string, verdict: string | null): string {
  if (!verdict) return 'none';
  return findVerdict(scale, verdict)?.tone ?? 'neutral';
}

export function statusLabel(status: WorkflowStatus): string {
  return WORKFLOW_STATUS_LABELS[status] ?? status;
}

export { plural } from '../../shared/plural';

/** Tone of a verdict key whatever its scale (article summaries count verdicts by key only). */
export function toneOfKey(key: string): string {
  if (key === 'none') return 'none';
  for (const s of VERDICT_SCALES) {
    const v = s.verdicts.find((d) => d.key === key);
    if (v) return v.tone;
  }
  return 'neutral';
}

/** A verdict key's name whatever its scale (filters and summaries count verdicts by key only). */
export function labelOfKey(key: string): string {
  if (key === 'none') return 'Unrated';
  const scale = VERDICT_SCALES.find((s) => s.verdicts.some((d) => d.key === key));
  return scale ? verdictLabel(scale.key, key) : key;
}
