// Date helpers for deadlines: a forecast claim is "due" once its resolve-by date has passed unrated.

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function isDue(claim: { resolveBy: string | null; verdict: string | null }): boolean {
  return !!claim.resolveBy && claim.verdict === null && claim.resolveBy.slice(0, 10) < today();
}

/** "2 Nov 2024, 14:05" for history entries. */
const dateTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** When something changed: the time for today ("Today, 14:05"), else the date ("2 Nov 2024"). */
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
export function formatWhen(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toDateString() === now.toDateString() ? `Today, ${timeOnly.format(d)}` : dateOnly.format(d);
}
