// DOM -> readable text with paragraph breaks: block elements become blank-line separated
// paragraphs, <br> a line break, list items one per line; scripts, styles and forms are dropped.

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

/** Text of a DOM subtree with paragraphs separated by blank lines. */
export function domToText(node: unknown): string {
  const out: string[] = [];
  walk(node as MiniNode, out);
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/ {2,}/g, ' ')
    .trim();
}
