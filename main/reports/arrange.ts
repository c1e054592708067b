// Reading order of a report: sort, group, number the claims and their source citations, and count
// verdicts. Shared by every renderer so HTML, Markdown and CSV tell the same story.
import { VERDICT_SCALES } from '../../shared/verdicts';
import type { ReportClaim, ReportModel, ReportArticle, ReportVerdict } from './model';

export type Tone = ReportVerdict['tone'] | 'none';

export interface ClaimGroup {
  key: string;
  label: string;
  tone: Tone | null;
  claims: ReportClaim[];
}

export interface VerdictCount {
  key: string;
  label: string;
  tone: Tone;
  count: number;
}

export interface ArrangedReport {
  groups: ClaimGroup[];
  /** Claims in reading order, each once. */
  claims: ReportClaim[];
  /** Printed claim number by claim id (1-based, reading order). */
  numberOf: Map<number, number>;
  /** Numbered citations, in order of first mention. */
  citations: { n: number; source: ReportArticle }[];
  citationOf: Map<number, number>;
  summary: VerdictCount[];
}

/** Key of the group for claims without the grouped-by value (no verdict, no claimant...): listed last. */
const MISSING = 'none';

/** Position of a verdict on its scale, scales in their defined order; unrated claims last. */
export function verdictRank(v: ReportVerdict | null): number {
  if (!v) return Number.MAX_SAFE_INTEGER;
  const scaleIndex = VERDICT_SCALES.findIndex((s) => s.key === v.scale);
  const scale = VERDICT_SCALES[scaleIndex];
  const verdictIndex = scale ? scale.verdicts.findIndex((d) => d.key === v.key) : -1;
  return (scaleIndex < 0 ? VERDICT_SCALES.length : scaleIndex) * 100 + (verdictIndex < 0 ? 99 : verdictIndex);
}

const verdictKey = (v: ReportVerdict | null) => (v ? `${v.scale}:${v.key}` : MISSING);

/** A claim's date: its own, else its article's publication date. */
export function claimDateOf(claim: ReportClaim, sources: Map<number, ReportArticle>): string | null {
  return claim.claimDate ?? (claim.articleId !== null ? (sources.get(claim.articleId)?.published ?? null) : null);
}

function compareText(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1); // missing values last
  return a.localeCompare(b, undefined, { sensitivity: 'base' });
}

function sortClaims(model: ReportModel, sources: Map<number, ReportArticle>): ReportClaim[] {
  const claims = [...model.claims];
  const date = (c: ReportClaim) => claimDateOf(c, sources);
  const title = (c: ReportClaim) => (c.articleId !== null ? sources.get(c.articleId)?.title : null);
  const by: Record<ReportModel['sort'], ((a: ReportClaim, b: ReportClaim) => number) | null> = {
    selection: null,
    date: (a, b) => compareText(date(a), date(b)),
    verdict: (a, b) => verdictRank(a.verdict) - verdictRank(b.verdict),
    claimant: (a, b) => compareText(a.claimant, b.claimant),
    article: (a, b) => compareText(title(a), title(b)) || compareText(date(a), date(b)),
  };
  const compare = by[model.sort];
  return compare ? claims.sort((a, b) => compare(a, b) || a.id - b.id) : claims;
}

function groupOf(model: ReportModel, claims: ReportClaim[], sources: Map<number, ReportArticle>, multiScale: boolean): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  const add = (key: string, label: string, tone: Tone | null, claim: ReportClaim) => {
    const group = groups.get(key) ?? { key, label, tone, claims: [] };
    group.claims.push(claim);
    groups.set(key, group);
  };
  for (const claim of claims) {
    switch (model.groupBy) {
      case 'verdict':
        add(verdictKey(claim.verdict), verdictLabel(claim.verdict, multiScale), claim.verdict?.tone ?? 'none', claim);
        break;
      case 'claimant':
        add(claim.claimant ? `c:${claim.claimant.toLowerCase()}` : MISSING, claim.claimant ?? 'Unattributed', null, claim);
        break;
      case 'article': {
        const source = claim.articleId !== null ? sources.get(claim.articleId) : undefined;
        add(source ? `a:${source.articleId}` : MISSING, source ? sourceLabel(source) : 'Not from an article', null, claim);
        break;
      }
      case 'entity': {
        const names = new Map(claim.entities.map((e) => [`e:${e.type}:${e.name.toLowerCase()}`, e.name]));
        if (names.size === 0) add(MISSING, 'No entity', null, claim);
        for (const [key, name] of names) add(key, name, null, claim);
        break;
      }
      case 'none':
        add('all', 'Claims', null, claim);
    }
  }
  return orderGroups(model, [...groups.values()]);
}

function orderGroups(model: ReportModel, groups: ClaimGroup[]): ClaimGroup[] {
  const last = (g: ClaimGroup) => (g.key === MISSING ? 1 : 0);
  if (model.groupBy === 'verdict') return groups.sort((a, b) => verdictRank(a.claims[0].verdict) - verdictRank(b.claims[0].verdict));
  if (model.groupBy === 'claimant') return groups.sort((a, b) => last(a) - last(b) || compareText(a.label, b.label));
  if (model.groupBy === 'entity')
    return groups.sort((a, b) => last(a) - last(b) || b.claims.length - a.claims.length || compareText(a.label, b.label));
  return groups.sort((a, b) => last(a) - last(b)); // article / none: order of first appearance
}

export function verdictLabel(v: ReportVerdict | null, withScale = false): string {
  if (!v) return 'No verdict yet';
  return withScale ? `${v.label} (${v.scaleLabel})` : v.label;
}

export function sourceLabel(s: ReportArticle): string {
  return [s.outlet, s.title].filter(Boolean).join(': ') || `Article ${s.articleId}`;
}

export function arrangeReport(model: ReportModel): ArrangedReport {
  const sources = new Map(model.sources.map((s) => [s.articleId, s]));
  const multiScale = new Set(model.claims.filter((c) => c.verdict).map((c) => c.verdict!.scale)).size > 1;
  const groups = groupOf(model, sortClaims(model, sources), sources, multiScale);
  const numberOf = new Map<number, number>();
  const claims: ReportClaim[] = [];
  const citationOf = new Map<number, number>();
  const citations: ArrangedReport['citations'] = [];
  const cite = (articleId: number | null) => {
    const source = articleId !== null ? sources.get(articleId) : undefined;
    if (!source || citationOf.has(source.articleId)) return;
    citationOf.set(source.articleId, citations.length + 1);
    citations.push({ n: citations.length + 1, source });
  };
  for (const claim of groups.flatMap((g) => g.claims)) {
    if (numberOf.has(claim.id)) continue;
    numberOf.set(claim.id, claims.length + 1);
    claims.push(claim);
    [claim.articleId, ...claim.appearances, ...claim.evidence.map((e) => e.articleId)].forEach(cite);
  }
  return { groups, claims, numberOf, citations, citationOf, summary: summarise(claims, multiScale) };
}

function summarise(claims: ReportClaim[], multiScale: boolean): VerdictCount[] {
  const counts = new Map<string, VerdictCount & { rank: number }>();
  for (const c of claims) {
    const key = verdictKey(c.verdict);
    const entry = counts.get(key) ?? {
      key,
      label: verdictLabel(c.verdict, multiScale),
      tone: c.verdict?.tone ?? 'none',
      count: 0,
      rank: verdictRank(c.verdict),
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...rest }) => rest);
}
