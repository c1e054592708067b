// The CouchDB documents an archive syncs as (docs/sync.md §2), and their zod checks: whatever a
// server sends is validated here before it can touch the archive. Fields carry the archive's own
// limits (shared/limits.ts); text fields refuse markup that could only be an attack (a <script> tag,
// a javascript: URL), ids must be UUIDs, and unknown fields are refused.
import { z } from 'zod';
import * as L from '../../../shared/limits';
import {
  AttributionHop,
  ClaimKind,
  ClaimLinkType,
  EntityRole,
  EntityType,
  EvidenceStance,
  HighlightLabelSchema,
  PageStarts,
  TextQuality,
  VerdictScaleKey,
  WorkflowStatus,
} from '../../../shared/domain';
import { MAX_ALIASES_PER_ENTITY, MAX_STAMP_CHARS } from '../exchange/limits';

export const SYNC_KINDS = ['article', 'claim', 'entity', 'history', 'link', 'evidence', 'collection', 'highlight'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** A global id: a UUID v4 in lower case. */
export const Gid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'is not a global id');
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 digest');
export const Rev = z.string().regex(/^[1-9][0-9]{0,8}-[0-9a-f]{1,64}$/, 'is not a revision');

const HOSTILE = /<\s*\/?\s*(script|iframe|object|embed)\b|javascript\s*:|\bon[a-z]+\s*=\s*["']/i;
/** Text with a length limit and no active markup. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !HOSTILE.test(s), 'holds markup (a script, frame or javascript: URL)');
const Stamp = text(MAX_STAMP_CHARS);
const Short = text(L.MAX_SHORT_TEXT_CHARS);
const Note = text(L.MAX_NOTE_CHARS);
const Offset = z.number().int().nonnegative().nullable();
/** History values are stored as JSON text; the text must parse. */
const JsonText = text(L.MAX_ARTICLE_TEXT_CHARS).refine((s) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}, 'is not JSON');

export const ArticleBody = z
  .object({
    type: z.literal('article'),
    v: z.literal(1),
    title: text(L.MAX_TITLE_CHARS),
    outlet: Short.nullable(),
    author: Short.nullable(),
    published: Stamp.nullable(),
    url: text(L.MAX_URL_CHARS)
      .refine((u) => /^https?:\/\//i.test(u), 'is not an http(s) URL')
      .nullable(),
    language: Short.nullable(),
    wireAgency: Short.nullable(),
    text: text(L.MAX_ARTICLE_TEXT_CHARS),
    textQuality: TextQuality,
    textWarning: Short.nullable(),
    importedAt: Stamp,
    deletedAt: Stamp.nullable(),
    source: z.object({ sha256: Sha256, name: Short, type: Short, size: z.number().int().nonnegative() }).strict().nullable(),
    // Since schema 7 (absent from documents written before: the record here keeps its own).
    pageStarts: PageStarts.optional(),
    notes: text(L.MAX_CLAIM_NOTES_CHARS).optional(),
    tags: z.array(text(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM).optional(),
  })
  .strict();

export const ClaimConflict = z
  .object({
    rev: Rev,
    verdictScale: VerdictScaleKey,
    verdict: text(L.MAX_VERDICT_CHARS).nullable(),
    verdictNote: Note.nullable(),
    status: WorkflowStatus,
    statement: text(L.MAX_STATEMENT_CHARS),
    updatedAt: Stamp,
    deletedAt: Stamp.nullable(),
    // Since #20's conflicts kept them (absent from conflicts kept before: the claim's own are shown for them).
    notes: text(L.MAX_CLAIM_NOTES_CHARS).optional(),
    tags: z.array(text(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM).optional(),
  })
  .strict();
export type ClaimConflict = z.infer<typeof ClaimConflict>;

export const ClaimBody = z
  .object({
    type: z.literal('claim'),
    v: z.literal(1),
    article: Gid.nullable(),
    quote: text(L.MAX_QUOTE_CHARS),
    start: Offset,
    end: Offset,
    statement: text(L.MAX_STATEMENT_CHARS).refine((s) => s.length > 0, 'is empty'),
    claimant: Short.nullable(),
    attribution: z.array(AttributionHop).max(L.MAX_ATTRIBUTION_HOPS),
    kind: ClaimKind,
    claimDate: Stamp.nullable(),
    resolveBy: Stamp.nullable(),
    status: WorkflowStatus,
    verdictScale: VerdictScaleKey,
    verdict: text(L.MAX_VERDICT_CHARS).nullable(),
    verdictNote: Note.nullable(),
    score: z.number().finite().nullable(),
    tags: z.array(text(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM),
    notes: text(L.MAX_CLAIM_NOTES_CHARS),
    createdAt: Stamp,
    updatedAt: Stamp,
    deletedAt: Stamp.nullable(),
    entities: z.array(z.object({ entity: Gid, role: EntityRole }).strict()).max(1000),
    conflict: ClaimConflict.nullable(),
  })
  .strict();

export const EntityBody = z
  .object({
    type: z.literal('entity'),
    v: z.literal(1),
    name: text(L.MAX_NAME_CHARS).refine((s) => s.trim().length > 0, 'is empty'),
    entityType: EntityType,
    aliases: z.array(text(L.MAX_NAME_CHARS)).max(MAX_ALIASES_PER_ENTITY),
  })
  .strict();

export const HistoryBody = z
  .object({
    type: z.literal('history'),
    v: z.literal(1),
    claim: Gid.nullable(),
    field: Stamp,
    from: JsonText.nullable(),
    to: JsonText.nullable(),
    note: Note.nullable(),
    actor: Stamp,
    at: Stamp,
  })
  .strict();

/** A typed link between two claims; made and removed, never edited. */
export const LinkBody = z
  .object({
    type: z.literal('link'),
    v: z.literal(1),
    from: Gid,
    to: Gid,
    linkType: ClaimLinkType,
    note: Note,
    createdAt: Stamp,
  })
  .strict();

/** A passage of an article cited for or against a claim; made and removed, never edited. */
export const EvidenceBody = z
  .object({
    type: z.literal('evidence'),
    v: z.literal(1),
    claim: Gid,
    article: Gid,
    quote: text(L.MAX_QUOTE_CHARS),
    start: Offset,
    end: Offset,
    stance: EvidenceStance,
    note: Note,
    createdAt: Stamp,
  })
  .strict();

/**
 * A named set of claims and articles (its name unique whatever its case) with when each was added.
 * `articles` since schema 11: a document written before says nothing of them, and the collection
 * here keeps its own.
 */
export const CollectionBody = z
  .object({
    type: z.literal('collection'),
    v: z.literal(1),
    name: text(L.MAX_COLLECTION_NAME_CHARS).refine((s) => s.trim().length > 0, 'is empty'),
    createdAt: Stamp,
    members: z.array(z.object({ claim: Gid, addedAt: Stamp }).strict()).max(100_000),
    articles: z
      .array(z.object({ article: Gid, addedAt: Stamp }).strict())
      .max(100_000)
      .optional(),
  })
  .strict();

/** A passage of an article kept as context (schema 10): its span, the words there, a note and a label. */
export const HighlightBody = z
  .object({
    type: z.literal('highlight'),
    v: z.literal(1),
    article: Gid,
    start: z.number().int().nonnegative().max(L.MAX_ARTICLE_TEXT_CHARS),
    end: z.number().int().positive().max(L.MAX_ARTICLE_TEXT_CHARS),
    quote: text(L.MAX_QUOTE_CHARS),
    note: text(L.MAX_CLAIM_NOTES_CHARS),
    label: HighlightLabelSchema.nullable(),
    createdAt: Stamp,
    updatedAt: Stamp,
  })
  .strict()
  .refine((h) => h.end > h.start, { message: 'ends before it starts', path: ['end'] });

export type ArticleBody = z.infer<typeof ArticleBody>;
export type ClaimBody = z.infer<typeof ClaimBody>;
export type EntityBody = z.infer<typeof EntityBody>;
export type HistoryBody = z.infer<typeof HistoryBody>;
export type LinkBody = z.infer<typeof LinkBody>;
export type EvidenceBody = z.infer<typeof EvidenceBody>;
export type CollectionBody = z.infer<typeof CollectionBody>;
export type HighlightBody = z.infer<typeof HighlightBody>;
export type RecordBody = ArticleBody | ClaimBody | EntityBody | HistoryBody | LinkBody | EvidenceBody | CollectionBody | HighlightBody;

export const BODY_SCHEMAS = {
  article: ArticleBody,
  claim: ClaimBody,
  entity: EntityBody,
  history: HistoryBody,
  link: LinkBody,
  evidence: EvidenceBody,
  collection: CollectionBody,
  highlight: HighlightBody,
} as const;

/** A record document as it travels: `<kind>:<gid>`, a revision, the body. */
export interface SyncDoc {
  id: string;
  kind: SyncKind;
  gid: string;
  rev: string;
  body: RecordBody;
}

/** Splits `claim:<gid>` into its kind and gid (null for anything else). */
export function parseDocId(id: string): { kind: SyncKind; gid: string } | null {
  const m = /^(article|claim|entity|history|link|evidence|collection|highlight):(.+)$/.exec(id);
  if (!m || !Gid.safeParse(m[2]).success) return null;
  return { kind: m[1] as SyncKind, gid: m[2] };
}

/** Validates a pulled document's body (without `_id`, `_rev`, `_revisions`, `_attachments`). */
export function parseBody(kind: SyncKind, body: unknown): { ok: true; body: RecordBody } | { ok: false; reason: string } {
  const result = BODY_SCHEMAS[kind].safeParse(body);
  if (result.success) return { ok: true, body: result.data };
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `${where}${issue.message}` };
}
