// Windowing math for long fixed-height lists, shared by VirtualTable (the claims grid) and the
// library's article list: which rows to put in the DOM, and scrolling one into view.

/** Rows rendered beyond each edge of the viewport, so a scroll step shows rows already laid out. */
export const OVERSCAN = 8;

/** The rows [first, last) to render for a viewport scrolled to `scrollTop` and `height` px tall. */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, count: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return { first, last };
}

/** Scrolls `viewport` just enough to show row `index` whole below a sticky header `header` px tall. */
export function scrollRowIntoView(viewport: HTMLElement, index: number, rowHeight: number, header: number): void {
  const top = index * rowHeight;
  const visible = viewport.clientHeight - header;
  if (top < viewport.scrollTop) viewport.scrollTop = top;
  else if (top + rowHeight > viewport.scrollTop + visible) viewport.scrollTop = top + rowHeight - visible;
}
