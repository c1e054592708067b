// PDF articles via pdf.js (legacy build for Node, eval disabled). Text comes back as positioned
// runs; they are joined into lines by baseline and into paragraphs by vertical gaps. Pages whose
// text is missing (scans) or junk (fonts without a text mapping) are OCR'd (pdf-ocr.ts); the result
// is judged by the text quality gate (quality.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ParsedArticle, ParseProgress } from '../types';
import { AppError } from '../../../shared/errors';
import { agencyNamed, detectWireAgency } from '../meta/agencies';
import { cleanByline } from '../meta/byline';
import { normaliseDate } from '../meta/dates';
import { deriveTitle } from '../meta/title';
import { detectLanguage, normaliseLanguage } from '../meta/language';
import { layoutPage, type PageLines, type TextRun } from './pdf-layout';
import { ocrPdfPages, type OcrDocument } from './pdf-ocr';
import { judgeArticleText } from '../quality';
import { OCR_MAX_PAGES } from '../ocr';

const MAX_PAGES = 2_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(sub: string): string {
  const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return join(dirname(pkg), sub) + '/';
}

function pdfError(err: unknown): AppError {
  const name = (err as { name?: string } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new AppError('PARSE_FAILED', 'PDF is password-protected');
  return new AppError('PARSE_FAILED', `PDF is damaged: ${message || name || 'unreadable'}`);
}

interface PdfInfo {
  Title?: string;
  Author?: string;
  CreationDate?: string;
  ModDate?: string;
  Language?: string;
  Subject?: string;
}

/** Producer boilerplate ("Microsoft Word - draft.docx", "untitled") is not a title. */
function usefulTitle(t: string | undefined): string | null {
  const v = t?.replace(/\s+/g, ' ').trim();
  if (!v || /^(untitled|microsoft word - |document\d*$|doc\d*$)/i.test(v) || /\.(docx?|pdf|tex|dvi|indd|qxd)$/i.test(v)) return null;
  if (!v.includes(' ') || v.includes('_')) return null; // file or job names, not titles
  return v;
}

/** Authoring tools leave junk such as "ARRAY(0x2c7cf020)" or account names in the Author field. */
function usefulAuthor(a: string | undefined): string | null {
  const v = a?.replace(/\s+/g, ' ').trim();
  if (!v || !/\p{L}/u.test(v) || /^ARRAY\(0x/i.test(v)) return null;
  return cleanByline(v, { rejectAccounts: true });
}

function pdfDate(pdfjs: PdfJs, raw: string | undefined): string | null {
  if (!raw) return null;
  const d = pdfjs.PDFDateString.toDateObject(raw);
  return d && !Number.isNaN(d.getTime()) ? normaliseDate(d.toISOString().slice(0, 10)) : null;
}

/** The first-page line in the largest type, if it stands out as a heading. */
function headingOf(first: PageLines | undefined): string | null {
  if (!first || first.lines.length === 0) return null;
  const top = first.lines.slice(0, 15).filter((l) => /\p{L}{2}/u.test(l.text) && l.text.length <= 200);
  const biggest = top.reduce((a, b) => (b.size > a.size ? b : a), top[0] ?? first.lines[0]);
  if (!biggest || biggest.size < first.medianSize * 1.3) return null;
  // A heading set on two or three lines: take the lines right after it in the same type size too.
  const parts = [biggest.text.trim()];
  for (const l of first.lines.slice(first.lines.indexOf(biggest) + 1, first.lines.indexOf(biggest) + 3)) {
    if (Math.abs(l.size - biggest.size) >= biggest.size * 0.1) break;
    parts.push(l.text.trim());
  }
  return parts.join(' ').slice(0, 300);
}

/**
 * The pages' texts as one text, paragraphs apart (as before pages were kept), and where each page
 * starts in it. A page without text starts where the next page's text does, so starts never
 * decrease and every offset maps to the page its character is on.
 */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  let joined = '';
  const starts: number[] = [];
  for (const page of pages) {
    if (page && joined) joined += '\n\n';
    starts.push(joined.length);
    joined += page;
  }
  const text = joined.trim();
  const lead = joined.length - joined.trimStart().length;
  return { text, pageStarts: starts.map((s) => Math.min(Math.max(0, s - lead), text.length)) };
}

async function readPages(doc: {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
}): Promise<PageLines[]> {
  const pages: PageLines[] = [];
  for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(layoutPage(content.items.filter((i): i is TextRun => typeof (i as TextRun).str === 'string')));
    page.cleanup();
  }
  return pages;
}

export async function parsePdfArticle(
  bytes: Uint8Array,
  onProgress?: (p: ParseProgress) => void,
  maxOcrPages = OCR_MAX_PAGES,
): Promise<ParsedArticle> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js transfers (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: assetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetDir('standard_fonts'),
  });
  try {
    const doc = await task.promise.catch((err: unknown) => Promise.reject(pdfError(err)));
    if (doc.numPages < 1) throw new AppError('PARSE_FAILED', 'PDF is damaged: it has no pages');
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as PdfInfo;
    const pages = await readPages(doc).catch((err: unknown) => Promise.reject(err instanceof AppError ? err : pdfError(err)));
    const ocr = await ocrPdfPages(
      doc as unknown as OcrDocument,
      pages.map((p) => p.text),
      { onProgress, maxPages: maxOcrPages },
    );
    const { text, pageStarts } = joinPages(ocr.pages);
    if (!/\p{L}/u.test(text)) {
      throw new AppError(
        'PARSE_FAILED',
        ocr.ocrPages.length ? 'PDF has no text layer and OCR found no text in it' : 'PDF has no text layer',
      );
    }
    const author = usefulAuthor(info.Author);
    const quality = judgeArticleText(text, { ...ocr, maxPages: maxOcrPages });
    const heading = ocr.ocrPages.includes(1) ? null : headingOf(pages[0]);
    return {
      ...quality,
      title: usefulTitle(info.Title) ?? heading ?? deriveTitle(text),
      outlet: null,
      author,
      published: pdfDate(pdfjs, info.CreationDate) ?? pdfDate(pdfjs, info.ModDate),
      url: null,
      language: normaliseLanguage(info.Language) ?? detectLanguage(text),
      wireAgency: agencyNamed(author) ?? detectWireAgency(text),
      text,
      pageStarts,
    };
  } finally {
    await task.destroy().catch(() => {});
  }
}
