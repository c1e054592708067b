// Text of a large word/document.xml without building a DOM. mammoth (xmldom) needs tens of bytes of
// heap per byte of XML, so a 12 MB body would exhaust the worker's memory; paragraphs and runs are
// simple enough to read with regular expressions. Entities: only XML's predefined and numeric
// ones exist here (a DTD is refused before this runs).

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Paragraph texts (w:p), with tabs and line breaks; deleted text (w:delText) is left out. */
export function docxBodyText(xml: string): string {
  const paragraphs: string[] = [];
  const paragraph = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
  const piece = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g;
  for (const p of xml.match(paragraph) ?? []) {
    let text = '';
    for (const m of p.matchAll(piece)) text += m[1] !== undefined ? decodeEntities(m[1]) : m[2] === 'tab' ? '\t' : '\n';
    if (text.trim()) paragraphs.push(text.trim());
  }
  return paragraphs.join('\n\n');
}
