// The similarity index kept in step with the archive. Built on first use (or in the background
// with warm(), in slices so the main process stays responsive), then patched from the archive's own
// change notifications (archive.onChange: every committed write, with the claim rows it touched, before
// the write is acknowledged; a restore or recovery starts the index over). No polling: the archive is
// written only through this process (its lock keeps other writers out).
// Every hit is re-checked against the archive before it is returned.
import type { Claim, SimilarClaim, SimilarTarget } from '../../shared/domain';
import { allClaims, articleCache, claimOrNull, claimText, requireClaim, type CrossrefArchive } from './archive-port';
import { deniesTheOther } from './denial';
import { createSimilarityIndex, type SimilarityIndex, type SimilarityOptions } from './similarity';

/** Longest slice of background building before yielding to the event loop. */
const WARM_SLICE_MS = 50;

export interface ClaimIndex {
  similar(target: SimilarTarget, limit: number): SimilarClaim[];
  /** Re-reads one claim (created, edited, deleted or restored); archive.onChange calls it. */
  onClaimChanged(claimId: number): void;
  /** Builds the index in the background; resolves with the number of claims indexed. */
  warm(): Promise<number>;
  /** Forgets everything (the archive was restored or recovered); the next use builds it again. */
  reset(): void;
}

export type ClaimIndexOptions = SimilarityOptions;

interface Build {
  index: SimilarityIndex;
  source: Iterator<Claim>;
  done: boolean;
  /** Claims changed while the build was reading: paging may have shifted, so check once at the end. */
  changedDuringBuild: boolean;
}

export function createClaimIndex(archive: CrossrefArchive, options: ClaimIndexOptions = {}): ClaimIndex {
  let build: Build | null = null;

  function include(index: SimilarityIndex, c: Claim): void {
    index.add(c.id, claimText(c));
  }

  /** Indexes claims until the time budget is spent; true when every claim is in. */
  function step(b: Build, budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (!b.done) {
      const next = b.source.next();
      if (next.done) {
        b.done = true;
        if (b.changedDuringBuild) reconcile(b.index);
      } else include(b.index, next.value);
      if (performance.now() > until) break;
    }
    return b.done;
  }

  function start(): Build {
    build ??= { index: createSimilarityIndex(options), source: allClaims(archive), done: false, changedDuringBuild: false };
    return build;
  }

  /** Adds claims the index lacks and drops ids the archive no longer has. */
  function reconcile(index: SimilarityIndex): void {
    const live = new Set<number>();
    for (const c of allClaims(archive)) {
      live.add(c.id);
      if (!index.has(c.id)) include(index, c);
    }
    for (const id of [...index.ids()]) if (!live.has(id)) index.remove(id);
  }

  function ready(): SimilarityIndex {
    const b = start();
    if (!b.done) step(b, Infinity);
    return b.index;
  }

  function similar(target: SimilarTarget, limit: number): SimilarClaim[] {
    const index = ready();
    const own = 'claimId' in target ? requireClaim(archive, target.claimId) : null;
    const text = 'text' in target ? target.text : claimText(own!);
    const wording = own ? own.statement : text;
    const excludeId = 'claimId' in target ? target.claimId : undefined;
    const out: SimilarClaim[] = [];
    const articleOf = articleCache(archive);
    // A few extra: a hit may have been deleted since it was indexed.
    for (const hit of index.query(text, { limit: limit + 5, excludeId })) {
      if (out.length >= limit) break;
      const claim = claimOrNull(archive, hit.id);
      if (!claim) {
        index.remove(hit.id);
        continue;
      }
      // The claim's own wording; the index also holds its verbatim quote for matching.
      const a = articleOf(claim.articleId);
      out.push({
        claimId: hit.id,
        score: round(hit.score),
        text: claim.statement,
        // The matcher's negation cue, kept only when one wording really denies and the other does not.
        negationMismatch: hit.negationMismatch && deniesTheOther(wording, claim.statement),
        claimant: claim.claimant,
        claimDate: claim.claimDate,
        article: a && { id: a.id, title: a.title, outlet: a.outlet, published: a.published },
      });
    }
    return out;
  }

  async function warm(): Promise<number> {
    const b = start();
    while (!step(b, WARM_SLICE_MS)) await new Promise((resolve) => setImmediate(resolve));
    return b.index.size;
  }

  return {
    similar,
    warm,
    onClaimChanged(claimId) {
      if (!build) return; // not built yet: the build will read the claim as it is now
      if (!build.done) build.changedDuringBuild = true;
      const claim = claimOrNull(archive, claimId);
      if (claim) include(build.index, claim);
      else build.index.remove(claimId);
    },
    reset() {
      build = null;
    },
  };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
