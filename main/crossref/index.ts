// Cross-referencing: similar claims, clusters, wire-copy independence, entity pages, stance
// matrices and timelines over the archive. Plain Node; the services object creates one and the
// lead's handlers call it. Inputs are validated here too, so the CLI gets the same clear errors.
//   const crossref = createCrossref(archive);
//   crossref.similar({ claimId: 12 }, { limit: 5 });
//   (the similarity index follows archive.onChange by itself: nothing to call after an edit)
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
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
} from '../../shared/domain';
import type { CrossrefArchive } from './archive-port';
import { clusterOf } from './clusters';
import { entityProfile } from './entities';
import { independence } from './independence';
import { searchArchive } from './search';
import { stanceMatrix } from './stance';
import { timeline } from './timeline';
import { createClaimIndex, type ClaimIndexOptions } from './claim-index';

export type { CrossrefArchive } from './archive-port';
export { createSimilarityIndex } from './similarity';

export interface Crossref {
  /** Claims saying the same thing as a claim or a text, best first. */
  similar(target: SimilarTarget, options?: SimilarOptions): SimilarClaim[];
  /** Claims (full-text, then similar wording) and articles matching a query. */
  search(query: string, options?: { limit?: number }): CrossrefSearchResult;
  clusterOf(claimId: number): ClaimCluster;
  independence(claimId: number): IndependenceReport;
  entityProfile(entityId: number): EntityProfile;
  stanceMatrix(query: StanceQuery): StanceMatrix;
  timeline(query: TimelineQuery): TimelineEvent[];
  /** Keep the similarity index current: call after a claim is created, edited, deleted or restored. */
  onClaimChanged(claimId: number): void;
  /** Builds the similarity index in the background (in short slices) instead of on first use. */
  warm(): Promise<number>;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
  throw new AppError('INVALID_ARGUMENT', `Invalid ${what}${where}: ${issue.message}`);
}

export function createCrossref(archive: CrossrefArchive, options: ClaimIndexOptions = {}): Crossref {
  const index = createClaimIndex(archive, options);
  const claimId = (id: unknown) => parse(Id, id, 'claim id');
  // Every committed write that touched claims (create, edit, delete, merge, restore, undo, import,
  // accepting a suggestion) reaches the index before the write is acknowledged to its caller.
  archive.onChange((change) => {
    if (change.type === 'reset') index.reset();
    else for (const id of change.tables.get('claim') ?? []) index.onClaimChanged(id);
  });
  return {
    similar(target, opts = {}) {
      const { limit } = parse(SimilarOptions, opts, 'similar options');
      return index.similar(parse(SimilarTarget, target, 'similar target'), limit);
    },
    search: (query, opts = {}) => searchArchive(archive, index, query, opts.limit ?? 20),
    clusterOf: (id) => clusterOf(archive, claimId(id)),
    independence: (id) => independence(archive, claimId(id)),
    entityProfile: (id) => entityProfile(archive, parse(Id, id, 'entity id')),
    stanceMatrix: (q) => stanceMatrix(archive, parse(StanceQuery, q, 'stance query')),
    timeline: (q) => timeline(archive, parse(TimelineQuery, q, 'timeline query')),
    onClaimChanged: (id) => index.onClaimChanged(claimId(id)),
    warm: () => index.warm(),
  };
}
