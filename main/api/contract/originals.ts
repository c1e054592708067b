// The stored originals of imported articles: opened in the system's viewer, or saved elsewhere.
import { z } from 'zod';
import { method } from './define';
import { Id } from '../../../shared/domain';

/** A PDF page (1-based) the researcher is after. */
const Page = z.number().int().positive().max(100_000);

export const originalsContract = {
  /**
   * Opens the article's stored original in the system's viewer: a web page as a copy without its
   * scripts and remote content (safeCopy); `page` comes back for a PDF (the viewer cannot be told it).
   */
  'originals.open': method<{ file: string; type: string; safeCopy: boolean; page: number | null }>()(
    z.tuple([Id, Page.nullable().optional()]),
  ),
  /** The page of its article's original (a PDF) a claim's passage is on; null when the original has no pages. */
  'originals.claimPage': method<number | null>()(z.tuple([Id])),
  /** Asks where to save the article's stored original and writes its bytes there; null when cancelled. */
  'originals.save': method<{ out: string; bytes: number } | null>()(z.tuple([Id])),
} as const;
