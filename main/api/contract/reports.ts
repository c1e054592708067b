// Reports: a live preview of the report being built, and exports of it in every format.
import { z } from 'zod';
import { method } from './define';
import { ReportSpec } from '../../../shared/domain';
import { EXPORT_FORMATS } from '../../../shared/report-formats';

export const ExportFormat = z.enum(EXPORT_FORMATS);

export const reportsContract = {
  /** The report's HTML (escaped, script-free) and how many claims it holds. */
  'reports.preview': method<{ html: string; claims: number }>()(z.tuple([ReportSpec])),
  /** Asks where to save, then writes the report; null when the user cancels. */
  'reports.export': method<{ out: string; format: string; claims: number; bytes: number } | null>()(z.tuple([ReportSpec, ExportFormat])),
} as const;
