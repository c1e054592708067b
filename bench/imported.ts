// A benchmark that imports must have imported: figures measured while the imports failed (an
// archive the code can no longer write to, a broken parser) describe nothing, so the benchmark stops
// with the failures instead of printing them.
import type { ImportSummary } from '../shared/domain';

/** Throws, naming how many were imported and the first failures, unless every one of `expected` files was imported. */
export function requireAllImported(summary: Pick<ImportSummary, 'imported' | 'duplicates' | 'failed'>, expected: number): void {
  if (summary.failed.length === 0 && summary.imported === expected) return;
  const first = summary.failed
    .slice(0, 3)
    .map((f) => `  ${f.path}: ${f.error}`)
    .join('\n');
  const more = summary.failed.length > 3 ? `\n  … and ${summary.failed.length - 3} more` : '';
  throw new Error(
    `Imported ${summary.imported} of ${expected} articles (${summary.duplicates} duplicates, ${summary.failed.length} failed): ` +
      `the figures would not measure an import, so none are reported.${first ? `\n${first}${more}` : ''}`,
  );
}
