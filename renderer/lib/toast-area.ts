// Where the toasts stack: never over what the researcher is working in. With no dialog open they sit
// at the bottom left of the view (clear of the sidebar and of the import panel at the bottom right);
// with a dialog or drawer open, beside it on its widest free side (the shell behind is inert and
// dimmed), so they never cover its fields or its action row; when neither side has room, above it.

/** At most this many toasts show at once; older ones give way to new ones. */
export const MAX_TOASTS = 3;
const MARGIN = 16;
/** The narrowest a toast may be and still read (px). */
const MIN_WIDTH = 200;
const MAX_WIDTH = 440;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ToastArea {
  left: number;
  /** Distance from the window's top (a dialog too wide to sit beside) or bottom (otherwise). */
  top: number | null;
  bottom: number | null;
  maxWidth: number;
  /** How many toasts fit there. */
  count: number;
}

export function toastArea(view: { width: number; height: number }, sidebar: number, dialog: Box | null): ToastArea {
  if (!dialog) {
    const left = sidebar + MARGIN;
    return {
      left,
      top: null,
      bottom: MARGIN,
      maxWidth: Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, view.width - left - MARGIN)),
      count: MAX_TOASTS,
    };
  }
  const leftGap = dialog.left;
  const rightGap = view.width - dialog.right;
  const gap = Math.max(leftGap, rightGap);
  if (gap - 2 * MARGIN >= MIN_WIDTH) {
    const maxWidth = Math.min(MAX_WIDTH, gap - 2 * MARGIN);
    const left = leftGap >= rightGap ? MARGIN : dialog.right + MARGIN;
    return { left, top: null, bottom: MARGIN, maxWidth, count: MAX_TOASTS };
  }
  // Too wide to sit beside: one toast in the strip above it, as wide as the dialog.
  return {
    left: Math.max(MARGIN, dialog.left),
    top: Math.max(4, dialog.top - 52),
    bottom: null,
    maxWidth: Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, dialog.right - dialog.left)),
    count: 1,
  };
}
