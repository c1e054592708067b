// Publication dates arrive as ISO strings, RFC 2822 ("Fri, 25 Oct 2024 09:00:00 GMT"), or prose in
// many languages ("October 25, 2024", "25 Oct. 2024", "9 settembre 2025", "15 июля 2025 г.",
// "25.10.2024", "2024年10月25日"). All become ISO: the date alone, or the full
// timestamp when the source gives a time (kept as written, so the calendar day does not shift).

const ISO_FULL = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * Month names in the languages news comes in, January..December, each entry holding the names and
 * grammatical cases ("июля", "października") and the usual abbreviations, matched as whole words.
 */
const MONTH_NAMES: string[] = [
  'january jan jänner jän januar januari janvier janv enero ene gennaio gen janeiro января январь янв січня січень stycznia styczeń sty ledna leden ocak ianuarie tammikuuta tammikuu ιανουαρίου ιανουάριος ιαν siječnja siječanj gener január januára',
  'february feb februar feber februari février fevrier févr fév fev febrero febbraio fevereiro февраля февраль лютого лютий lutego luty února únor şubat subat februarie helmikuuta helmikuu φεβρουαρίου φεβρουάριος φεβ veljače veljača febrer február febr',
  'march mar märz mär maart mrt mars marts marzo março marco марта март мар березня березень marca marzec března březen mart martie maaliskuuta maaliskuu μαρτίου μάρτιος μαρ ožujka ožujak març március márc maret',
  'april apr avril avr abril abr aprile апреля апрель квітня квітень kwietnia kwiecień dubna duben nisan aprilie huhtikuuta huhtikuu απριλίου απρίλιος απρ travnja travanj április ápr',
  'may mai mei maj mayo maggio mag maio мая май травня травень maja května květen mayıs mayis toukokuuta toukokuu μαΐου μαίου μάιος μαΐ svibnja svibanj maig május máj',
  'june jun juni juin junio giugno giu junho июня июнь июн червня червень czerwca czerwiec června červen haziran iunie kesäkuuta kesäkuu ιουνίου ιούνιος ιουν lipnja lipanj juny június jún',
  'july jul juli juillet juil julio luglio lug julho июля июль июл липня липень lipca lipiec července červenec temmuz iulie heinäkuuta heinäkuu ιουλίου ιούλιος ιουλ srpnja srpanj juliol július júl',
  'august aug augustus augusti août aout agosto ago августа август авг серпня серпень sierpnia sierpień srpna srpen ağustos agustos elokuuta elokuu αυγούστου αύγουστος αυγ kolovoza kolovoz agost augusztus agustus',
  'september sep sept septembre septiembre setiembre settembre set setembro сентября сентябрь сен сент вересня вересень września wrzesień září eylül eylul septembrie syyskuuta syyskuu σεπτεμβρίου σεπτέμβριος σεπ rujna rujan setembre szeptember szept septembar',
  'october oct oktober okt octobre octubre ottobre ott outubro out октября октябрь окт жовтня жовтень października październik října říjen ekim octombrie lokakuuta lokakuu οκτωβρίου οκτώβριος οκτ október oktobar',
  'november nov novembre noviembre novembro ноября ноябрь ноя листопада листопад listopada listopad listopadu kasım kasim noiembrie marraskuuta marraskuu νοεμβρίου νοέμβριος νοε studenoga studenog studeni novembar',
  'december dec dezember dez desember décembre decembre déc diciembre dic dicembre dezembro декабря декабрь дек грудня грудень grudnia grudzień prosince prosinec aralık aralik decembrie joulukuuta joulukuu δεκεμβρίου δεκέμβριος δεκ prosinca prosinac desembre decembar',
];
const MONTH_OF = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => names.split(' ').forEach((n) => MONTH_OF.set(n, i + 1)));

/** Month number (1-12) for a month name or abbreviation in any of the languages above; 0 otherwise. */
export function monthNumber(word: string): number {
  return MONTH_OF.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

const MONTH_WORD = '(\\p{L}{3,12}\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?';
const YEAR = '(\\d{4})';

const PROSE: { re: RegExp; d: number; m: number; y: number }[] = [
  // October 25, 2024 / Oct. 25th 2024
  { re: new RegExp(`(?<!\\p{L})${MONTH_WORD}\\s+${DAY},?\\s+${YEAR}(?!\\d)`, 'giu'), m: 1, d: 2, y: 3 },
  // 25 October 2024 / 9 settembre 2025 / 15 июля 2025 г. / 25. Oktober 2024 / 3 de março de 2021 / 5 de enero del 2020
  {
    re: new RegExp(`(?<!\\d)${DAY}\\s*(?:of\\s+|de\\s+|d['’]\\s?)?${MONTH_WORD},?\\s+(?:de\\s+|del\\s+)?${YEAR}(?!\\d)`, 'giu'),
    d: 1,
    m: 2,
    y: 3,
  },
  // Hungarian, year first: "2022. május 3.", "2022. máj. 3."
  { re: new RegExp(`(?<!\\d)${YEAR}\\.\\s+${MONTH_WORD}\\s+(\\d{1,2})\\.(?!\\d)`, 'giu'), y: 1, m: 2, d: 3 },
];

function fromProse(s: string, dayFirst?: boolean): string | null {
  for (const { re, d, m, y } of PROSE)
    for (const hit of s.matchAll(re)) {
      const month = monthNumber(hit[m]);
      const day = month ? ymd(+hit[y], month, +hit[d]) : null;
      if (day) return day;
    }
  let m = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?![\d])/.exec(s); // European day.month.year
  if (m) return ymd(+m[3], +m[2], +m[1]);
  m = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(s); // "Written: 2023-11-07 15:03"
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/.exec(s); // 17/03/2020 (day first) or 03/17/2020 (US)
  if (m && (+m[1] > 12 || +m[2] > 12)) return +m[1] > 12 ? ymd(+m[3], +m[2], +m[1]) : ymd(+m[3], +m[1], +m[2]);
  // "3/5/2022": the order the page's language writes dates in (day first but in the US), when known.
  if (m && dayFirst !== undefined) return dayFirst ? ymd(+m[3], +m[2], +m[1]) : ymd(+m[3], +m[1], +m[2]);
  // "31.10.23" (a two-digit year) only as a short date-only text, never inside prose or version numbers.
  m = /^\D{0,30}?(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])(?:[,\s].{0,20})?$/.exec(s);
  if (m && s.length <= 50) return ymd(2000 + +m[3], +m[2], +m[1]);
  m = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/.exec(s); // CJK
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return null;
}

/** "Wed, 04 May 2022 02:41:00 GMT" / "4 May 2022 02:41 +0200" (RFC 2822) as an ISO timestamp in the zone it states. */
function rfc2822(s: string): string | null {
  const m =
    /^(?:\p{L}{3},?\s+)?(\d{1,2})\s+(\p{L}{3,9})\.?\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{2}:?\d{2})$/u.exec(s);
  const month = m ? monthNumber(m[2]) : 0;
  const day = m && month ? ymd(+m[3], month, +m[1]) : null;
  if (!m || !day || +m[4] > 23 || +m[5] > 59) return null;
  const zone = /^[+-]/.test(m[7]) ? `${m[7].slice(0, 3)}:${m[7].slice(-2)}` : 'Z';
  return `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
}

/**
 * Whether a page in this language writes "3/5/2022" day first (true), month first (false, US English),
 * or unknown (plain "en", no language).
 */
export function dayFirstFor(language: string | null | undefined): boolean | undefined {
  const l = language?.trim().toLowerCase().replace('_', '-');
  if (!l || l === 'en') return undefined;
  return !/^en-us\b/.test(l);
}

/**
 * An ISO date (or timestamp) for any common date notation; null when it is not a date. A slashed date
 * whose day and month could be swapped ("3/5/2022") is read only when dayFirst says the page's order.
 */
export function normaliseDate(value: string | null | undefined, dayFirst?: boolean): string | null {
  if (!value) return null;
  const s = value.trim();
  if (ISO_FULL.test(s)) return ymd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) ? s.replace(' ', 'T') : null;
  const isoPrefix = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (isoPrefix) return ymd(+isoPrefix[1], +isoPrefix[2], +isoPrefix[3]);
  const rfc = rfc2822(s);
  if (rfc) return rfc;
  const prose = fromProse(s, dayFirst);
  if (prose) return prose;
  if (/^\d{8}$/.test(s)) return ymd(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
  return null;
}

/** The yyyy-mm-dd part of an ISO value. */
export function dayOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}
