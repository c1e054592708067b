// The article table (migrations 001, 005, 007) and its tag index (007): imported texts.
import { z } from 'zod';
import * as L from '../../../shared/limits';
import { Id, PageStarts, TextQuality, type Article, type ArticlePatch, type NewArticle } from '../../../shared/domain';
import { Nullable, ResearchNotes, Short, Stamp, TagList } from './file-fields';
import { defineTable, type Assert, type PatchFields, type RecordFields, type Same } from './table';

const source = { via: 'articles[].source' } as const;

export const ARTICLE = defineTable('article', {
  id: { type: 'INTEGER', pk: 1, record: true, file: Id },
  title: { type: 'TEXT', notNull: true, record: true, patch: true, tracked: true, file: z.string().max(L.MAX_TITLE_CHARS) },
  outlet: { type: 'TEXT', record: true, patch: true, tracked: true, file: Nullable },
  author: { type: 'TEXT', record: true, patch: true, tracked: true, file: Nullable },
  published: { type: 'TEXT', record: true, patch: true, tracked: true, file: Stamp.nullable() },
  url: { type: 'TEXT', record: true, patch: true, tracked: true, file: z.string().max(L.MAX_URL_CHARS).nullable() },
  language: { type: 'TEXT', record: true, patch: true, tracked: true, file: Nullable },
  wire_agency: { type: 'TEXT', field: 'wireAgency', record: true, patch: true, tracked: true, file: Nullable },
  source_sha256: { type: 'TEXT', field: 'source.sha256', record: true, tracked: true, file: source },
  source_name: { type: 'TEXT', field: 'source.name', record: true, tracked: true, file: source },
  source_type: { type: 'TEXT', field: 'source.type', record: true, tracked: true, file: source },
  source_size: { type: 'INTEGER', field: 'source.size', record: true, tracked: true, file: source },
  text: { type: 'TEXT', notNull: true, record: true, tracked: true, file: z.string().max(L.MAX_ARTICLE_TEXT_CHARS) },
  imported_at: { type: 'TEXT', notNull: true, field: 'importedAt', record: true, file: Stamp },
  duplicate_of: { type: 'INTEGER', field: 'duplicateOf', record: true, tracked: true, file: Id.nullable() },
  /** Only on a deleted article that live records still point to (a copy's original, evidence). */
  deleted_at: { type: 'TEXT', field: 'deletedAt', tracked: true, file: Stamp.optional() },
  /** Since schema 5; files written before say nothing: 'ok'. */
  text_quality: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "'ok'",
    field: 'textQuality',
    record: true,
    file: TextQuality.optional(),
    missing: 'ok',
  },
  text_warning: { type: 'TEXT', field: 'textWarning', record: true, file: Short.nullable().optional() },
  /** Since schema 7: where each page of a PDF starts in the text; files written before say nothing: []. */
  page_starts: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "'[]'",
    json: 'array',
    field: 'pageStarts',
    record: true,
    file: PageStarts.optional(),
    missing: '[]',
  },
  /** Since schema 7: the researcher's notes and tags on the article; files written before: none. */
  notes: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "''",
    record: true,
    patch: true,
    file: ResearchNotes.optional(),
    missing: '',
  },
  tags: {
    type: 'TEXT',
    notNull: true,
    sqlDefault: "'[]'",
    json: 'array',
    record: true,
    patch: true,
    file: TagList.optional(),
    missing: '[]',
  },
});

/** Each tag of an article once, for the library's tag filter (kept by triggers from `article.tags`). */
export const ARTICLE_TAG = defineTable('article_tag', {
  article_id: { type: 'INTEGER', notNull: true, pk: 1, file: { via: 'articles[].tags' } },
  tag: { type: 'TEXT', notNull: true, pk: 2, file: { via: 'articles[].tags' } },
});

/** The file's `source` of an article: the imported file, or null for text typed in. */
export const SourceRecord = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: Short,
  type: Stamp,
  size: z.number().int().nonnegative(),
});

/** Adding a column here and not to Article / ArticlePatch / NewArticle (or the reverse) fails `tsc`. */
export type ArticleSchemaChecks = [
  Assert<Same<RecordFields<typeof ARTICLE>, keyof Article>>,
  Assert<Same<PatchFields<typeof ARTICLE>, keyof ArticlePatch>>,
  Assert<Same<keyof NewArticle, Exclude<RecordFields<typeof ARTICLE>, 'id' | 'importedAt'>>>,
];
