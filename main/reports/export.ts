// `claimdesk export`: the archive (or the claims a search finds) to a file in one of the exchange
// formats. Files are written atomically: a failed export leaves no file, or the previous one.
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import type { ReportSpec } from '../../shared/domain';
import { exportArchiveJson, renderArchiveJson } from '../archive/exchange/export';
import { buildReportModel, MAX_REPORT_CLAIMS } from './build-model';
import { bundleSources, finishReportPdf } from './bundle';
import { cslItemsOf, renderCitations } from './citations';
import { renderClaimReviewJson } from './claimreview';
import { renderCsv } from './csv';
import { pdfFooterTemplate, renderReportHtml } from './html';
import { renderMarkdown } from './markdown';
import type { ReportModel } from './model';
import { chromiumPdf } from './pdf';
import { writeFileAtomically } from './write';

import { EXPORT_FORMATS, isCitationFormat, type ExportFormat } from '../../shared/report-formats';

export { EXPORT_FORMATS, type ExportFormat };

/** Prints HTML to PDF (the app passes Electron's printToPDF; default: headless Chromium). */
export type PrintPdf = (html: string, opts: { footerTemplate?: string }) => Promise<Uint8Array>;

export interface ExportOptions {
  format: string;
  /** Full-text search limiting the export to matching claims. */
  search?: string;
  out: string;
  /** Report layout and cover text for pdf/html/md (and what csv/claimreview carry). */
  report?: Omit<ReportSpec, 'claimIds' | 'search' | 'collectionId' | 'entityId' | 'clusterOf'>;
  printPdf?: PrintPdf;
  chromiumPath?: string;
}

export interface ExportResult {
  out: string;
  format: ExportFormat;
  claims: number;
  bytes: number;
  /** For the citation formats: how many articles were cited. */
  articles?: number;
}

/** Exports far beyond a readable report's size are fine for data formats. */
const DATA_MAX_CLAIMS = 1_000_000;

export function parseExportFormat(format: string): ExportFormat {
  const f = format.trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new AppError('UNSUPPORTED_FORMAT', `Unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}.`);
}

export async function exportArchive(archive: Archive, opts: ExportOptions): Promise<ExportResult> {
  const format = parseExportFormat(opts.format);
  if (!opts.out?.trim()) throw new AppError('INVALID_ARGUMENT', 'Give the file to write (--out FILE).');
  const search = opts.search?.trim() || undefined;
  if (format === 'json') {
    const doc = exportArchiveJson(archive, { search });
    return write(opts.out, format, doc.claims.length, renderArchiveJson(doc));
  }
  const model = await buildReportModel(
    archive,
    {
      title: search ? `Claims matching “${search}”` : 'Claim review report',
      ...opts.report,
      search: search ? { search, sort: 'relevance' } : {},
    },
    { maxClaims: format === 'pdf' || format === 'html' ? MAX_REPORT_CLAIMS : DATA_MAX_CLAIMS },
  );
  return withArticles(await write(opts.out, format, model.claims.length, await render(format, model, opts, archive)), model);
}

/** A report chosen and laid out in the app's report builder, written in any format. */
export async function exportReport(
  archive: Archive,
  spec: ReportSpec,
  opts: Omit<ExportOptions, 'search' | 'report'>,
): Promise<ExportResult> {
  const format = parseExportFormat(opts.format);
  if (format === 'json') {
    const model = await buildReportModel(archive, spec, { maxClaims: DATA_MAX_CLAIMS });
    const doc = exportArchiveJson(archive, { claimIds: model.claims.map((c) => c.id) });
    return write(opts.out, format, doc.claims.length, renderArchiveJson(doc));
  }
  const model = await buildReportModel(archive, spec, {
    maxClaims: format === 'pdf' || format === 'html' ? MAX_REPORT_CLAIMS : DATA_MAX_CLAIMS,
  });
  return withArticles(await write(opts.out, format, model.claims.length, await render(format, model, opts, archive)), model);
}

async function render(
  format: Exclude<ExportFormat, 'json'>,
  model: ReportModel,
  opts: ExportOptions,
  archive: Archive,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'html':
      return renderReportHtml(model);
    case 'md':
      return renderMarkdown(model);
    case 'csv':
      return renderCsv(model);
    case 'claimreview':
      return renderClaimReviewJson(model);
    case 'csl-json':
    case 'bibtex':
    case 'ris':
      // The report's sources: every article a chosen claim, its "same" appearances or its evidence cites.
      return renderCitations(
        cslItemsOf(
          archive,
          model.sources.map((src) => src.articleId),
        ),
        format,
      );
    case 'pdf': {
      const html = renderReportHtml(model, { forPdf: true });
      const footerTemplate = pdfFooterTemplate(model.title);
      const printed = opts.printPdf
        ? await opts.printPdf(html, { footerTemplate })
        : (await chromiumPdf(html, { footerTemplate, chromiumPath: opts.chromiumPath })).pdf;
      // Both printers' bytes get the same metadata and, when verifiable, the attached bundle.
      return finishReportPdf(printed, model, model.verifiable ? bundleSources(archive, model) : null);
    }
  }
}

/** A citation export says how many articles it cites. */
function withArticles(result: ExportResult, model: ReportModel): ExportResult {
  return isCitationFormat(result.format) ? { ...result, articles: model.sources.length } : result;
}

async function write(out: string, format: ExportFormat, claims: number, content: string | Uint8Array): Promise<ExportResult> {
  await writeFileAtomically(out, content);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  return { out, format, claims, bytes };
}
