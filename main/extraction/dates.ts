// Claim dates and forecast deadlines, resolved against the article's publication date.
// "said Friday" → the Friday on or before publication; "as early as Sunday" → the next Sunday.

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const FUTURE_RE =
  /\b(will|won't|shall|could|would|may|might|going to|expected to|set to|due to|plans? to|planning to|intends? to|as early as|as soon as|forecast|predict|next|upcoming|coming)\b/i;

/** UTC date arithmetic on YYYY-MM-DD strings, so time zones never shift a day. */
function toDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const endOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0));

function weekdayNear(base: Date, weekday: number, forward: boolean): Date {
  const diff = (weekday - base.getUTCDay() + 7) % 7;
  if (forward) return addDays(base, diff === 0 ? 7 : diff);
  return addDays(base, diff === 0 ? 0 : diff - 7);
}

/** An explicit calendar date in the text ("Oct 12", "12 October 2024", "2024-10-12"). */
function explicitDate(text: string, base: Date, forward: boolean): Date | null {
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (isoMatch) return toDate(isoMatch[0]);
  const mdy = new RegExp(String.raw`\b${MONTH_RE}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, 'i').exec(text);
  const dmy = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}(?:,?\s+(\d{4}))?\b`, 'i').exec(text);
  const parts = mdy ? { month: mdy[1], day: +mdy[2], year: mdy[3] } : dmy ? { month: dmy[2], day: +dmy[1], year: dmy[3] } : null;
  if (!parts || parts.day < 1 || parts.day > 31) return null;
  const month = MONTHS.indexOf(parts.month.slice(0, 3).toLowerCase());
  let date = new Date(Date.UTC(parts.year ? +parts.year : base.getUTCFullYear(), month, parts.day));
  // Without a year, a past statement means the last such date, a forecast the next one.
  if (!parts.year && !forward && date > base) date = new Date(Date.UTC(base.getUTCFullYear() - 1, month, parts.day));
  if (!parts.year && forward && date < base) date = new Date(Date.UTC(base.getUTCFullYear() + 1, month, parts.day));
  return date;
}

function relativeDate(text: string, base: Date, forward: boolean): Date | null {
  const t = text.toLowerCase();
  if (/\byesterday\b/.test(t)) return addDays(base, -1);
  if (/\btomorrow\b/.test(t)) return addDays(base, 1);
  const weekday = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`).exec(t);
  if (weekday) return weekdayNear(base, WEEKDAYS.indexOf(weekday[1]), forward);
  if (/\b(today|tonight)\b/.test(t)) return base;
  return null;
}

/** A deadline for a forecast: "within 3 months", "by the end of the year", "next week", "by 2030". */
function horizon(text: string, base: Date): Date | null {
  const t = text.toLowerCase();
  const within = /\b(?:within|in)\s+(\d+|a|one|two|three|four|six)\s+(day|week|month|year)s?\b/.exec(t);
  if (within) {
    const n = { a: 1, one: 1, two: 2, three: 3, four: 4, six: 6 }[within[1]] ?? Number(within[1]);
    const days = { day: 1, week: 7, month: 30, year: 365 }[within[2] as 'day'] * n;
    return addDays(base, days);
  }
  if (/\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this)\s+year\b|\bthis year\b/.test(t))
    return new Date(Date.UTC(base.getUTCFullYear(), 11, 31));
  if (/\bnext year\b/.test(t)) return new Date(Date.UTC(base.getUTCFullYear() + 1, 11, 31));
  if (/\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this)\s+month\b/.test(t)) return endOfMonth(base.getUTCFullYear(), base.getUTCMonth());
  if (/\bnext month\b/.test(t)) return endOfMonth(base.getUTCFullYear(), base.getUTCMonth() + 1);
  if (/\bnext week\b/.test(t)) return addDays(base, 14 - base.getUTCDay());
  const year = /\b(?:by|in|before)\s+(20\d\d)\b/.exec(t);
  if (year && +year[1] >= base.getUTCFullYear()) return new Date(Date.UTC(+year[1], 11, 31));
  return null;
}

export function isForecast(text: string): boolean {
  return FUTURE_RE.test(text);
}

/**
 * The date a claim refers to and, for forecasts with a time frame, the date by which it can be checked.
 * `attribution` is the rest of the sentence ("North Korea said Friday"): it dates the statement itself.
 * Without a publication date, only explicit calendar dates with a year can be resolved.
 */
export function claimDates(
  content: string,
  attribution: string,
  published: string | null | undefined,
): { date: string | null; resolveBy: string | null } {
  const base = published ? toDate(published) : null;
  const forecast = isForecast(content);
  if (!base) {
    const explicit = /\b\d{4}\b/.test(content) ? explicitDate(content, new Date(Date.UTC(2000, 0, 1)), false) : null;
    return { date: explicit && !forecast ? iso(explicit) : null, resolveBy: null };
  }
  const said = explicitDate(attribution, base, false) ?? relativeDate(attribution, base, false);
  if (!forecast)
    return { date: iso(said ?? explicitDate(content, base, false) ?? relativeDate(content, base, false) ?? base), resolveBy: null };
  const deadline = explicitDate(content, base, true) ?? relativeDate(content, base, true) ?? horizon(content, base);
  return { date: iso(said ?? base), resolveBy: deadline && deadline >= base ? iso(deadline) : null };
}
