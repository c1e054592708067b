// Where notifications stack: clear of the sidebar with no dialog open, beside an open drawer or
// dialog (never over its fields or its Save / Delete row), and above a dialog too wide for that.
import { describe, expect, it } from 'vitest';
import { MAX_TOASTS, toastArea } from '../../../renderer/lib/toast-area';

const view = { width: 1280, height: 820 };
const overlaps = (a: { left: number; right: number }, b: { left: number; right: number }) => a.left < b.right && b.left < a.right;

describe('toast area', () => {
  it('stacks up to three at the bottom left of the view, right of the sidebar', () => {
    expect(toastArea(view, 212, null)).toEqual({ left: 228, top: null, bottom: 16, maxWidth: 440, count: MAX_TOASTS });
    expect(MAX_TOASTS).toBe(3);
  });

  it('sits beside the claim editor’s drawer, not over it', () => {
    const drawer = { left: 640, top: 0, right: 1280, bottom: 820 };
    const a = toastArea(view, 212, drawer);
    expect(a).toMatchObject({ left: 16, bottom: 16, count: 3 });
    expect(overlaps({ left: a.left, right: a.left + a.maxWidth }, drawer)).toBe(false);
    // A narrower window still leaves a readable strip.
    const narrow = toastArea({ width: 1024, height: 700 }, 212, { left: 384, top: 0, right: 1024, bottom: 700 });
    expect(narrow.left + narrow.maxWidth).toBeLessThanOrEqual(384);
    expect(narrow.maxWidth).toBeGreaterThanOrEqual(200);
  });

  it('sits beside a centred dialog, or in one line above it when it is too wide for that', () => {
    const medium = { left: 340, top: 120, right: 940, bottom: 700 };
    const a = toastArea(view, 212, medium);
    expect(overlaps({ left: a.left, right: a.left + a.maxWidth }, medium)).toBe(false);
    const wide = { left: 60, top: 100, right: 1220, bottom: 760 };
    expect(toastArea(view, 212, wide)).toMatchObject({ top: 48, bottom: null, count: 1 });
  });
});
