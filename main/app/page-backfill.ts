// Page numbers for PDFs imported before they were kept (#19): such an article has no page starts, so
// its claims show no page. When the archive opens, the services read each one's stored original again
// in an import worker (as the importer would, without OCR) and, when the text it gives is the text
// the archive holds, keep where each page starts. An original that is missing, changed or unreadable,
// or a text that differs (read by OCR, or by an older importer), leaves the article as it was, with no
// error shown: its claims simply have no page, as before.
import { createImportPool, type ImportPool } from '../importers/pool';
import type { AppServices } from './context';
import { readOriginal } from './originals';

type BackfillServices = Pick<AppServices, 'archive' | 'options'>;

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
    const ids = s.archive.articles.withoutPageStarts();
    for (const id of ids) {
      if (stopped) break;
      pool ??= createImportPool({ concurrency: 1 });
      if (await fill(s, pool, id)) filled++;
      else left++;
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

/** One article: true when its page starts were kept. */
async function fill(s: BackfillServices, pool: ImportPool, articleId: number): Promise<boolean> {
  try {
    const { article, bytes } = await readOriginal(s, articleId);
    // Background work: no OCR, and a longer time limit than an import's (a busy machine is not a broken PDF).
    const parsed = await pool.parseBytes(article.source!.name || 'original.pdf', bytes, { maxOcrPages: 0, timeoutMs: 120_000 });
    if (parsed.kind !== 'article' || parsed.article.text !== article.text || !parsed.article.pageStarts?.length) return false;
    return await s.archive.articles.setPageStarts(articleId, parsed.article.pageStarts);
  } catch {
    return false; // missing, changed or unreadable original; an article deleted meanwhile; the step stopped
  }
}
