// Reports: a live preview of the report being built, and exports of it in every format.
import { z } from 'zod';
import { method } from './define';
import { Id, ReportSpec } from '../../../shared/domain';
import { CITATION_STYLES, EXPORT_FORMATS, type CitationStyle } from '../../../shared/report-formats';

export const ExportFormat = z.enum(EXPORT_FORMATS);
export const CitationStyleKey = z.enum(CITATION_STYLES.map((s) => s.key) as [CitationStyle, ...CitationStyle[]]);

export const reportsContract = {
  /** The report's HTML (escaped, script-free) and how many claims it holds. */
  'reports.preview': method<{ html: string; claims: number }>()(z.tuple([ReportSpec])),
  /** Asks where to save, then writes the report; null when the user cancels. */
  'reports.export': method<{ out: string; format: string; claims: number; bytes: number; articles?: number } | null>()(
    z.tuple([ReportSpec, ExportFormat]),
  ),
  /** An article as a formatted reference in a bundled CSL style, with its citation key. */
  'reports.citation': method<{ text: string; key: string; style: CitationStyle }>()(z.tuple([Id, CitationStyleKey])),
} as const;
