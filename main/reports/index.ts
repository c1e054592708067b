// Reports: build a report model from the archive and render it (HTML, PDF, Markdown, CSV,
// ClaimReview). The `.claimdesk` archive file is the archive's own format (main/archive/exchange/);
// export.ts writes it for the `claimdesk export --format json` path.
export type { ReportModel, ReportClaim, ReportArticle, ReportVerdict } from './model';
export { buildReportModel, MAX_REPORT_CLAIMS } from './build-model';
export { renderReportHtml, pdfFooterTemplate, REPORT_CSP } from './html';
export { renderMarkdown } from './markdown';
export { renderCsv } from './csv';
export { claimReviews, renderClaimReviewJson } from './claimreview';
export { chromiumPdf, renderPdf, chromiumExecutable, type ChromiumPdfOptions } from './pdf';
export {
  exportArchive,
  exportReport,
  parseExportFormat,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './export';
