// The report model: everything a report or an export shows, already read from the archive, so the
// renderers (HTML, Markdown, CSV, ClaimReview) are pure functions of it.
import type {
  AttributionHop,
  ClaimKind,
  EntityRole,
  EntityType,
  EvidenceStance,
  ReportField,
  ReportGroupBy,
  ReportSort,
} from '../../shared/domain';
import type { WorkflowStatus, VerdictDef } from '../../shared/verdicts';

/** An article a reported claim appears in, as the report cites it (its "Sources" list). */
export interface ReportArticle {
  articleId: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  wireAgency: string | null;
  /** The original file the article was imported from, when there was one. */
  file: { name: string; sha256: string } | null;
  /** The researcher's tags and notes on the article (printed when the report shows tags / notes). */
  tags?: string[];
  notes?: string;
  /** Passages of the article the researcher kept as context, with their notes (printed with the notes). */
  highlights?: { quote: string; note: string }[];
}

export interface ReportVerdict {
  scale: string;
  scaleLabel: string;
  key: string;
  label: string;
  tone: VerdictDef['tone'];
  /** ClaimReview ratingValue 1..5; null when the verdict is not rateable. */
  rating: number | null;
}

export interface ReportEvidence {
  stance: EvidenceStance;
  quote: string;
  note: string;
  articleId: number;
}

/** One verdict change, as the verifiable bundle shows it. */
export interface ReportVerdictChange {
  at: string;
  actor: string;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface ReportClaim {
  id: number;
  statement: string;
  quote: string;
  claimant: string | null;
  /** From the claimant entity when known: ClaimReview says Person or Organization. */
  claimantType: EntityType | null;
  attribution: AttributionHop[];
  kind: ClaimKind;
  claimDate: string | null;
  status: WorkflowStatus;
  verdict: ReportVerdict | null;
  verdictNote: string | null;
  tags: string[];
  notes: string;
  entities: { name: string; type: EntityType; role: EntityRole }[];
  /** Article the claim was found in (a key into ReportModel.sources). */
  articleId: number | null;
  /** The page of that article's original (a PDF) the claim's passage is on; null when it has no pages. */
  page?: number | null;
  /** Articles where the same claim appears (its own first), oldest first. */
  appearances: number[];
  evidence: ReportEvidence[];
  verdictHistory: ReportVerdictChange[];
}

export interface ReportModel {
  title: string;
  author: string;
  organisation: string | null;
  /** ISO date printed on the cover and used as ClaimReview datePublished. */
  date: string;
  intro: string;
  fields: ReportField[];
  groupBy: ReportGroupBy;
  sort: ReportSort;
  verifiable: boolean;
  /** In selection order; renderers sort and group them (see arrange.ts). */
  claims: ReportClaim[];
  /** Every article a claim, appearance or evidence item points to. */
  sources: ReportArticle[];
  /** e.g. "Claimdesk 0.1.0". */
  generator: string;
}

export const has = (model: Pick<ReportModel, 'fields'>, field: ReportField): boolean => model.fields.includes(field);

/** ", p. 4" after the claim's own source when its passage is on a known page of a PDF. */
export function pageMark(claim: ReportClaim, articleId: number): string {
  return claim.page && articleId === claim.articleId ? `, p. ${claim.page}` : '';
}
