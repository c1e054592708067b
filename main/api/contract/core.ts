// Foundation methods: app and archive information, articles and claims.
import { z } from 'zod';
import { method } from './define';
import { MAX_NOTE_CHARS, MAX_VERDICT_CHARS } from '../../../shared/limits';
import {
  Id,
  ArticlePatch,
  ArticleQuery,
  ClaimPatch,
  ClaimQuery,
  WorkflowStatus,
  NewClaim,
  VerdictScaleKey,
  EntityType,
  type Entity,
  type Article,
  type ArticleSummary,
  type ArticleTagCount,
  type OutletCount,
  type ArchiveInfo,
  type Claim,
  type ClaimRow,
  type HistoryEntry,
  type Page,
} from '../../../shared/domain';

const Note = z.string().max(MAX_NOTE_CHARS);

export const coreContract = {
  'app.info': method<{ version: string; archive: ArchiveInfo }>()(z.tuple([])),

  'articles.list': method<Page<ArticleSummary>>()(z.tuple([ArticleQuery])),
  /** Every outlet of the live articles, with its article count: the outlet filter's menu. */
  'articles.outlets': method<OutletCount[]>()(z.tuple([])),
  /** Tags of live articles with their counts (the library's tag filter). */
  'articles.tags': method<ArticleTagCount[]>()(z.tuple([])),
  'articles.get': method<Article>()(z.tuple([Id])),
  'articles.update': method<Article>()(z.tuple([Id, ArticlePatch])),
  'articles.delete': method<void>()(z.tuple([Id])),
  /** Undo of a delete: brings back the article and its claims exactly as they were. */
  'articles.restore': method<Article>()(z.tuple([Id])),

  'claims.list': method<Page<ClaimRow>>()(z.tuple([ClaimQuery])),
  'claims.get': method<Claim>()(z.tuple([Id])),
  'claims.create': method<Claim>()(z.tuple([NewClaim])),
  'claims.update': method<Claim>()(z.tuple([Id, ClaimPatch, Note.optional()])),
  'claims.setStatus': method<Claim>()(z.tuple([Id, WorkflowStatus, Note.optional()])),
  /** A verdict change always carries a note: it is what a reviewer reads later. */
  'claims.setVerdict': method<Claim>()(
    z.tuple([
      Id,
      VerdictScaleKey,
      z.string().max(MAX_VERDICT_CHARS).nullable(),
      Note.min(1, 'a note is required when the verdict changes'),
    ]),
  ),
  'claims.history': method<HistoryEntry[]>()(z.tuple([Id])),
  'claims.delete': method<void>()(z.tuple([Id])),
  'claims.restore': method<Claim>()(z.tuple([Id])),

  'entities.list': method<(Entity & { claimCount: number })[]>()(
    z.tuple([
      z
        .object({ search: z.string().max(300).optional(), type: EntityType.optional() })
        .strict()
        .default({}),
    ]),
  ),
} as const;
