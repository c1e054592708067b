// Report vocabularies and export formats as plain data. Kept free of zod and Node imports: the
// renderer imports these values (main/api/contract/reports.ts builds its schemas from them).

/** Parts of each claim a report shows (the statement always shows). */
export const REPORT_FIELDS = [
  'quote',
  'claimant',
  'attribution',
  'date',
  'verdict',
  'verdictNote',
  'evidence',
  'sources',
  'entities',
  'tags',
  'status',
  'notes',
] as const;
export const DEFAULT_REPORT_FIELDS: (typeof REPORT_FIELDS)[number][] = [
  'quote',
  'claimant',
  'attribution',
  'date',
  'verdict',
  'verdictNote',
  'evidence',
  'sources',
];
export const REPORT_GROUPINGS = ['verdict', 'claimant', 'entity', 'article', 'none'] as const;
export const REPORT_SORTS = ['date', 'verdict', 'claimant', 'article', 'selection'] as const;

export const EXPORT_FORMATS = ['pdf', 'html', 'csv', 'json', 'md', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_FILES: Record<ExportFormat, { label: string; extension: string }> = {
  pdf: { label: 'PDF report', extension: 'pdf' },
  html: { label: 'HTML report', extension: 'html' },
  csv: { label: 'CSV table', extension: 'csv' },
  json: { label: 'Claimdesk archive', extension: 'claimdesk' },
  md: { label: 'Markdown', extension: 'md' },
  claimreview: { label: 'ClaimReview JSON-LD', extension: 'jsonld' },
};
