// Turns whatever a user typed into a safe FTS4 MATCH expression. A query is words, "quoted
// phrases" and a trailing * for prefixes; everything else (operators, brackets, stray quotes,
// column filters) is treated as text, so no input can produce an SQL or FTS syntax error.

const MAX_TERMS = 32;

/** The MATCH string, or null when the input holds nothing searchable. */
export function buildMatch(input: string): string | null {
  const terms: string[] = [];
  for (const raw of splitTerms(input)) {
    const term = toFtsTerm(raw.text, raw.prefix);
    if (term) terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

interface RawTerm {
  text: string;
  prefix: boolean;
}

function splitTerms(input: string): RawTerm[] {
  const terms: RawTerm[] = [];
  // "phrase"* | word* ; an unbalanced quote runs to the end of the input
  const pattern = /"([^"]*)"?(\*?)|([^\s"]+)/g;
  for (const m of input.matchAll(pattern)) {
    if (m[3] !== undefined) terms.push({ text: m[3], prefix: m[3].endsWith('*') });
    else terms.push({ text: m[1], prefix: m[2] === '*' });
  }
  return terms;
}

/** Words the way the unicode61 tokenizer sees them: runs of letters, marks and digits. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function toFtsTerm(text: string, prefix: boolean): string | null {
  const parts = words(text);
  if (parts.length === 0) return null;
  return `"${parts.join(' ')}${prefix ? '*' : ''}"`;
}
