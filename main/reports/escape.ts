// Escaping for the HTML report. Every value from the archive goes through one of these.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → HTML that shows it literally. */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Text with its line breaks kept as <br> (paragraph breaks as separate paragraphs are the caller's choice). */
export function escLines(value: string): string {
  return esc(value).replace(/\r?\n/g, '<br>');
}

/**
 * Text from the archive as element content: escaped and isolated in <bdi>, so bidi controls in it
 * (a claimant "Kim <U+202E>gnoJ") cannot reorder the report text around it. Empty stays empty.
 */
export function escUser(value: string | number | null | undefined): string {
  const html = esc(value);
  return html ? `<bdi>${html}</bdi>` : '';
}

/** escUser keeping line breaks as <br>. */
export function escUserLines(value: string): string {
  const html = escLines(value);
  return html ? `<bdi>${html}</bdi>` : '';
}

/** Splits text on blank lines into escaped, isolated <p> paragraphs. */
export function paragraphs(value: string): string {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escUserLines(p)}</p>`)
    .join('\n');
}

/**
 * JSON inside <script type="application/ld+json">: "<", ">" and "&" as \u escapes so no value can
 * close the element or open a comment; U+2028/2029 too, for old JSON-as-JS readers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An id usable in HTML id/href="#..." from any label. */
export function anchorId(prefix: string, key: string | number): string {
  return `${prefix}-${String(key).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** 2024-10-25 → 25 October 2024; anything unparseable is shown as it is. */
export function formatDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const OWN_OPENING_MARK = /^["“”„«»‹›'‘’‚「『]/;

/**
 * Typographic quote marks around a quotation, unless it opens with its own (a quote taken with its
 * marks, `"It is legal," he said`, would otherwise read “"It is legal," he said”).
 */
export function quoteMarks(text: string): string {
  const t = text.trim();
  return OWN_OPENING_MARK.test(t) ? t : `“${t}”`;
}
