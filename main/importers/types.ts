// What the importers hand back: an article (plus where it came from) or a list of claims.
import type { z } from 'zod';
import type { NewClaim, TextQuality } from '../../shared/domain';
import { OCR_MAX_PAGES } from './ocr';

export interface ParsedArticle {
  title: string;
  outlet: string | null;
  author: string | null;
  /** ISO yyyy-mm-dd, or a full ISO timestamp when the source gives one. */
  published: string | null;
  url: string | null;
  language: string | null;
  wireAgency: string | null;
  text: string;
  /** 'ok' (as extracted), 'ocr' (some pages read by OCR) or 'unreadable' (junk: no suggestions). */
  textQuality?: TextQuality;
  /** What the reader is told about the text's quality (OCR used, pages skipped, unreadable). */
  textWarning?: string | null;
  /** PDFs: where each page starts in `text` (see Article.pageStarts). */
  pageStarts?: number[];
}

/** Reported by the worker while a file is parsed (OCR page by page). */
export interface ParseProgress {
  stage: 'ocr';
  /** Pages done so far, of `pages`. */
  page: number;
  pages: number;
}

export interface ParsedSource {
  sha256: string;
  name: string;
  /** Lower-case extension without the dot ("html", "pdf"...). */
  type: string;
  size: number;
}

export type ParsedClaim = z.input<typeof NewClaim>;

export type ParsedFile =
  { kind: 'article'; article: ParsedArticle; source: ParsedSource } | { kind: 'claims'; claims: ParsedClaim[]; source: ParsedSource };

/** Parsed content before the source description is attached. */
export type ParsedContent = { kind: 'article'; article: ParsedArticle } | { kind: 'claims'; claims: ParsedClaim[] };

export interface ParseLimits {
  /** Per-file time limit in the worker; the worker is terminated when it is exceeded. */
  timeoutMs: number;
  /** Largest input file accepted. */
  maxBytes: number;
  /** Largest total a DOCX (zip) may expand to. */
  maxUnzippedBytes: number;
  /** V8 old-generation limit of each parsing worker. */
  maxMemoryMb: number;
  /** Most pages of one PDF read by OCR; the rest are named as skipped in the text warning. */
  maxOcrPages: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  timeoutMs: 20_000,
  maxBytes: 100 * 1024 * 1024,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxMemoryMb: 512,
  maxOcrPages: OCR_MAX_PAGES,
};

/**
 * Time limit while the worker reports progress (OCR): each report restarts the limit at this or
 * `timeoutMs`, whichever is longer, since one page takes seconds of CPU.
 */
export const PROGRESS_TIMEOUT_MS = 90_000;

export type ParseOptions = Partial<ParseLimits> & { signal?: AbortSignal; onProgress?: (p: ParseProgress) => void };

export const ARTICLE_EXTENSIONS = ['html', 'htm', 'xhtml', 'mhtml', 'mht', 'pdf', 'docx', 'txt', 'md', 'markdown'] as const;
export const CLAIM_LIST_EXTENSIONS = ['csv', 'tsv', 'json', 'jsonld'] as const;
export const SUPPORTED_EXTENSIONS: readonly string[] = [...ARTICLE_EXTENSIONS, ...CLAIM_LIST_EXTENSIONS];
