// Reports and exchange formats: build a report model from the archive, render it (HTML, PDF,
// Markdown, CSV, ClaimReview), and move whole archives as versioned JSON.
export type { ReportModel, ReportClaim, ReportSource, ReportVerdict } from './model';
export { buildReportModel, MAX_REPORT_CLAIMS } from './build-model';
export { renderReportHtml, pdfFooterTemplate, REPORT_CSP } from './html';
export { renderMarkdown } from './markdown';
export { renderCsv } from './csv';
export { claimReviews, renderClaimReviewJson } from './claimreview';
export { exportArchiveJson, renderArchiveJson } from './archive-json';
export { parseArchiveJson, parseArchiveBytes, ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type ArchiveJson } from './archive-format';
export { ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
export { importArchiveJson, importArchiveDoc, type ArchiveImportResult } from './archive-import';
export { chromiumPdf, renderPdf, chromiumExecutable, type ChromiumPdfOptions } from './pdf';
export { exportArchive, exportReport, parseExportFormat, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportResult } from './export';
