// Publication dates arrive as ISO strings, RFC 2822 ("Fri, 25 Oct 2024 09:00:00 GMT"), or prose
// ("October 25, 2024", "25 Oct. 2024", "25.10.2024"). All become ISO: the date alone, or the full
// timestamp when the source gives a time (kept as written, so the calendar day does not shift).

const ISO_FULL = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

function fromProse(s: string): string | null {
  let m = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return ymd(+m[3], monthIndex(m[1]), +m[2]);
  m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_RE},?\\s+(\\d{4})\\b`, 'i').exec(s);
  if (m) return ymd(+m[3], monthIndex(m[2]), +m[1]);
  m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s); // European day.month.year
  if (m) return ymd(+m[3], +m[2], +m[1]);
  return null;
}

/** An ISO date (or timestamp) for any common date notation; null when it is not a date. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  if (ISO_FULL.test(s)) return ymd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) ? s.replace(' ', 'T') : null;
  const isoPrefix = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (isoPrefix) return ymd(+isoPrefix[1], +isoPrefix[2], +isoPrefix[3]);
  const prose = fromProse(s);
  if (prose) return prose;
  if (/^\d{8}$/.test(s)) return ymd(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
  return null;
}

/** The yyyy-mm-dd part of an ISO value. */
export function dayOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}
