// CSV/TSV claim lists (RFC 4180: quoted fields, "" escapes, line breaks inside quotes, CRLF or LF).
// The header row decides which column is which; see claim-fields.ts for the accepted names.
import type { ParsedClaim } from '../types';
import { AppError } from '../../../shared/errors';
import { mapHeaders, toClaim, type ClaimField } from './claim-fields';

const MAX_ROWS = 200_000;

/** Splits delimited text into rows of fields. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
    } else {
      field += c;
    }
  }
  if (quoted) throw new AppError('PARSE_FAILED', `CSV has an unclosed quote (row ${rows.length + 1})`);
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** ";" is the CSV delimiter in many European locales: choose it when the header says so. */
function sniffDelimiter(text: string, tsv: boolean): string {
  if (tsv) return '\t';
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length;
  return count(';') > count(',') && count(';') > count('\t') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

export function parseClaimTable(text: string, opts: { tsv: boolean }): ParsedClaim[] {
  const rows = parseDelimited(text.replace(/^\uFEFF/, ''), sniffDelimiter(text, opts.tsv));
  const kind = opts.tsv ? 'TSV' : 'CSV';
  if (rows.length === 0) throw new AppError('PARSE_FAILED', `${kind} has no rows`);
  if (rows.length - 1 > MAX_ROWS) throw new AppError('TOO_LARGE', `${kind} has ${rows.length - 1} rows (limit ${MAX_ROWS})`);
  const columns = mapHeaders(rows[0]);
  if (columns.statement === undefined) {
    throw new AppError(
      'PARSE_FAILED',
      `${kind} has no claim column: the header needs one of claim, statement, text (found: ${rows[0].slice(0, 8).join(', ')})`,
    );
  }
  const claims: ParsedClaim[] = [];
  rows.slice(1).forEach((cells, i) => {
    const rec: Partial<Record<ClaimField, string>> = {};
    for (const [field, col] of Object.entries(columns) as [ClaimField, number][]) rec[field] = cells[col];
    const claim = toClaim(rec, `${kind} row ${i + 2}`);
    if (claim) claims.push(claim);
  });
  if (claims.length === 0) throw new AppError('PARSE_FAILED', `${kind} has a header but no claims`);
  return claims;
}
