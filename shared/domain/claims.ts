// Claims: the record, its attribution chain, new-claim and patch inputs, queries, history.
import { z } from 'zod';
import { WORKFLOW_STATUSES, VERDICT_SCALE_KEYS, type WorkflowStatus as WorkflowStatusValue } from '../verdicts';
import * as L from '../limits';
import { Id } from './core';
import { IsoDate, ShortText } from './text';
import { EntityRole, EntityType } from './entities';

export const ClaimKind = z.enum(['direct', 'indirect', 'reported']);
export type ClaimKind = z.infer<typeof ClaimKind>;
/** Where the work on a claim stands (not what was found: that is the verdict). Schema and type; values and labels in shared/verdicts.ts. */
export const WorkflowStatus = z.enum(WORKFLOW_STATUSES);
export type WorkflowStatus = WorkflowStatusValue;
export const VerdictScaleKey = z.enum(VERDICT_SCALE_KEYS);
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
/** Whether a statement is the quote's own words, with every editorial change in square brackets. */
export interface Faithfulness {
  faithful: boolean;
  problems: string[];
  /** Share of the statement's words not found in the quote in order, 0..1. */
  drift: number;
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
  status: WorkflowStatus;
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
  /** Changed on two devices (team sync): the other version is kept until a researcher picks (claims.conflict). */
  conflict: boolean;
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
  status: WorkflowStatus.default('new'),
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
export const MAX_FILTER_VALUES = 100;
export const ClaimQuery = z
  .object({
    search: z.string().max(500).optional(),
    status: z.array(WorkflowStatus).max(MAX_FILTER_VALUES).optional(),
    verdict: z.array(z.string().max(L.MAX_VERDICT_CHARS)).max(MAX_FILTER_VALUES).optional(),
    /** Claims whose claimant starts with this (case-insensitive); words inside it are found by `search`. */
    claimant: z.string().max(300).optional(),
    entityId: Id.optional(),
    outlet: z.string().max(500).optional(),
    tag: z.string().max(100).optional(),
    articleId: Id.optional(),
    collectionId: Id.optional(),
    /** true: only claims changed on two devices and not yet resolved (team sync's conflicts). */
    conflict: z.boolean().optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** date: the claim's date, else its article's publication date (the table's Date column). */
    sort: z
      .enum([
        'relevance',
        'claimDate',
        'updatedAt',
        'createdAt',
        'claimant',
        'status',
        'verdict',
        'score',
        'date',
        'published',
        'resolveBy',
        'article',
        'outlet',
      ])
      .default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(5_000).default(200),
  })
  .strict();
export type ClaimQuery = z.input<typeof ClaimQuery>;
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

/** What two devices' versions of a claim can differ in (team sync's conflict, docs/sync.md §4); `verdict` is scale, verdict and its note. */
export const CONFLICT_FIELDS = ['statement', 'verdict', 'status', 'deleted', 'notes', 'tags'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];
/** One device's version of a claim in conflict, with who made its last change, when and why (from its history). */
export interface ClaimVersion {
  statement: string;
  verdictScale: z.infer<typeof VerdictScaleKey>;
  verdict: string | null;
  verdictNote: string | null;
  status: WorkflowStatus;
  deleted: boolean;
  /** The researcher's notes and tags in this version (a conflict kept before they were: the claim's own). */
  notes: string;
  tags: string[];
  updatedAt: string;
  /** The history events that made this version (same time as its last change); empty when they have not arrived. */
  changes: HistoryEntry[];
  who: string | null;
  when: string;
  why: string | null;
}
/**
 * A claim changed on two devices: `mine` is the version whose last change this archive's researcher
 * made (when that does not tell them apart, the one the claim shows here), `theirs` the other;
 * `differs` names the fields where they disagree.
 */
export interface ClaimConflictView {
  claimId: number;
  mine: ClaimVersion;
  theirs: ClaimVersion;
  differs: ConflictField[];
}
export const ConflictSide = z.enum(['mine', 'theirs']);
export type ConflictSide = z.infer<typeof ConflictSide>;
/** A researcher's pick: one version whole, or per field (merge). */
export const ResolveConflict = z
  .object({
    claimId: Id,
    keep: z.enum(['mine', 'theirs', 'merged']),
    merged: z
      .object({
        statement: ConflictSide,
        verdict: ConflictSide,
        status: ConflictSide,
        deleted: ConflictSide,
        // Left out: mine.
        notes: ConflictSide.optional(),
        tags: ConflictSide.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((r) => (r.keep === 'merged') === (r.merged !== undefined), {
    message: 'say which version of each field to keep when merging (merged), and only then',
    path: ['merged'],
  });
export type ResolveConflict = z.infer<typeof ResolveConflict>;
/** What claims.resolveConflict did. */
export interface ResolvedConflict {
  claimId: number;
  kept: ResolveConflict['keep'];
  /** The history note: "Conflict resolved: kept …". */
  note: string;
  /** The kept version is a deletion: the claim is deleted now (undo brings it back). */
  deleted: boolean;
}
