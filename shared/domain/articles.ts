// Articles: the record, its source file, inputs, patches and queries.
import { z } from 'zod';
import * as L from '../limits';
import { Id } from './core';
import { IsoDate, LongText, ShortText } from './text';

export interface SourceFile {
  sha256: string;
  name: string;
  type: string;
  size: number;
}
export interface Article {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  wireAgency: string | null;
  source: SourceFile | null;
  text: string;
  importedAt: string;
  /** Id of an article this one re-publishes (same wire copy), if detected. */
  duplicateOf: number | null;
  /**
   * 'ocr': some pages were read by OCR; 'unreadable': the text is junk (no suggestions were made).
   * Always set by the archive; optional for records from archive files written before version 5.
   */
  textQuality?: TextQuality;
  /** What the reader shows about the text's quality, if anything. */
  textWarning?: string | null;
  /**
   * Where each page of the original starts in `text` (offsets, never decreasing, the first 0): PDFs only,
   * [] otherwise. Optional for records from archive files written before version 7.
   */
  pageStarts?: number[];
  /** The researcher's notes and tags on the article (since version 7; optional for older files). */
  notes?: string;
  tags?: string[];
}
export const TextQuality = z.enum(['ok', 'ocr', 'unreadable']);
/** An article's page start offsets: never decreasing (a page without text shares the next one's start). */
export const PageStarts = z
  .array(z.number().int().nonnegative().max(L.MAX_ARTICLE_TEXT_CHARS))
  .max(L.MAX_ARTICLE_PAGES)
  .refine((a) => a.every((v, i) => i === 0 || v >= a[i - 1]), 'page starts must not decrease');

/** An article's tags: each once (the first spelling kept), trimmed, none empty. */
export const ArticleTags = z
  .array(z.string().max(L.MAX_TAG_CHARS))
  .max(L.MAX_TAGS_PER_CLAIM)
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.map((t) => t.trim()).filter((t) => t !== '' && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  });
export const ArticleNotes = z.string().max(L.MAX_CLAIM_NOTES_CHARS);

// pageAt lives in shared/pages.ts (no zod there, so the renderer can use it without bundling zod).
export { pageAt } from '../pages';
export type TextQuality = z.infer<typeof TextQuality>;
export interface ArticleSummary extends Omit<Article, 'text'> {
  claimCount: number;
  /** Claim counts keyed by verdict key; unrated claims under "none". */
  verdictCounts: Record<string, number>;
  /** Extraction suggestions still waiting for a decision (accept or reject). */
  pendingCount: number;
}
export const NewArticle = z.object({
  title: z.string().max(L.MAX_TITLE_CHARS),
  outlet: ShortText.nullable().default(null),
  author: ShortText.nullable().default(null),
  published: IsoDate.nullable().default(null),
  url: z.string().max(L.MAX_URL_CHARS).nullable().default(null),
  language: z.string().max(35).nullable().default(null),
  wireAgency: ShortText.nullable().default(null),
  text: LongText,
  source: z
    .object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string().max(1_000),
      type: z.string().max(100),
      size: z.number().int().nonnegative(),
    })
    .nullable()
    .default(null),
  duplicateOf: Id.nullable().default(null),
  textQuality: TextQuality.default('ok'),
  textWarning: z.string().max(2_000).nullable().default(null),
  pageStarts: PageStarts.default([]),
  notes: ArticleNotes.default(''),
  tags: ArticleTags.default([]),
});
export type NewArticle = z.input<typeof NewArticle>;
export const ArticlePatch = z
  .object({
    title: z.string().min(1).max(L.MAX_TITLE_CHARS),
    outlet: ShortText.nullable(),
    author: ShortText.nullable(),
    published: IsoDate.nullable(),
    url: z.string().max(L.MAX_URL_CHARS).nullable(),
    language: z.string().max(35).nullable(),
    wireAgency: ShortText.nullable(),
    notes: ArticleNotes,
    tags: ArticleTags,
  })
  .partial()
  .strict();
export type ArticlePatch = z.infer<typeof ArticlePatch>;
export const ArticleQuery = z
  .object({
    search: z.string().max(500).optional(),
    outlet: z.string().max(500).optional(),
    /** Only articles with suggestions waiting for a decision (the library's "To review" filter). */
    toReview: z.boolean().optional(),
    /** Only articles with this tag (any case). */
    tag: z.string().max(L.MAX_TAG_CHARS).optional(),
    /** Only articles added to this collection. */
    collectionId: Id.optional(),
    sort: z.enum(['published', 'title', 'outlet', 'importedAt', 'claimCount']).default('importedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(1_000).default(200),
  })
  .strict();
export type ArticleQuery = z.input<typeof ArticleQuery>;
/** A tag of live articles and how many have it (for the library's tag filter). */
export interface ArticleTagCount {
  tag: string;
  count: number;
}
/** An outlet of live articles and how many it has (for outlet filter menus). */
export interface OutletCount {
  outlet: string;
  count: number;
}
