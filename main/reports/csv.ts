// Claims as CSV (RFC 4180: CRLF rows, quoted when needed, quotes doubled), safe to open in a
// spreadsheet: a cell that would start a formula gets an apostrophe in front. Headers are the ones
// Claimdesk's own claim-list import reads back.
import { arrangeReport } from './arrange';
import type { ReportClaim, ReportModel, ReportArticle } from './model';

/** Characters that make spreadsheets evaluate a cell (OWASP CSV injection list, and the minus sign). */
const FORMULA_START = /^[=+\-@\t\r\u2212]/;

/**
 * Whether a spreadsheet might read the cell as a formula: it starts with one of FORMULA_START, also
 * after leading spaces or invisible format characters, or in a look-alike form that NFKC folds into
 * one (full-width ＝＋－＠, small ﹦﹢﹣﹫).
 */
function startsFormula(text: string): boolean {
  if (FORMULA_START.test(text)) return true;
  const first = text.replace(/^[\s\p{Cf}]+/u, '').codePointAt(0);
  return first !== undefined && FORMULA_START.test(String.fromCodePoint(first).normalize('NFKC'));
}

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (startsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

type Column = [header: string, value: (c: ReportClaim, source: ReportArticle | undefined, model: ReportModel) => string | number | null];

const COLUMNS: Column[] = [
  ['id', (c) => c.id],
  ['statement', (c) => c.statement],
  ['quote', (c) => c.quote],
  ['claimant', (c) => c.claimant],
  ['attribution', (c) => c.attribution.map((h) => `${h.name} (${h.role})`).join(' > ')],
  ['kind', (c) => c.kind],
  ['claim date', (c) => c.claimDate],
  ['status', (c) => c.status],
  ['verdict', (c) => c.verdict?.label ?? null],
  ['verdict scale', (c) => c.verdict?.scale ?? null],
  ['rating value', (c) => c.verdict?.rating ?? null],
  ['verdict note', (c) => c.verdictNote],
  ['tags', (c) => c.tags.join('; ')],
  ['entities', (c) => c.entities.map((e) => `${e.name} (${e.role})`).join('; ')],
  [
    'evidence',
    (c, _s, m) =>
      c.evidence
        .map((e) => `${e.stance}: ${e.quote || e.note} [${m.sources.find((s) => s.articleId === e.articleId)?.title ?? e.articleId}]`)
        .join(' | '),
  ],
  ['url', (_c, s) => s?.url ?? null],
  ['article', (_c, s) => s?.title ?? null],
  ['outlet', (_c, s) => s?.outlet ?? null],
  ['article author', (_c, s) => s?.author ?? null],
  ['article date', (_c, s) => s?.published ?? null],
  ['source sha256', (_c, s) => s?.file?.sha256 ?? null],
  ['notes', (c) => c.notes],
];

/** One row per claim, in the report's reading order. */
export function renderCsv(model: ReportModel): string {
  const sources = new Map(model.sources.map((s) => [s.articleId, s]));
  const rows = arrangeReport(model).claims.map((c) => {
    const source = c.articleId !== null ? sources.get(c.articleId) : undefined;
    return csvRow(COLUMNS.map(([, value]) => value(c, source, model)));
  });
  return [csvRow(COLUMNS.map(([header]) => header)), ...rows].join('\r\n') + '\r\n';
}
