// Page numbers for PDFs imported before they were kept (#19): such an article has no page starts, so
// its claims show no page. When the archive opens, the services read each one's stored original again
// in an import worker (as the importer would, without OCR) and, when the text it gives is the text
// the archive holds, keep where each page starts. An original that is missing, changed or unreadable,
// or a text that differs (read by OCR, or by an older importer), leaves the article as it was, with no
// error shown: its claims simply have no page, as before. An original read once whose text differs is
// remembered (page-numbers-tried.json beside the archive, by its SHA-256) and not read again at the
// next start — a scanned PDF read by OCR would otherwise be parsed for nothing every time.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createImportPool, type ImportPool } from '../importers/pool';
import type { AppServices } from './context';
import { readOriginal } from './originals';

type BackfillServices = Pick<AppServices, 'archive' | 'options'>;

/** This device's list of articles whose original was read and gave another text: article id → original's SHA-256. */
export const PAGE_BACKFILL_TRIED_FILE = 'page-numbers-tried.json';
type Tried = Record<string, string>;

async function readTried(file: string): Promise<Tried> {
  try {
    const json = JSON.parse(await readFile(file, 'utf8')) as { tried?: unknown };
    const tried = json.tried && typeof json.tried === 'object' ? (json.tried as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(tried).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {}; // none yet, or unreadable: every article is tried again, which is only slower
  }
}

async function writeTried(file: string, tried: Tried): Promise<void> {
  await writeFile(`${file}.tmp`, JSON.stringify({ tried }) + '\n', 'utf8');
  await rename(`${file}.tmp`, file);
}

export interface PageBackfill {
  /** Resolves when every such article has been tried (or the step was stopped). */
  done: Promise<{ filled: number; left: number }>;
  /** Stops after the article being read, and waits for that. */
  stop(): Promise<void>;
}

/** Starts the step in the background; nothing to do costs one query and no worker. */
export function backfillPageStarts(s: BackfillServices, log: (message: string) => void = () => {}): PageBackfill {
  let stopped = false;
  let pool: ImportPool | null = null;
  const run = async () => {
    let filled = 0;
    let left = 0;
    const candidates = s.archive.articles.withoutPageStarts();
    if (!candidates.length) return { filled, left };
    const triedFile = path.join(s.options.archiveDir, PAGE_BACKFILL_TRIED_FILE);
    const tried = await readTried(triedFile);
    const shaOf = (id: number) => s.archive.articles.get(id).source?.sha256;
    const ids = candidates.filter((id) => tried[id] !== shaOf(id));
    for (const id of ids) {
      if (stopped) break;
      pool ??= createImportPool({ concurrency: 1 });
      const result = await fill(s, pool, id);
      if (result === 'filled') filled++;
      else left++;
      if (result.startsWith('differs:')) {
        tried[id] = result.slice('differs:'.length);
        await writeTried(triedFile, tried).catch(() => {}); // not remembered: tried again next time
      }
    }
    if (ids.length)
      log(`Page numbers: ${filled} PDF article(s) now have them, ${left} left without (no readable original with the same text).`);
    return { filled, left };
  };
  const done = run()
    .catch((err: unknown) => {
      log(`Page numbers were not added to older PDF articles: ${err instanceof Error ? err.message : String(err)}`);
      return { filled: 0, left: 0 };
    })
    .finally(() => pool?.close());
  return {
    done,
    async stop() {
      stopped = true;
      pool?.cancelAll();
      await done;
    },
  };
}

/**
 * One article: 'filled' when its page starts were kept; 'differs:<sha256>' when its original was read
 * and gave no pages for this text (remembered); 'failed' when it could not be read this time.
 */
async function fill(s: BackfillServices, pool: ImportPool, articleId: number): Promise<'filled' | 'failed' | `differs:${string}`> {
  try {
    const { article, bytes } = await readOriginal(s, articleId);
    // Background work: no OCR, and a longer time limit than an import's (a busy machine is not a broken PDF).
    const parsed = await pool.parseBytes(article.source!.name || 'original.pdf', bytes, { maxOcrPages: 0, timeoutMs: 120_000 });
    if (parsed.kind !== 'article' || parsed.article.text !== article.text || !parsed.article.pageStarts?.length)
      return `differs:${article.source!.sha256}`;
    return (await s.archive.articles.setPageStarts(articleId, parsed.article.pageStarts)) ? 'filled' : 'failed';
  } catch {
    return 'failed'; // missing, changed or unreadable original; an article deleted meanwhile; the step stopped
  }
}
