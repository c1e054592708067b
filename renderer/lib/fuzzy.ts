// Fuzzy matching for the command palette: every query character in order, rewarding runs and
// word starts, so "nc" finds "New claim" and "gcl" finds "Go to Claims".

export interface FuzzyMatch {
  score: number;
  /** Indices of the matched characters, for highlighting. */
  indices: number[];
}

export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return { score: 0, indices: [] };
  const t = text.toLowerCase();
  const indices: number[] = [];
  let score = 0;
  let from = 0;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_:/.]/.test(t[at - 1]);
    const run = indices.length > 0 && indices[indices.length - 1] === at - 1;
    score += 1 + (wordStart ? 3 : 0) + (run ? 2 : 0) - Math.min(at - from, 5) * 0.2;
    indices.push(at);
    from = at + 1;
  }
  return { score: score - t.length * 0.01, indices };
}

/** Items that match, best first (ties keep their original order). */
export function fuzzyFilter<T>(query: string, items: T[], text: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const out: { item: T; match: FuzzyMatch; i: number }[] = [];
  items.forEach((item, i) => {
    const match = fuzzyMatch(query, text(item));
    if (match) out.push({ item, match, i });
  });
  out.sort((a, b) => b.match.score - a.match.score || a.i - b.i);
  return out.map(({ item, match }) => ({ item, match }));
}
