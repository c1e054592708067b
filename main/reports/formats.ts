// The export formats, and how each is offered in a save dialog. Kept free of Node imports: the
// contract (and so the renderer's types) depends on it.
export const EXPORT_FORMATS = ['pdf', 'html', 'csv', 'json', 'md', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_FILES: Record<ExportFormat, { label: string; extension: string }> = {
  pdf: { label: 'PDF report', extension: 'pdf' },
  html: { label: 'HTML report', extension: 'html' },
  csv: { label: 'CSV table', extension: 'csv' },
  json: { label: 'Claimdesk archive (JSON)', extension: 'claimdesk.json' },
  md: { label: 'Markdown', extension: 'md' },
  claimreview: { label: 'ClaimReview JSON-LD', extension: 'jsonld' },
};
