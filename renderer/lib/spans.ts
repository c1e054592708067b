// Splits an article's text into paragraphs of segments, each knowing which claims and suggestions
// cover it, so the reader can paint highlights while keeping exact offsets into article.text.

export interface Mark {
  id: number;
  start: number;
  end: number;
  kind: 'claim' | 'suggestion' | 'highlight';
  tone: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Claims covering this segment, innermost (shortest) first. */
  claims: Mark[];
  suggestions: Mark[];
  /** Highlights (passages kept as context) covering it. */
  highlights: Mark[];
}

export interface Paragraph {
  start: number;
  segments: Segment[];
}

/** Paragraph bounds: blank lines separate paragraphs; single line breaks stay inside. */
export function paragraphBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    pushTrimmed(text, start, m.index, out);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: { start: number; end: number }[]) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

export function buildParagraphs(text: string, marks: Mark[]): Paragraph[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start);
  return paragraphBounds(text).map((p) => {
    const inside = valid.filter((m) => m.start < p.end && m.end > p.start);
    const cuts = new Set([p.start, p.end]);
    for (const m of inside) {
      cuts.add(Math.max(m.start, p.start));
      cuts.add(Math.min(m.end, p.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const covering = inside.filter((m) => m.start <= start && m.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
      segments.push({
        start,
        end,
        text: text.slice(start, end),
        claims: covering.filter((m) => m.kind === 'claim'),
        suggestions: covering.filter((m) => m.kind === 'suggestion'),
        highlights: covering.filter((m) => m.kind === 'highlight'),
      });
    }
    return { start: p.start, segments };
  });
}

/** Offset into the article of a DOM position inside a segment element carrying data-start. */
export function offsetOf(node: Node, offset: number): number | null {
  const el = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('[data-start]');
  if (!el) return null;
  const base = Number(el.dataset.start);
  if (node.nodeType === Node.TEXT_NODE) return base + offset;
  // An element boundary: count the text before the child at `offset`.
  let chars = 0;
  for (let i = 0; i < offset && i < el.childNodes.length; i++) {
    const child = el.childNodes[i];
    if (child.nodeType !== Node.COMMENT_NODE) chars += child.textContent?.length ?? 0;
  }
  return base + chars;
}

/**
 * The DOM position of an article offset inside `root` (the inverse of offsetOf): a text node and the
 * offset in it. An offset between paragraphs goes to the end of the paragraph before it.
 */
export function pointAt(root: Element, offset: number): { node: Node; offset: number } | null {
  let best: { node: Node; offset: number } | null = null;
  for (const el of root.querySelectorAll<HTMLElement>('p [data-start]')) {
    const start = Number(el.dataset.start);
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const length = text.textContent?.length ?? 0;
    if (start > offset) return best ?? { node: text, offset: 0 };
    best = { node: text, offset: Math.min(offset - start, length) };
    if (offset <= start + length) return best;
  }
  return best;
}
