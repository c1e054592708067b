// Reports and exports (main/reports): fields, grouping, sorting, the report spec.
import { z } from 'zod';
import { DEFAULT_REPORT_FIELDS, REPORT_FIELDS, REPORT_GROUPINGS, REPORT_SORTS } from '../report-formats';
import { Id } from './core';
import { IsoDate } from './text';
import { ClaimQuery } from './claims';

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
