// Positioned text runs of one PDF page -> lines (same baseline) -> paragraphs (vertical gaps,
// column jumps). Hyphenated line ends are joined back ("inter-\nnational" -> "international").

export interface TextRun {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  text: string;
  y: number;
  x: number;
  size: number;
}

export interface PageLines {
  lines: Line[];
  medianSize: number;
  text: string;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)];
}

const median = (values: number[]) => quantile(values, 0.5);

function toLines(runs: TextRun[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let lastEnd = 0;
  for (const run of runs) {
    const [, , , scaleY, x, y] = run.transform;
    const size = Math.abs(run.height || scaleY) || 1;
    const sameLine = cur && Math.abs(y - cur.y) < Math.max(size, cur.size) * 0.5;
    if (!cur || !sameLine) {
      if (cur && cur.text.trim()) lines.push(cur);
      cur = { text: '', y, x, size };
    } else if (x - lastEnd > size * 0.15 && !/\s$/.test(cur.text) && !/^\s/.test(run.str)) {
      cur.text += ' ';
    }
    cur.text += run.str;
    cur.size = Math.max(cur.size, run.str.trim() ? size : 0);
    lastEnd = x + run.width;
    if (run.hasEOL) {
      if (cur.text.trim()) lines.push(cur);
      cur = null;
    }
  }
  if (cur && cur.text.trim()) lines.push(cur);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() }));
}

/** Joins two lines of a paragraph, undoing a line-end hyphenation ("inter-" + "national"). */
export function joinLines(a: string, b: string): string {
  if (/\p{Ll}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

export function layoutPage(runs: TextRun[]): PageLines {
  const lines = toLines(runs);
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i].y - l.y)
    .filter((g) => g > 0);
  // The usual line spacing: a low quantile, since paragraph and heading gaps only ever add space.
  const lineGap = quantile(gaps, 0.25) || 12;
  const medianSize = median(lines.map((l) => l.size));
  const paragraphs: string[] = [];
  let para = '';
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    const breakHere = !prev || gap > lineGap * 1.45 || gap < -lineGap || Math.abs(line.size - prev.size) > medianSize * 0.25;
    if (breakHere && para) {
      paragraphs.push(para);
      para = '';
    }
    para = para ? joinLines(para, line.text) : line.text;
  });
  if (para) paragraphs.push(para);
  return { lines, medianSize, text: paragraphs.join('\n\n') };
}
