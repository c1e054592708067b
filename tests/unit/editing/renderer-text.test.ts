// The renderer's text helpers: highlights in the reader keep exact offsets, search matches are
// marked the way the archive reads a query, and the palette's fuzzy filter ranks what users mean.
import { describe, expect, it } from 'vitest';
import { buildParagraphs, paragraphBounds, type Mark } from '../../../renderer/lib/spans';
import { markMatches, searchTerms } from '../../../renderer/lib/highlight';
import { fuzzyFilter, fuzzyMatch } from '../../../renderer/lib/fuzzy';

const TEXT =
  'North Korea said Friday that any deployment would be legal.\n\n"It is an act conforming with international law," said Kim Jong Gyu.\nHe did not confirm it.';

describe('reader paragraphs and highlights', () => {
  it('splits paragraphs on blank lines and keeps every offset exact', () => {
    const bounds = paragraphBounds(TEXT);
    expect(bounds).toHaveLength(2);
    expect(TEXT.slice(bounds[1].start, bounds[1].start + 3)).toBe('"It');
    const paragraphs = buildParagraphs(TEXT, []);
    for (const p of paragraphs) for (const s of p.segments) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts segments where claims start and end, innermost claim first', () => {
    const inner = TEXT.indexOf('an act conforming');
    const marks: Mark[] = [
      { id: 1, start: TEXT.indexOf('"It'), end: TEXT.indexOf('Gyu.') + 4, kind: 'claim', tone: 'mixed' },
      { id: 2, start: inner, end: inner + 'an act conforming'.length, kind: 'claim', tone: 'false' },
      { id: 7, start: 0, end: 11, kind: 'suggestion', tone: 'none' },
    ];
    const [first, second] = buildParagraphs(TEXT, marks);
    expect(first.segments[0]).toMatchObject({ text: 'North Korea', suggestions: [{ id: 7 }], claims: [] });
    const nested = second.segments.find((s) => s.text === 'an act conforming');
    expect(nested?.claims.map((c) => c.id)).toEqual([2, 1]);
    const outerOnly = second.segments.find((s) => s.text.startsWith('"It is'));
    expect(outerOnly?.claims.map((c) => c.id)).toEqual([1]);
  });

  it('ignores spans that point outside the text', () => {
    const paragraphs = buildParagraphs(TEXT, [{ id: 3, start: 5, end: TEXT.length + 40, kind: 'claim', tone: 'none' }]);
    expect(paragraphs.flatMap((p) => p.segments).every((s) => s.claims.length === 0)).toBe(true);
  });
});

describe('search match highlighting', () => {
  it('reads words, quoted phrases and prefixes like the archive does', () => {
    expect(searchTerms('troops "international law" depl*')).toEqual(['troops', 'international law', 'depl']);
    expect(searchTerms('  "  " ** ')).toEqual([]);
  });

  it('marks matches at word starts, case-insensitively', () => {
    const parts = markMatches('Troops and troopships; no stroop.', 'troop');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Troop', 'troop']);
    expect(parts.map((p) => p.text).join('')).toBe('Troops and troopships; no stroop.');
  });

  it('treats regular-expression characters in a query as text', () => {
    const parts = markMatches('Costs rose (sharply) by 5.2%', '(sharply) 5.2%');
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['(sharply)', '5.2%']);
  });
});

describe('command palette fuzzy filter', () => {
  const actions = ['Go to: Library', 'Go to: Claims', 'Claims: Set verdict: False', 'Edit: Undo', 'File: Import files…'];

  it('finds by initials and by word starts, best first', () => {
    expect(fuzzyFilter('gcl', actions, (a) => a)[0].item).toBe('Go to: Claims');
    expect(fuzzyFilter('verd fal', actions, (a) => a)[0].item).toBe('Claims: Set verdict: False');
    expect(fuzzyFilter('imp', actions, (a) => a).map((r) => r.item)).toEqual(['File: Import files…']);
  });

  it('rejects text missing a character and keeps everything for an empty query', () => {
    expect(fuzzyMatch('xyz', 'Go to: Library')).toBeNull();
    expect(fuzzyFilter('', actions, (a) => a)).toHaveLength(actions.length);
  });
});
