// Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) reorder the text that
// follows them, so "Kim <U+202E>gnoJ" can show as a different name or swallow a verdict beside it.
// User text is isolated where it is shown (<bdi>, unicode-bidi: isolate) and the controls are made
// visible where it cannot be isolated (terminals, Markdown).

/** The embedding, override, isolate and mark characters of the Unicode bidirectional algorithm. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const codePoint = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** Text with each bidi control shown as a visible `<U+202E>` (terminal output). */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `<U+${codePoint(c)}>`);
}

/** JSON text with each bidi control as a `\u202e` escape: the same data for any JSON reader. */
export function escapeBidiInJson(json: string): string {
  return json.replace(BIDI_CONTROLS, (c) => `\\u${codePoint(c).toLowerCase()}`);
}
