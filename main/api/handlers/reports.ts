// Handlers of the report methods (main/api/contract/reports.ts).
import { AppError } from '../../../shared/errors';
import type { reportsContract } from '../contract/reports';
import type { HandlersOf, ServiceBase } from './types';
import { buildReportModel, exportReport, renderReportHtml } from '../../reports';
import { FORMAT_FILES } from '../../../shared/report-formats';
import { cslItemsOf, formatCitation } from '../../reports/citations';

export function reportsHandlers(s: ServiceBase<'archive' | 'options'>): HandlersOf<typeof reportsContract> {
  return {
    'reports.preview': async (spec) => {
      const model = await buildReportModel(s.archive, spec);
      return { html: renderReportHtml(model), claims: model.claims.length };
    },
    'reports.export': async (spec, format) => {
      if (!s.options.chooseSavePath)
        throw new AppError(
          'FORBIDDEN',
          'There is no save dialog without the app window: give the file to write (claimdesk export --format F --out FILE).',
        );
      const { label, extension } = FORMAT_FILES[format];
      const base = safeFileName(spec.title ?? 'Claim review report');
      const out = await s.options.chooseSavePath({
        defaultName: `${base}.${extension}`,
        filterName: label,
        extensions: [extension.split('.').pop()!],
      });
      if (!out) return null;
      return exportReport(s.archive, spec, { format, out, printPdf: s.options.printPdf });
    },
    'reports.citation': async (articleId, style) => {
      s.archive.articles.get(articleId); // a clear "does not exist" for a deleted or unknown article
      const [item] = cslItemsOf(s.archive, [articleId]);
      return { text: await formatCitation(item, style), key: item.id, style };
    },
  };
}

/** A report title as a file name: no path separators, reserved or control characters. */
function safeFileName(title: string): string {
  const cleaned = [...title].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch)).join('');
  return cleaned.replace(/\s+/g, ' ').trim().slice(0, 80) || 'report';
}
