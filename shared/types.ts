// Domain types shared by main, preload and renderer. Inputs that cross the IPC boundary are zod
// schemas (validated in main); outputs are plain interfaces inferred or written once here.
import { z } from 'zod';
import { STATUSES, VERDICT_SCALE_KEYS } from './verdicts';
import * as L from './limits';
import { DEFAULT_REPORT_FIELDS, REPORT_FIELDS, REPORT_GROUPINGS, REPORT_SORTS } from './report-formats';

export const Id = z.number().int().positive();
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date');
const ShortText = z.string().max(L.MAX_SHORT_TEXT_CHARS);
const LongText = z.string().max(L.MAX_ARTICLE_TEXT_CHARS);

export const ClaimKind = z.enum(['direct', 'indirect', 'reported']);
export type ClaimKind = z.infer<typeof ClaimKind>;
export const ClaimStatus = z.enum(STATUSES);
export const VerdictScaleKey = z.enum(VERDICT_SCALE_KEYS);
export const EntityType = z.enum(['person', 'organisation', 'place', 'other']);
export type EntityType = z.infer<typeof EntityType>;
export const EntityRole = z.enum(['claimant', 'subject', 'mentioned']);
export type EntityRole = z.infer<typeof EntityRole>;
export const ClaimLinkType = z.enum(['same', 'supports', 'contradicts', 'related']);
export type ClaimLinkType = z.infer<typeof ClaimLinkType>;
export const EvidenceStance = z.enum(['supports', 'contradicts', 'context']);
export type EvidenceStance = z.infer<typeof EvidenceStance>;

/** One hop of an attribution chain: who said it, who carried it, which agency relayed it. */
export const AttributionHop = z.object({
  name: z.string().min(1).max(L.MAX_NAME_CHARS),
  role: z.enum(['speaker', 'medium', 'agency', 'outlet']),
  /** The reporting cue as written ("said", "told", "according to"): why extraction proposed this hop. */
  cue: z.string().min(1).max(L.MAX_NAME_CHARS).optional(),
  /** The phrase as written when extraction resolved it to `name` ("he", "the minister"). */
  as: z.string().min(1).max(L.MAX_NAME_CHARS).optional(),
  /** Extraction guessed who `as` means (several candidates, or far back): shown as unsure until a researcher edits it. */
  unsure: z.boolean().optional(),
});
export type AttributionHop = z.infer<typeof AttributionHop>;

export interface SourceFile {
  sha256: string;
  name: string;
  type: string;
  size: number;
}

export interface Article {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  wireAgency: string | null;
  source: SourceFile | null;
  text: string;
  importedAt: string;
  /** Id of an article this one re-publishes (same wire copy), if detected. */
  duplicateOf: number | null;
  /**
   * 'ocr': some pages were read by OCR; 'unreadable': the text is junk (no suggestions were made).
   * Always set by the archive; optional for records from archive files written before version 5.
   */
  textQuality?: TextQuality;
  /** What the reader shows about the text's quality, if anything. */
  textWarning?: string | null;
}

export const TextQuality = z.enum(['ok', 'ocr', 'unreadable']);
export type TextQuality = z.infer<typeof TextQuality>;

export interface ArticleSummary extends Omit<Article, 'text'> {
  claimCount: number;
  /** Claim counts keyed by verdict key; unrated claims under "none". */
  verdictCounts: Record<string, number>;
}

export const NewArticle = z.object({
  title: z.string().max(L.MAX_TITLE_CHARS),
  outlet: ShortText.nullable().default(null),
  author: ShortText.nullable().default(null),
  published: IsoDate.nullable().default(null),
  url: z.string().max(L.MAX_URL_CHARS).nullable().default(null),
  language: z.string().max(35).nullable().default(null),
  wireAgency: ShortText.nullable().default(null),
  text: LongText,
  source: z
    .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(1_000), type: z.string().max(100), size: z.number().int().nonnegative() })
    .nullable()
    .default(null),
  duplicateOf: Id.nullable().default(null),
  textQuality: TextQuality.default('ok'),
  textWarning: z.string().max(2_000).nullable().default(null),
});
export type NewArticle = z.input<typeof NewArticle>;

export const ArticlePatch = z
  .object({
    title: z.string().min(1).max(L.MAX_TITLE_CHARS),
    outlet: ShortText.nullable(),
    author: ShortText.nullable(),
    published: IsoDate.nullable(),
    url: z.string().max(L.MAX_URL_CHARS).nullable(),
    language: z.string().max(35).nullable(),
    wireAgency: ShortText.nullable(),
  })
  .partial()
  .strict();
export type ArticlePatch = z.infer<typeof ArticlePatch>;

export const ArticleQuery = z
  .object({
    search: z.string().max(500).optional(),
    outlet: z.string().max(500).optional(),
    sort: z.enum(['published', 'title', 'outlet', 'importedAt', 'claimCount']).default('importedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(1_000).default(200),
  })
  .strict();
export type ArticleQuery = z.input<typeof ArticleQuery>;

/** An outlet of live articles and how many it has (for outlet filter menus). */
export interface OutletCount {
  outlet: string;
  count: number;
}

export interface Claim {
  id: number;
  articleId: number | null;
  quote: string;
  start: number | null;
  end: number | null;
  statement: string;
  claimant: string | null;
  attribution: AttributionHop[];
  kind: ClaimKind;
  claimDate: string | null;
  resolveBy: string | null;
  status: z.infer<typeof ClaimStatus>;
  verdictScale: z.infer<typeof VerdictScaleKey>;
  verdict: string | null;
  verdictNote: string | null;
  score: number | null;
  tags: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** A claim row as listed in tables: the claim plus what is needed to show where it came from. */
export interface ClaimRow extends Claim {
  articleTitle: string | null;
  outlet: string | null;
  published: string | null;
}

export const NewClaim = z.object({
  articleId: Id.nullable().default(null),
  quote: z.string().max(L.MAX_QUOTE_CHARS).default(''),
  start: z.number().int().nonnegative().nullable().default(null),
  end: z.number().int().nonnegative().nullable().default(null),
  statement: z.string().min(1).max(L.MAX_STATEMENT_CHARS),
  claimant: ShortText.nullable().default(null),
  attribution: z.array(AttributionHop).max(L.MAX_ATTRIBUTION_HOPS).default([]),
  kind: ClaimKind.default('reported'),
  claimDate: IsoDate.nullable().default(null),
  resolveBy: IsoDate.nullable().default(null),
  status: ClaimStatus.default('new'),
  verdictScale: VerdictScaleKey.default('claimdesk'),
  verdict: z.string().max(L.MAX_VERDICT_CHARS).nullable().default(null),
  verdictNote: z.string().max(L.MAX_NOTE_CHARS).nullable().default(null),
  score: z.number().min(0).max(1).nullable().default(null),
  tags: z.array(z.string().min(1).max(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM).default([]),
  notes: z.string().max(L.MAX_CLAIM_NOTES_CHARS).default(''),
  entities: z
    .array(z.object({ name: z.string().min(1).max(L.MAX_NAME_CHARS), type: EntityType, role: EntityRole }))
    .max(L.MAX_ENTITIES_PER_CLAIM)
    .default([]),
});
export type NewClaim = z.input<typeof NewClaim>;

/** Editable fields. Verdict changes go through setVerdict (they need a note); status via setStatus. */
export const ClaimPatch = z
  .object({
    quote: z.string().max(L.MAX_QUOTE_CHARS),
    start: z.number().int().nonnegative().nullable(),
    end: z.number().int().nonnegative().nullable(),
    statement: z.string().min(1).max(L.MAX_STATEMENT_CHARS),
    claimant: ShortText.nullable(),
    attribution: z.array(AttributionHop).max(L.MAX_ATTRIBUTION_HOPS),
    kind: ClaimKind,
    claimDate: IsoDate.nullable(),
    resolveBy: IsoDate.nullable(),
    score: z.number().min(0).max(1).nullable(),
    tags: z.array(z.string().min(1).max(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM),
    notes: z.string().max(L.MAX_CLAIM_NOTES_CHARS),
  })
  .partial()
  .strict();
export type ClaimPatch = z.infer<typeof ClaimPatch>;

/** Statuses or verdict keys one claim search may filter by (every scale's keys fit). */
const MAX_FILTER_VALUES = 100;

export const ClaimQuery = z
  .object({
    search: z.string().max(500).optional(),
    status: z.array(ClaimStatus).max(MAX_FILTER_VALUES).optional(),
    verdict: z.array(z.string().max(L.MAX_VERDICT_CHARS)).max(MAX_FILTER_VALUES).optional(),
    /** Claims whose claimant starts with this (case-insensitive); words inside it are found by `search`. */
    claimant: z.string().max(300).optional(),
    entityId: Id.optional(),
    outlet: z.string().max(500).optional(),
    tag: z.string().max(100).optional(),
    articleId: Id.optional(),
    collectionId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    sort: z.enum(['relevance', 'claimDate', 'updatedAt', 'createdAt', 'claimant', 'status', 'verdict', 'score']).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(5_000).default(200),
  })
  .strict();
export type ClaimQuery = z.input<typeof ClaimQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
}

export interface HistoryEntry {
  id: number;
  claimId: number | null;
  /** What changed: a claim field name, "verdict", "status", "link", "evidence", "created", "deleted"... */
  field: string;
  from: unknown;
  to: unknown;
  note: string | null;
  actor: string;
  at: string;
}

export interface Entity {
  id: number;
  name: string;
  type: EntityType;
  aliases: string[];
}

/** An entity folded into another by entities.merge: kept, not live, until entities.unmerge splits it back out. */
export interface MergedEntity {
  id: number;
  name: string;
  type: EntityType;
  mergedInto: number;
  mergedAt: string;
}

/** What entities.unmerge did: the entity split back out, and the one it had been merged into. */
export interface EntityUnmergeResult {
  restored: Entity;
  kept: Entity;
}

/** The entity to link to a claim: an existing one by id, or a name (found through names and aliases of that type, else created). */
export const EntityTarget = z.union([
  z.object({ entityId: Id }).strict(),
  z.object({ name: z.string().trim().min(1, 'an entity name needs at least one character').max(300), type: EntityType }).strict(),
]);
export type EntityTarget = z.infer<typeof EntityTarget>;

/** An entity as linked to one claim, in one role. */
export type ClaimEntity = Entity & { role: EntityRole };

/** What claims.linkEntity did: the entity linked, and whether it had to be created. */
export interface EntityLinkResult {
  entity: Entity;
  role: EntityRole;
  created: boolean;
}

export interface ClaimLink {
  id: number;
  fromClaimId: number;
  toClaimId: number;
  type: ClaimLinkType;
  note: string;
  createdAt: string;
}

export interface Evidence {
  id: number;
  claimId: number;
  articleId: number;
  quote: string;
  start: number | null;
  end: number | null;
  stance: EvidenceStance;
  note: string;
  createdAt: string;
}

export const NewEvidence = z.object({
  claimId: Id,
  articleId: Id,
  quote: z.string().max(L.MAX_QUOTE_CHARS).default(''),
  start: z.number().int().nonnegative().nullable().default(null),
  end: z.number().int().nonnegative().nullable().default(null),
  stance: EvidenceStance,
  note: z.string().max(L.MAX_NOTE_CHARS).default(''),
});
export type NewEvidence = z.input<typeof NewEvidence>;

export const SuggestionState = z.enum(['pending', 'accepted', 'rejected']);
export type SuggestionState = z.infer<typeof SuggestionState>;

/** A claim proposed by extraction for an article, waiting for a researcher to accept or reject it. */
export interface Suggestion {
  id: number;
  articleId: number;
  payload: NewClaim;
  state: SuggestionState;
  /** The claim created from it, once accepted. */
  claimId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: ClaimQuery;
  createdAt: string;
  updatedAt: string;
}

export interface Collection {
  id: number;
  name: string;
  claimCount: number;
  createdAt: string;
}

export interface BackupInfo {
  name: string;
  at: string;
  sizeBytes: number;
}

export interface ArchiveInfo {
  dir: string;
  schemaVersion: number;
  readOnly: boolean;
  /** Why the archive is read-only, when it is. */
  readOnlyReason: string | null;
  /** Read-only only because the disk is full: `archive.tryAgain` resumes once there is room. */
  diskFull: boolean;
  /** What the last restore or recovery did (which base, changes replayed or missing, files kept). */
  recovery: string | null;
  /**
   * How much of what is on disk is shown: 'partial' when journal damage hides later changes, 'none'
   * when the archive file could not be loaded (an empty stand-in is shown).
   */
  contents: 'complete' | 'partial' | 'none';
  sizeBytes: number;
  budgetBytes: number;
  counts: { articles: number; claims: number; entities: number };
}

/** Records of each kind in a `.claimdesk` archive file. */
export interface ArchiveRecordCounts {
  articles: number;
  claims: number;
  entities: number;
  links: number;
  evidence: number;
  history: number;
  collections: number;
  savedSearches: number;
}

/** What importing one `.claimdesk` file did: restored verbatim into an empty archive, or merged into this one. */
export interface ArchiveImportResult {
  mode: 'restored' | 'merged';
  added: ArchiveRecordCounts;
  /** Not added because already here: the same file, claim, entity or name, or a record of a claim already here. */
  present: ArchiveRecordCounts;
  /** A merge's id: archive.undoMerge(mergeId) takes back exactly what it added. */
  mergeId?: number;
}

/** What undoing an archive merge removed (the records it had added). */
export interface ArchiveMergeUndoResult {
  mergeId: number;
  /** The merged file's name, when known. */
  source: string | null;
  removed: ArchiveRecordCounts;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: { path: string; error: string }[];
  articleIds: number[];
  /** One per `.claimdesk` archive file imported (absent when there was none). */
  archives?: (ArchiveImportResult & { path: string })[];
  /** `.claimdesk` files opened from the file manager that wait for the user's yes before they merge. */
  pendingMerges?: PendingMerge[];
}

/**
 * A `.claimdesk` file opened from the file manager (not dropped or chosen in the app) that would merge
 * into an archive holding work: nothing is written until archive.confirmMerge(id).
 */
export interface PendingMerge {
  id: number;
  path: string;
  /** What the file holds (checked against every limit already). */
  records: ArchiveRecordCounts;
}

export interface ImportProgress {
  jobId: string;
  path: string;
  index: number;
  total: number;
  /** 'ocr': pages without a usable text layer are being read by OCR, `page` of `pages` done. */
  state: 'queued' | 'parsing' | 'ocr' | 'done' | 'duplicate' | 'failed' | 'cancelled';
  error?: string;
  articleId?: number;
  page?: number;
  pages?: number;
}

// --- Cross-referencing (main/crossref) ---

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

export const StanceQuery = z.union([
  z.object({ claimIds: z.array(Id).min(1).max(500) }).strict(),
  z.object({ clusterOf: Id }).strict(),
]);
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

/** Stable error codes; messages are for people, codes are for code. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'READ_ONLY'
  | 'CONFLICT'
  | 'UNSUPPORTED_FORMAT'
  | 'PARSE_FAILED'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'FORBIDDEN'
  | 'IO'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// --- Editing (renderer views: bulk changes, undo, suggestions review) ---

const Tag = z.string().trim().min(1).max(L.MAX_TAG_CHARS);

/** One change applied to many claims at once (the claims table's bulk actions). */
export const BulkChange = z
  .object({
    status: ClaimStatus.optional(),
    verdict: z.object({ scale: VerdictScaleKey, verdict: z.string().max(100).nullable() }).strict().optional(),
    addTags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM).optional(),
    removeTags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM).optional(),
    note: z.string().trim().max(20_000).optional(),
  })
  .strict()
  .refine((c) => c.status !== undefined || c.verdict !== undefined || !!c.addTags?.length || !!c.removeTags?.length, 'the change is empty: give a status, a verdict or tags')
  .refine((c) => c.verdict === undefined || !!c.note, 'a note is required when the verdict changes');
export type BulkChange = z.input<typeof BulkChange>;

/** What a bulk change can touch on one claim, as it was: enough to put it back (undo). */
export const ClaimWorkflowState = z
  .object({
    id: Id,
    status: ClaimStatus,
    verdictScale: VerdictScaleKey,
    verdict: z.string().max(100).nullable(),
    tags: z.array(Tag).max(L.MAX_TAGS_PER_CLAIM),
  })
  .strict();
export type ClaimWorkflowState = z.infer<typeof ClaimWorkflowState>;

/** A new claim prefilled from a text selection in the reader (not yet saved). */
export interface ClaimDraft {
  claim: z.output<typeof NewClaim>;
  /** Where the prefill came from: a stored suggestion, a fresh extraction of the span, or the selection alone. */
  source: 'suggestion' | 'extraction' | 'selection';
  suggestionId: number | null;
}

/** A link as one claim sees it: the link plus the claim at its other end. */
export interface LinkedClaim extends ClaimLink {
  other: { id: number; statement: string; claimant: string | null; deleted: boolean };
  /** This claim is the link's source (fromClaimId). */
  outgoing: boolean;
}

export interface EvidenceView extends Evidence {
  articleTitle: string;
}

/** Undo and redo of suggestion decisions: each suggestion back to a state (its claim deleted or restored). */
export const SuggestionDecision = z
  .object({ id: Id, state: SuggestionState, claimId: Id.nullable().default(null) })
  .strict();
export type SuggestionDecision = z.input<typeof SuggestionDecision>;

/** Edits a reviewer makes to a suggestion before accepting it: claim fields plus its entities, no defaults. */
export const SuggestionEdits = ClaimPatch.extend({ entities: NewClaim.shape.entities.unwrap().optional() });
export type SuggestionEdits = z.infer<typeof SuggestionEdits>;

// --- Reports and exports (main/reports) ---

/** Parts of each claim a report shows (the statement always shows). */
export const ReportField = z.enum(REPORT_FIELDS);
export type ReportField = z.infer<typeof ReportField>;
export { DEFAULT_REPORT_FIELDS };
export const ReportGroupBy = z.enum(REPORT_GROUPINGS);
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;
export const ReportSort = z.enum(REPORT_SORTS);
export type ReportSort = z.infer<typeof ReportSort>;

/** What goes into a report: exactly one way of choosing claims, plus layout and cover text. */
export const ReportSpec = z
  .object({
    claimIds: z.array(Id).min(1).max(5_000).optional(),
    search: ClaimQuery.optional(),
    collectionId: Id.optional(),
    entityId: Id.optional(),
    /** The claims joined to this one by "same" links (its cluster). */
    clusterOf: Id.optional(),
    fields: z.array(ReportField).max(REPORT_FIELDS.length).default(DEFAULT_REPORT_FIELDS),
    groupBy: ReportGroupBy.default('verdict'),
    sort: ReportSort.default('date'),
    title: z.string().trim().min(1, 'a report needs a title').max(300).default('Claim review report'),
    author: z.string().trim().max(300).default(''),
    /** Publishing organisation; ClaimReview's author when given. */
    organisation: z.string().trim().max(300).nullable().default(null),
    date: IsoDate.optional(),
    intro: z.string().max(20_000).default(''),
    /** Embed ClaimReview JSON-LD, source hashes and verdict histories. */
    verifiable: z.boolean().default(false),
  })
  .strict()
  .refine(
    (s) => [s.claimIds, s.search, s.collectionId, s.entityId, s.clusterOf].filter((v) => v !== undefined).length === 1,
    'choose the claims one way: claimIds, search, collectionId, entityId or clusterOf',
  );
export type ReportSpec = z.input<typeof ReportSpec>;
