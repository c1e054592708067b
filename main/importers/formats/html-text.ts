// DOM -> readable text with paragraph breaks: block elements become blank-line separated
// paragraphs, <br> a line break, list items one per line; scripts, styles and forms are dropped.
// Page furniture is not article text: captions and credits, newsletter and related-link blocks are
// removed from the page before reading (stripFurniture), and leftover furniture lines after it.

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'hr',
  'address',
  'details',
  'summary',
  'center',
]);
const LINE_BLOCKS = new Set(['li', 'dt', 'dd', 'caption']);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'form',
  'button',
  'select',
  'textarea',
  'head',
]);

interface MiniNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MiniNode>;
}

function walk(node: MiniNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/[ \t\r\n\f]+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toLowerCase();
  if (SKIP.has(tag)) return;
  if (tag === 'br') return void out.push('\n');
  if (tag === 'pre') return void out.push('\n\n', node.textContent ?? '', '\n\n');
  const isBlock = BLOCKS.has(tag);
  const isLine = LINE_BLOCKS.has(tag);
  if (isBlock) out.push('\n\n');
  else if (isLine) out.push('\n');
  if (tag === 'td' || tag === 'th') out.push(' ');
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i], out);
  if (isBlock) out.push('\n\n');
  else if (isLine) out.push('\n');
}

// Elements that hold captions, credits or promotions rather than the story (by tag, class or id).
const FURNITURE_SELECTOR = [
  'figcaption',
  '[class*="caption" i]',
  '[class*="credit" i]',
  '[class*="newsletter" i]',
  '[class*="subscribe" i]',
  '[class*="related" i]',
  '[class*="promo" i]',
  '[class~="share" i]',
  '[class~="toc" i]',
  '[id*="caption" i]',
  '[id*="newsletter" i]',
  '[id*="related" i]',
  '[id="toc" i]',
].join(', ');
/** Furniture elements are small; a large match ("related-content" around the story) is kept. */
const MAX_FURNITURE_CHARS = 1_500;

/** The article's byline: Readability reads the author from it, so a credit block holding it stays. */
const AUTHOR_SELECTOR = '[class*="byline" i], [class*="author" i], [rel="author"], [itemprop="author"]';

interface FurnitureElement {
  textContent: string | null;
  remove(): void;
  matches(selector: string): boolean;
  querySelector(selector: string): unknown;
}

/** Removes captions, credits and promotional blocks from a parsed page before it is read. */
export function stripFurniture(document: unknown): void {
  const found = Array.from((document as { querySelectorAll(s: string): ArrayLike<FurnitureElement> }).querySelectorAll(FURNITURE_SELECTOR));
  for (const el of found) {
    const holdsAuthor = !el.matches('figcaption') && (el.matches(AUTHOR_SELECTOR) || el.querySelector(AUTHOR_SELECTOR) !== null);
    if (!holdsAuthor && (el.textContent ?? '').length <= MAX_FURNITURE_CHARS) el.remove();
  }
}

// Whole lines that are page furniture: labels, picture credits, bylines, "reported from" credit lines.
const FURNITURE_LINES = [
  /^(?:photo|photos|video|image|images|graphic|advertisement|contributed|getty images|continue reading(?: the main story)?|read more|related(?: articles| stories| coverage)?|share(?: this)?(?: article| story)?|listen(?: to this article)?|comments?)\W*$/i,
  /^(?:source|credit|photo|image|picture|foto|bild|crédit)s?\s*:\s*.{1,80}$/i,
  /^(?:by|von|par|por)\s+[A-Z][\p{L}.'’-]+(?:\s+(?:and\s+)?[A-Z][\p{L}.'’-]+){0,5}(?:,\s*[^.]{0,50})?$/u,
  /^(?:[A-Z][\p{L}.'’-]+\s+){1,4}(?:reported|contributed reporting|contributed)\s+(?:from|to this report)\b.{0,120}$/u,
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b[^()]{0,200}\)?\.?$/i,
  /^(?:©|copyright\b).{0,150}$|\ball rights reserved\W*$/i,
  /^.{0,100}(?:\/|\bvia\s+|\bfor\s+)(?:getty images|afp|reuters|ap|epa|shutterstock|the new york times)\W*$/i,
];
const PROMOTION_RE = /^(?:sign up|subscribe|get our|join our)\b|\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|inbox|e-?mail)/i;

function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 300) return false;
  return FURNITURE_LINES.some((re) => re.test(t)) || (t.length < 200 && PROMOTION_RE.test(t));
}

/** Text of a DOM subtree with paragraphs separated by blank lines, without furniture lines. */
export function domToText(node: unknown): string {
  const out: string[] = [];
  walk(node as MiniNode, out);
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .split('\n')
    .filter((line) => !isFurnitureLine(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
