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

/** Reports and exchange files of the chosen claims. */
export const REPORT_FORMATS = ['pdf', 'html', 'csv', 'json', 'md', 'claimreview'] as const;
/** Citations of the articles behind the chosen claims (a report's sources), for reference managers. */
export const CITATION_FORMATS = ['csl-json', 'bibtex', 'ris'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
export const EXPORT_FORMATS = [...REPORT_FORMATS, ...CITATION_FORMATS] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isCitationFormat = (f: string): f is CitationFormat => (CITATION_FORMATS as readonly string[]).includes(f);

/** CSL styles bundled with the app (offline): a formatted citation of a claim's source. */
export const CITATION_STYLES = [
  { key: 'apa', label: 'APA (7th edition)' },
  { key: 'harvard1', label: 'Harvard' },
  { key: 'vancouver', label: 'Vancouver' },
] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number]['key'];

export const FORMAT_FILES: Record<ExportFormat, { label: string; extension: string }> = {
  pdf: { label: 'PDF report', extension: 'pdf' },
  html: { label: 'HTML report', extension: 'html' },
  csv: { label: 'CSV table', extension: 'csv' },
  json: { label: 'Claimdesk archive', extension: 'claimdesk' },
  md: { label: 'Markdown', extension: 'md' },
  claimreview: { label: 'ClaimReview JSON-LD', extension: 'jsonld' },
  'csl-json': { label: 'Sources as CSL-JSON', extension: 'json' },
  bibtex: { label: 'Sources as BibTeX', extension: 'bib' },
  ris: { label: 'Sources as RIS', extension: 'ris' },
};
