// PDF page numbers: which page of the original a passage lies on. Kept free of zod and other
// runtime imports so the renderer can call it (the renderer bundle must stay free of zod's
// `new Function`, which the CSP forbids; tests/unit/security/source-audit.test.ts checks).

/**
 * The page (from 1) of the original on which the passage starting at `offset` lies, or null when the
 * article has no pages (not a PDF, or imported before pages were kept) or the claim has no passage.
 */
export function pageAt(pageStarts: readonly number[] | undefined, offset: number | null | undefined): number | null {
  if (!pageStarts || pageStarts.length === 0 || offset == null || offset < 0) return null;
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
