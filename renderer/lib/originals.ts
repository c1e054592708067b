// "Open original" and "Save original as…": the article's stored file in the system's viewer (a web
// page as a copy without its scripts), or saved where the researcher says. Each says what happened.
import { call, errorMessage } from './api';
import { ui } from './ui.svelte';

/** Opens the original; `page` is the PDF page the researcher is after, if known. */
export async function openOriginal(articleId: number, page: number | null = null): Promise<void> {
  try {
    const r = await call('originals.open', articleId, page);
    ui.toast(openedMessage(r));
  } catch (err) {
    ui.toast(`Could not open the original: ${errorMessage(err)}`, { tone: 'error', ms: 10_000 });
  }
}

export function openedMessage(r: { file: string; type: string; safeCopy: boolean; page: number | null }): string {
  if (r.safeCopy) return `Opened “${r.file}” in your browser: the saved page without its scripts or remote content.`;
  if (r.type === 'pdf')
    return r.page !== null
      ? `Opened “${r.file}” in your PDF viewer. Go to page ${r.page}: the viewer opens at the first page.`
      : `Opened “${r.file}” in your PDF viewer.`;
  return `Opened “${r.file}” in your system’s viewer.`;
}

export async function saveOriginal(articleId: number): Promise<void> {
  try {
    const r = await call('originals.save', articleId);
    if (r) ui.toast(`Saved the original to ${r.out}`);
  } catch (err) {
    ui.toast(`Could not save the original: ${errorMessage(err)}`, { tone: 'error', ms: 10_000 });
  }
}
