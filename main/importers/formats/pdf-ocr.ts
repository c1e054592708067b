// OCR for the pages of a PDF whose text layer is missing or junk (quality.ts): each such page is
// rendered with pdf.js onto its Node canvas (@napi-rs/canvas) at OCR_DPI and read by tesseract.js
// (ocr.ts). Pages are done one at a time, with a progress report before each; the pool restarts
// its time limit on every report and cancels by terminating the import worker (and with it the
// tesseract thread). At most maxOcrPages (a parse limit, OCR_MAX_PAGES by default) are OCR'd.
import { assessText } from '../quality';
import { createOcr, OCR_DPI, OCR_MAX_PAGES, type OcrEngine } from '../ocr';
import type { ParseProgress } from '../types';
import { joinLines } from './pdf-layout';

interface RenderablePage {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvasContext: unknown; viewport: unknown; canvas: unknown }): { promise: Promise<void> };
  getOperatorList(): Promise<{ fnArray: number[] }>;
  cleanup(): void;
}

interface CanvasLike {
  toBuffer(mime: 'image/png'): Uint8Array;
}

export interface OcrDocument {
  numPages: number;
  getPage(n: number): Promise<unknown>;
  canvasFactory: {
    create(w: number, h: number): { canvas: unknown; context: unknown };
    destroy(c: { canvas: unknown; context: unknown }): void;
  };
}

export interface PdfOcrResult {
  /** Page texts, OCR'd pages replaced. */
  pages: string[];
  /** 1-based numbers of the pages that were OCR'd. */
  ocrPages: number[];
  /** Pages that needed OCR beyond the cap. */
  skippedPages: number[];
}

const IMAGE_OPS = new Set([83, 85, 86]); // pdf.js OPS.paintImageMaskXObject, paintImageXObject, paintInlineImageXObject

async function paintsImage(page: RenderablePage): Promise<boolean> {
  const ops = await page.getOperatorList().catch(() => null);
  return !!ops?.fnArray.some((op) => IMAGE_OPS.has(op));
}

/**
 * Tesseract's output: lines within a block joined (hyphenation undone), blocks as paragraphs. A
 * block that ends mid-sentence and a next one that starts in lower case are one paragraph
 * (tesseract starts a new block after a short line).
 */
export function ocrParagraphs(raw: string): string {
  const blocks = raw
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .reduce((para, line) => (para ? joinLines(para, line) : line), ''),
    )
    .filter(Boolean);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const last = paragraphs.length - 1;
    if (last >= 0 && /[\p{L},;-]$/u.test(paragraphs[last]) && /^\p{Ll}/u.test(block)) paragraphs[last] = joinLines(paragraphs[last], block);
    else paragraphs.push(block);
  }
  return paragraphs.join('\n\n');
}

async function renderPng(doc: OcrDocument, page: RenderablePage): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale: OCR_DPI / 72 });
  const target = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    const ctx = target.context as { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
    ctx.fillStyle = '#ffffff'; // transparent pixels would read as black
    ctx.fillRect(0, 0, Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: target.context, viewport, canvas: target.canvas }).promise;
    return (target.canvas as CanvasLike).toBuffer('image/png');
  } finally {
    doc.canvasFactory.destroy(target);
  }
}

/** The pages to OCR: junk text, or no text on a page that paints an image (a scan). */
async function candidates(doc: OcrDocument, texts: string[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const verdict = assessText(texts[i]).verdict;
    if (verdict === 'junk') out.push(i + 1);
    else if (verdict === 'empty') {
      const page = (await doc.getPage(i + 1)) as RenderablePage;
      if (await paintsImage(page)) out.push(i + 1);
      page.cleanup();
    }
  }
  return out;
}

export interface OcrOptions {
  onProgress?: (p: ParseProgress) => void;
  /** Most pages OCR'd (the parse limit maxOcrPages); the rest are listed as skipped. */
  maxPages?: number;
  engine?: () => Promise<OcrEngine>;
}

export async function ocrPdfPages(
  doc: OcrDocument,
  texts: string[],
  { onProgress, maxPages = OCR_MAX_PAGES, engine = createOcr }: OcrOptions = {},
): Promise<PdfOcrResult> {
  const wanted = await candidates(doc, texts);
  const todo = wanted.slice(0, maxPages);
  const result: PdfOcrResult = { pages: [...texts], ocrPages: [], skippedPages: wanted.slice(maxPages) };
  if (todo.length === 0) return result;
  onProgress?.({ stage: 'ocr', page: 0, pages: todo.length });
  const ocr = await engine();
  try {
    for (const [i, n] of todo.entries()) {
      const page = (await doc.getPage(n)) as RenderablePage;
      const text = ocrParagraphs(await ocr.recognize(await renderPng(doc, page)));
      page.cleanup();
      result.pages[n - 1] = text;
      result.ocrPages.push(n);
      onProgress?.({ stage: 'ocr', page: i + 1, pages: todo.length });
    }
  } finally {
    await ocr.close().catch(() => {});
  }
  return result;
}
