// Names of the files a verifiable PDF report carries as attachments (bundle.ts writes them,
// verify.ts reads them, the report's text lists them). Plain data: html.ts stays pure.
export const BUNDLE_FORMAT = 'claimdesk-report-bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_FILES = {
  claimreview: 'claimreview.jsonld',
  sources: 'sources.json',
  history: 'verdict-history.json',
  manifest: 'manifest.json',
} as const;
