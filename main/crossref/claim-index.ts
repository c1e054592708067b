// The similarity index kept in step with the archive. Built on first use (or in the background
// with warm(), in slices so the main process stays responsive), then patched from the archive's own
// change notifications (archive.onChange: every committed write, with the claim rows it touched, before
// the write is acknowledged; a restore or recovery starts the index over). An archive without
// notifications is caught up through an updatedAt watermark and a claim count check (deletes and
// restores do not touch updatedAt), both throttled because each costs a table scan.
// Every hit is re-checked against the archive before it is returned.
import type { Claim, SimilarClaim, SimilarTarget } from '../api/types';
import { allClaims, claimOrNull, claimText, requireClaim, type CrossrefArchive } from './archive-port';
import { createSimilarityIndex, type SimilarityIndex, type SimilarityOptions } from './similarity';

const RECENT_PAGE = 200;
/** Longest slice of background building before yielding to the event loop. */
const WARM_SLICE_MS = 50;

export interface ClaimIndex {
  similar(target: SimilarTarget, limit: number): SimilarClaim[];
  /** Call after a claim is created, edited, deleted or restored. */
  onClaimChanged(claimId: number): void;
  /** Builds the index in the background; resolves with the number of claims indexed. */
  warm(): Promise<number>;
  /** Forgets everything (the archive was restored or recovered); the next use builds it again. */
  reset(): void;
}

export interface ClaimIndexOptions extends SimilarityOptions {
  /** Without hooks, edits show up in similar() within this long (default 2 s). */
  catchUpMs?: number;
  /** Counting claims scans the table: at most this often (default 30 s). */
  countCheckMs?: number;
}

interface Build {
  index: SimilarityIndex;
  source: Iterator<Claim>;
  done: boolean;
}

export function createClaimIndex(archive: CrossrefArchive, options: ClaimIndexOptions = {}): ClaimIndex {
  const catchUpMs = options.catchUpMs ?? 2_000;
  const countCheckMs = options.countCheckMs ?? 30_000;
  let build: Build | null = null;
  let watermark = '';
  let lastCatchUp = 0;
  let lastCountCheck = 0;

  function include(index: SimilarityIndex, c: Claim): void {
    index.add(c.id, claimText(c));
    if (c.updatedAt > watermark) watermark = c.updatedAt;
  }

  /** Indexes claims until the time budget is spent; true when every claim is in. */
  function step(b: Build, budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (!b.done) {
      const next = b.source.next();
      if (next.done) b.done = true;
      else include(b.index, next.value);
      if (performance.now() > until) break;
    }
    return b.done;
  }

  function start(): Build {
    if (!build) {
      const now = Date.now();
      [watermark, lastCatchUp, lastCountCheck] = ['', now, now];
      build = { index: createSimilarityIndex(options), source: allClaims(archive), done: false };
    }
    return build;
  }

  /** Re-indexes claims edited since the watermark, newest first, until an unchanged one. */
  function catchUp(index: SimilarityIndex): void {
    const now = Date.now();
    if (now - lastCatchUp < catchUpMs) return;
    lastCatchUp = now;
    for (let offset = 0; ; offset += RECENT_PAGE) {
      const page = archive.claims.list({ sort: 'updatedAt', order: 'desc', limit: RECENT_PAGE, offset });
      const changed = page.items.filter((c) => c.updatedAt > watermark);
      changed.forEach((c) => include(index, c));
      if (changed.length < page.items.length || page.items.length < RECENT_PAGE) break;
    }
    if (now - lastCountCheck < countCheckMs) return;
    lastCountCheck = now;
    if (index.size !== archive.info().counts.claims) reconcile(index);
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
    else if (!archive.onChange) catchUp(b.index);
    return b.index;
  }

  function similar(target: SimilarTarget, limit: number): SimilarClaim[] {
    const index = ready();
    const text = 'claimId' in target ? claimText(requireClaim(archive, target.claimId)) : target.text;
    const excludeId = 'claimId' in target ? target.claimId : undefined;
    const out: SimilarClaim[] = [];
    // A few extra: a hit may have been deleted since it was indexed.
    for (const hit of index.query(text, { limit: limit + 5, excludeId })) {
      if (out.length >= limit) break;
      const claim = claimOrNull(archive, hit.id);
      if (!claim) {
        index.remove(hit.id);
        continue;
      }
      // The claim's own wording; the index also holds its verbatim quote for matching.
      out.push({ claimId: hit.id, score: round(hit.score), text: claim.statement, negationMismatch: hit.negationMismatch });
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
      // A claim the build has not reached yet is read when it gets there.
      if (!build.done && !build.index.has(claimId)) return;
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
