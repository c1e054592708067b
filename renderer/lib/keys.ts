// Keyboard helpers shared by the shell and the views.

/** True while the user types into a field: single-key shortcuts must not fire then. */
export function isTyping(e: Event): boolean {
  const t = e.target as HTMLElement | null;
  if (!t || typeof t.closest !== 'function') return false;
  return t.closest('input, textarea, select, [contenteditable="true"], [contenteditable=""]') !== null;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function hasMod(e: KeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey;
}

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** "Ctrl+K" or "⌘K" for display. */
export function shortcutLabel(keys: string): string {
  if (!isMac) return keys.replace(/Mod/g, 'Ctrl');
  return keys
    .replace(/Mod\+/g, '⌘')
    .replace(/Shift\+/g, '⇧')
    .replace(/Alt\+/g, '⌥');
}
