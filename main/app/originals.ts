// The stored original of an article, opened in the system's viewer or saved where the user says.
// Claimdesk keeps every imported file as it was (main/archive/originals.ts). To open one, this writes
// a copy into the session's folder for files handed to other programs (`openDir`, made by the shell)
// and asks the window's side to open it (`openFile`: Electron's shell.openPath, which refuses any
// path outside that folder). A saved web page is never handed over as stored: a browser would run
// its scripts from a local file, so it gets a safe copy (html-safe-copy.ts). A PDF viewer opened on
// a file cannot be told a page (only a URL's #page=N can, and the system opener drops it), so the
// page is returned for the window to say instead.
import fs from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { pageAt, type Article } from '../../shared/domain';
import { isWebPage, safeHtmlCopy, webPageHtml } from '../importers/formats/html-safe-copy';
import type { AppServices } from './context';

export interface OpenedOriginal {
  /** The name of the file the viewer shows. */
  file: string;
  /** The stored original's extension ("pdf", "html"…). */
  type: string;
  /** True when a safe copy was opened (a web page without its scripts), not the stored bytes. */
  safeCopy: boolean;
  /** The PDF page the passage is on, to tell the user: the viewer opens at its first page. */
  page: number | null;
}

export interface SavedOriginal {
  out: string;
  bytes: number;
}

type OriginalServices = Pick<AppServices, 'archive' | 'options'>;

const EXT = /^[a-z0-9]{1,12}$/;

/**
 * The page of the original a claim's passage is on: from where each page starts in its article's
 * text (kept at import for PDFs). Null for a claim typed in, without a passage, or from a file
 * without pages.
 */
export function claimPage(s: Pick<AppServices, 'archive'>, claimId: number): number | null {
  const claim = s.archive.claims.get(claimId);
  if (claim.articleId === null || claim.start === null) return null;
  return pageAt(s.archive.articles.get(claim.articleId).pageStarts, claim.start);
}

/** The article's stored original: its record and its bytes, checked against the hash taken at import. */
export async function readOriginal(s: OriginalServices, articleId: number): Promise<{ article: Article; bytes: Uint8Array }> {
  const article = s.archive.articles.get(articleId);
  const source = article.source;
  if (!source)
    throw new AppError(
      'NOT_FOUND',
      `“${article.title || 'Untitled article'}” was not imported from a file, so there is no original to open.`,
    );
  const stored = s.archive.originals.path(source.sha256);
  if (!stored)
    throw new AppError(
      'NOT_FOUND',
      `The original file “${source.name}” is not in this archive (an archive file merged without its originals keeps only the text).`,
    );
  const bytes = new Uint8Array(await fs.readFile(stored));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== source.sha256)
    throw new AppError(
      'IO',
      `The stored copy of “${source.name}” has changed since it was imported (its SHA-256 differs): it is not opened.`,
    );
  return { article, bytes };
}

/**
 * Opens the article's original in the system's viewer (a web page as a safe copy); `page` is the
 * PDF page the researcher is after, if known.
 */
export async function openOriginal(s: OriginalServices, articleId: number, page: number | null = null): Promise<OpenedOriginal> {
  const { openDir, openFile } = s.options;
  if (!openDir || !openFile)
    throw new AppError('FORBIDDEN', 'Only the Claimdesk window can open an original in another program (use “Save original as…” instead).');
  const { article, bytes } = await readOriginal(s, articleId);
  const source = article.source!;
  const type = extensionOf(source.type);
  const safeCopy = isWebPage(type);
  const base = fileBase(source.name, type);
  const file = safeCopy ? `${base} (safe copy).html` : `${base}.${type}`;
  const content = safeCopy
    ? new TextEncoder().encode(
        safeHtmlCopy(
          webPageHtml(bytes, type, source.name),
          `A copy of “${source.name}” made by Claimdesk: scripts, frames and remote content are removed (the stored original is unchanged).`,
        ),
      )
    : bytes;
  // One folder per original, so two originals with the same name never overwrite each other.
  const dir = path.join(openDir, source.sha256.slice(0, 16));
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, file);
  // Opened again: the viewer may still hold the copy open (Windows locks it), so an identical copy stays.
  const existing = await fs.readFile(target).catch(() => null);
  if (!existing || Buffer.compare(existing, content) !== 0) await fs.writeFile(target, content, { mode: 0o600 });
  await openFile(target);
  return { file, type, safeCopy, page: type === 'pdf' && page !== null ? page : null };
}

/** Asks where to save the article's original and writes its stored bytes there; null when cancelled. */
export async function saveOriginal(s: OriginalServices, articleId: number): Promise<SavedOriginal | null> {
  const choose = s.options.chooseSavePath;
  if (!choose)
    throw new AppError(
      'FORBIDDEN',
      'There is no save dialog without the app window: the originals are in the archive folder’s originals/.',
    );
  const article = s.archive.articles.get(articleId);
  if (!article.source) await readOriginal(s, articleId); // says why there is none
  const type = extensionOf(article.source!.type);
  const out = await choose({
    defaultName: `${fileBase(article.source!.name, type)}.${type}`,
    filterName: `${type.toUpperCase()} file`,
    extensions: [type],
  });
  if (!out) return null;
  const { bytes } = await readOriginal(s, articleId);
  await fs.writeFile(out, bytes);
  return { out, bytes: bytes.length };
}

function extensionOf(type: string): string {
  const t = type.replace(/^\./, '').toLowerCase();
  if (!EXT.test(t)) throw new AppError('INVALID_ARGUMENT', `The original's type “${type.slice(0, 40)}” is not a file extension.`);
  return t;
}

/** The original's name without its extension, safe as a file name on every system. */
export function fileBase(name: string, type: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const bare = last.toLowerCase().endsWith(`.${type}`) ? last.slice(0, -(type.length + 1)) : last.replace(/\.[^.]*$/, '');
  const cleaned = [...bare]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return cleaned || 'original';
}
