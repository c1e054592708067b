// Cross-referencing (main/crossref): similar claims, clusters, independence, stance, timeline.
import { z } from 'zod';
import { Id } from './core';
import { Entity, EntityType } from './entities';

/** "Find claims like this one": an archived claim or free text. */
export const SimilarTarget = z.union([
  z.object({ claimId: Id }).strict(),
  z.object({ text: z.string().trim().min(1, 'text must not be empty').max(20_000) }).strict(),
]);
export type SimilarTarget = z.infer<typeof SimilarTarget>;
export const SimilarOptions = z.object({ limit: z.number().int().positive().max(200).default(10) }).strict();
export type SimilarOptions = z.input<typeof SimilarOptions>;
export interface SimilarClaim {
  claimId: number;
  /** 0..~1; comparable across queries. */
  score: number;
  text: string;
  /** One of the two is negated or denied and the other is not: a contradiction more than a copy. */
  negationMismatch: boolean;
  /** Who made the matching claim, and when (its own date; the article's is in `article`). */
  claimant: string | null;
  claimDate: string | null;
  /** Where the matching claim appeared (null for a claim entered by hand or a deleted article). */
  article: { id: number; title: string; outlet: string | null; published: string | null } | null;
}
export interface CrossrefSearchResult {
  claims: { claimId: number; text: string; score: number; via: 'text' | 'similar' }[];
  articles: { articleId: number; title: string; outlet: string | null; published: string | null }[];
}
/** One appearance of a claim in a cluster ("same claim" links, transitively). */
export interface ClusterAppearance {
  claimId: number;
  statement: string;
  quote: string;
  claimant: string | null;
  articleId: number | null;
  articleTitle: string | null;
  outlet: string | null;
  /** The claim's date, else its article's publication date. */
  date: string | null;
  /** The earliest dated appearance. */
  first: boolean;
  verdictScale: string;
  verdict: string | null;
  /** Carries the cluster's verdict (see ClaimCluster.verdict). */
  sharesVerdict: boolean;
}
export interface ClaimCluster {
  claimIds: number[];
  /** Oldest first; undated appearances last. */
  appearances: ClusterAppearance[];
  firstClaimId: number;
  /** The verdict most rated appearances carry (null when none is rated). */
  verdict: string | null;
  /** Every appearance carries that same verdict. */
  verdictShared: boolean;
  /** The component was larger than the cap and was cut. */
  truncated: boolean;
}
/** Articles that trace back to one underlying source (a wire story and its copies, or one outlet's piece). */
export interface SourceGroup {
  key: string;
  label: string;
  articleIds: number[];
  claimIds: number[];
}
export interface IndependenceReport {
  claimId: number;
  sources: SourceGroup[];
  independentSources: number;
  articleCount: number;
  restsOnOneSource: boolean;
  /** e.g. "rests on one source: AFP"; null when support is independent or absent. */
  flag: string | null;
}
export interface EntityClaimRef {
  claimId: number;
  statement: string;
  claimant: string | null;
  date: string | null;
  articleId: number | null;
  verdict: string | null;
}
export interface EntityProfile {
  entity: Entity;
  claimsBy: EntityClaimRef[];
  claimsAbout: EntityClaimRef[];
  /** Articles naming the entity where no claim links it. */
  mentions: { articleId: number; title: string; outlet: string | null; published: string | null; snippet: string }[];
  coOccurring: { entityId: number; name: string; type: EntityType; count: number }[];
}
export type Stance = 'asserts' | 'denies' | 'disputes' | 'none';
export const StanceQuery = z.union([z.object({ claimIds: z.array(Id).min(1).max(500) }).strict(), z.object({ clusterOf: Id }).strict()]);
export type StanceQuery = z.infer<typeof StanceQuery>;
export interface StanceEvidence {
  via: 'claim' | 'link' | 'evidence';
  claimId: number;
  evidenceId?: number;
  /** The words that decided it ("dismissed", "stopped short of confirming"), if any. */
  cue: string | null;
}
export interface StanceMatrix {
  actors: { key: string; name: string; entityId: number | null }[];
  /** A column is a proposition: one claim, or the claims joined by "same" links. */
  columns: { key: string; label: string; claimIds: number[] }[];
  /** Only actor × column pairs with evidence; every other cell is "none". */
  cells: {
    actor: string;
    column: string;
    stance: Exclude<Stance, 'none'>;
    counts: Record<Exclude<Stance, 'none'>, number>;
    evidence: StanceEvidence[];
  }[];
}
export const TimelineQuery = z
  .object({
    claimIds: z.array(Id).max(5_000).optional(),
    clusterOf: Id.optional(),
    entityId: Id.optional(),
    search: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => Object.values(q).some((v) => v !== undefined), 'give claimIds, clusterOf, entityId or search');
export type TimelineQuery = z.infer<typeof TimelineQuery>;
export interface TimelineEvent {
  /** ISO date or date-time; events are sorted by it. */
  date: string;
  kind: 'claim' | 'verdict' | 'status' | 'resolve-by';
  claimId: number;
  label: string;
  verdict?: string | null;
  note?: string | null;
  /** On resolve-by events: the forecast has no verdict yet (overdue when the date has passed). */
  open?: boolean;
}
