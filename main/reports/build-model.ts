// Reads what a report needs from the archive: the chosen claims, their entities, evidence, "same"
// appearances, verdict histories and every article they cite. Rendering stays pure (html.ts...).
import type { Archive } from '../archive';
import { AppError } from '../../shared/errors';
import { ReportSpec, pageAt, type Claim, type ClaimQuery, type HistoryEntry } from '../../shared/domain';
import { findScale, findVerdict } from '../../shared/verdicts';
import { parseInput } from '../archive/repos/context';
import { APP_NAME, APP_VERSION } from '../version';
import type { ReportClaim, ReportModel, ReportArticle, ReportVerdict, ReportVerdictChange } from './model';

/** Larger selections are refused: a report is read by people (the JSON export has no limit). */
export const MAX_REPORT_CLAIMS = 5_000;
const PAGE = 1_000;

export interface BuildOptions {
  /** Most claims allowed (default MAX_REPORT_CLAIMS); exports to CSV or ClaimReview take more. */
  maxClaims?: number;
}

export async function buildReportModel(archive: Archive, input: ReportSpec, opts: BuildOptions = {}): Promise<ReportModel> {
  const spec = parseInput(ReportSpec, input, 'report');
  const claims = selectClaims(archive, spec, opts.maxClaims ?? MAX_REPORT_CLAIMS);
  const articleIds = new Set<number>();
  const pageStarts = new Map<number, number[]>();
  const pageOf = (c: Claim): number | null => {
    if (c.articleId === null || c.start === null) return null;
    if (!pageStarts.has(c.articleId)) pageStarts.set(c.articleId, archive.articles.get(c.articleId).pageStarts ?? []);
    return pageAt(pageStarts.get(c.articleId), c.start);
  };
  const reportClaims = claims.map((c) => ({ ...toReportClaim(archive, c, articleIds), page: pageOf(c) }));
  return {
    title: spec.title,
    author: spec.author,
    organisation: spec.organisation || null,
    date: spec.date ?? new Date().toISOString().slice(0, 10),
    intro: spec.intro,
    fields: spec.fields,
    groupBy: spec.groupBy,
    sort: spec.sort,
    verifiable: spec.verifiable,
    claims: reportClaims,
    sources: [...articleIds].sort((a, b) => a - b).flatMap((id) => readSource(archive, id) ?? []),
    generator: `${APP_NAME} ${APP_VERSION}`,
  };
}

function selectClaims(archive: Archive, spec: ReturnType<typeof ReportSpec.parse>, max: number): Claim[] {
  if (spec.claimIds) return [...new Set(spec.claimIds)].map((id) => archive.claims.get(id));
  if (spec.collectionId) {
    archive.collections.get(spec.collectionId);
    return listAll(archive, { collectionId: spec.collectionId, sort: 'createdAt', order: 'asc' }, max);
  }
  if (spec.entityId) {
    archive.entities.get(spec.entityId);
    return listAll(archive, { entityId: spec.entityId, sort: 'createdAt', order: 'asc' }, max);
  }
  if (spec.clusterOf) return clusterOf(archive, spec.clusterOf, max);
  return listAll(archive, spec.search ?? {}, max);
}

/** Every claim a query matches, page by page (the query's own offset and limit are ignored). */
export function listAll(archive: Archive, query: ClaimQuery, max = MAX_REPORT_CLAIMS): Claim[] {
  const out: Claim[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = archive.claims.list({ ...query, offset, limit: PAGE });
    if (page.total > max)
      throw new AppError('TOO_LARGE', `The selection has ${page.total} claims; a report takes at most ${max}. Narrow the search.`);
    out.push(...page.items.map(({ articleTitle: _t, outlet: _o, published: _p, ...claim }) => claim));
    if (page.items.length < PAGE || out.length >= page.total) return out;
  }
}

/** The claim and every claim joined to it by "same" links, transitively. */
function clusterOf(archive: Archive, claimId: number, max: number): Claim[] {
  const seen = new Set([claimId]);
  const queue = [claimId];
  while (queue.length > 0) {
    if (seen.size > max)
      throw new AppError('TOO_LARGE', `The cluster of claim ${claimId} has more than ${max} claims; a report takes at most ${max}.`);
    for (const link of archive.links.forClaim(queue.shift()!)) {
      if (link.type !== 'same') continue;
      for (const id of [link.fromClaimId, link.toClaimId]) {
        if (seen.has(id)) continue;
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return [...seen].flatMap((id) => liveClaim(archive, id) ?? []);
}

function liveClaim(archive: Archive, id: number): Claim | null {
  try {
    return archive.claims.get(id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null; // deleted: not part of the report
    throw err;
  }
}

function reportVerdict(scale: string, key: string | null): ReportVerdict | null {
  const def = key ? findVerdict(scale, key) : undefined;
  if (!def) return null;
  return { scale, scaleLabel: findScale(scale)?.label ?? scale, key: def.key, label: def.label, tone: def.tone, rating: def.rating };
}

function toReportClaim(archive: Archive, claim: Claim, articleIds: Set<number>): ReportClaim {
  const entities = archive.claims.entities(claim.id).map((e) => ({ name: e.name, type: e.type, role: e.role }));
  const claimantEntity =
    entities.find((e) => e.role === 'claimant' && e.name === claim.claimant) ?? entities.find((e) => e.role === 'claimant');
  const evidence = archive.evidence
    .forClaim(claim.id)
    .map((e) => ({ stance: e.stance, quote: e.quote, note: e.note, articleId: e.articleId }));
  const appearances = sameAppearances(archive, claim);
  for (const id of [...appearances, ...evidence.map((e) => e.articleId)]) articleIds.add(id);
  return {
    id: claim.id,
    statement: claim.statement,
    quote: claim.quote,
    claimant: claim.claimant,
    claimantType: claim.claimant ? (claimantEntity?.type ?? null) : null,
    attribution: claim.attribution,
    kind: claim.kind,
    claimDate: claim.claimDate,
    status: claim.status,
    verdict: reportVerdict(claim.verdictScale, claim.verdict),
    verdictNote: claim.verdictNote,
    tags: claim.tags,
    notes: claim.notes,
    entities,
    articleId: claim.articleId,
    appearances,
    evidence,
    verdictHistory: verdictChanges(archive.claims.history(claim.id)),
  };
}

/** The claim's own article, then those of claims linked to it as "same". */
function sameAppearances(archive: Archive, claim: Claim): number[] {
  const ids = claim.articleId !== null ? [claim.articleId] : [];
  for (const link of archive.links.forClaim(claim.id)) {
    if (link.type !== 'same') continue;
    const other = liveClaim(archive, link.fromClaimId === claim.id ? link.toClaimId : link.fromClaimId);
    if (other?.articleId != null && !ids.includes(other.articleId)) ids.push(other.articleId);
  }
  return ids;
}

interface VerdictValue {
  scale?: string;
  verdictScale?: string;
  verdict?: string | null;
  note?: string | null;
  verdictNote?: string | null;
}

const labelOf = (v: VerdictValue | null | undefined): string | null => {
  if (!v?.verdict) return null;
  const scale = v.scale ?? v.verdictScale ?? '';
  return findVerdict(scale, v.verdict)?.label ?? v.verdict;
};

/** The verdict's story from the history: the verdict given at creation, then each change. */
export function verdictChanges(history: HistoryEntry[]): ReportVerdictChange[] {
  const out: ReportVerdictChange[] = [];
  for (const h of history) {
    if (h.field === 'created') {
      const to = h.to as VerdictValue | null;
      if (to?.verdict) out.push({ at: h.at, actor: h.actor, from: null, to: labelOf(to), note: to.verdictNote ?? h.note });
    } else if (h.field === 'verdict') {
      out.push({ at: h.at, actor: h.actor, from: labelOf(h.from as VerdictValue), to: labelOf(h.to as VerdictValue), note: h.note });
    }
  }
  return out;
}

function readSource(archive: Archive, articleId: number): ReportArticle | null {
  try {
    const a = archive.articles.get(articleId);
    return {
      articleId: a.id,
      title: a.title,
      outlet: a.outlet,
      author: a.author,
      published: a.published,
      url: a.url,
      wireAgency: a.wireAgency,
      file: a.source ? { name: a.source.name, sha256: a.source.sha256 } : null,
      tags: a.tags ?? [],
      notes: a.notes ?? '',
      highlights: archive.highlights.forArticle(a.id).map((h) => ({ quote: h.quote, note: h.note })),
    };
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null; // a deleted article is not cited
    throw err;
  }
}
