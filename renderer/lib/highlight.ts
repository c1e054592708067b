// Marks what a search matched inside a piece of text, the way the archive's search reads a query:
// words and "quoted phrases", matched case-insensitively at word starts (so "troop" marks "troops").

export interface TextPart {
  text: string;
  hit: boolean;
}

export function searchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const m of search.matchAll(/"([^"]*)"?|([^\s"]+)/g)) {
    const term = (m[1] ?? m[2] ?? '').replace(/\*$/, '').trim();
    if (/[\p{L}\p{N}]/u.test(term)) terms.push(term);
  }
  return terms;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function markMatches(text: string, search: string): TextPart[] {
  const terms = searchTerms(search);
  if (!text || terms.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map((t) => escapeRegExp(t).replace(/\s+/g, '\\s+')).join('|')})`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), hit: false });
    parts.push({ text: m[0], hit: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}
