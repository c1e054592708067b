// Cross-referencing methods (main/crossref): similar claims, search, clusters, wire-copy
// independence, entity pages, stance matrices and timelines. All read-only; confirming a match
// is links.add ("same", "supports", "contradicts").
import { z } from 'zod';
import { method } from './define';
import {
  Id,
  SimilarOptions,
  SimilarTarget,
  StanceQuery,
  TimelineQuery,
  type ClaimCluster,
  type CrossrefSearchResult,
  type EntityProfile,
  type IndependenceReport,
  type SimilarClaim,
  type StanceMatrix,
  type TimelineEvent,
} from '../../../shared/domain';

export const crossrefContract = {
  'crossref.similar': method<SimilarClaim[]>()(z.tuple([SimilarTarget, SimilarOptions.optional()])),
  'crossref.search': method<CrossrefSearchResult>()(
    z.tuple([
      z.string().trim().min(1, 'type something to search for').max(500),
      z
        .object({ limit: z.number().int().positive().max(200) })
        .strict()
        .optional(),
    ]),
  ),
  'crossref.cluster': method<ClaimCluster>()(z.tuple([Id])),
  'crossref.independence': method<IndependenceReport>()(z.tuple([Id])),
  'crossref.entityProfile': method<EntityProfile>()(z.tuple([Id])),
  'crossref.stanceMatrix': method<StanceMatrix>()(z.tuple([StanceQuery])),
  'crossref.timeline': method<TimelineEvent[]>()(z.tuple([TimelineQuery])),
} as const;
