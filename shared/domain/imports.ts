// Importing files: the summary and progress a user sees.
import { ArchiveImportResult, PendingMerge } from './merges';

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: { path: string; error: string }[];
  articleIds: number[];
  /** One per `.claimdesk` archive file imported (absent when there was none). */
  archives?: (ArchiveImportResult & { path: string })[];
  /** `.claimdesk` files opened from the file manager that wait for the user's yes before they merge. */
  pendingMerges?: PendingMerge[];
}
export interface ImportProgress {
  jobId: string;
  path: string;
  index: number;
  total: number;
  /** 'ocr': pages without a usable text layer are being read by OCR, `page` of `pages` done. */
  state: 'queued' | 'parsing' | 'ocr' | 'done' | 'duplicate' | 'failed' | 'cancelled';
  error?: string;
  articleId?: number;
  page?: number;
  pages?: number;
}
