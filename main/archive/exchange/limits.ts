// How much one `.claimdesk` archive file may hold, and how a refused file is explained. The limits of
// single fields are the API's (shared/limits.ts); these add the file's size and its record counts.
//
// Claimdesk works at the scale of 100,000 claims (with their articles, entities and history), which
// an export of about 200 MB holds. The caps leave room above that scale and stop well below what
// exhausted memory before they existed (300,000 claims took 1.8 GB and 81 s). They are checked before
// any record is validated, in the import worker, so an oversized file costs the app nothing.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';

export interface ArchiveLimits {
  /** Bytes of the file. */
  maxBytes: number;
  articles: number;
  claims: number;
  entities: number;
  mergedEntities: number;
  links: number;
  evidence: number;
  history: number;
  collections: number;
  savedSearches: number;
  highlights: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxBytes: 256 * 1024 * 1024,
  articles: 100_000,
  claims: 150_000,
  entities: 150_000,
  mergedEntities: 150_000,
  links: 300_000,
  evidence: 300_000,
  history: 1_500_000,
  collections: 10_000,
  savedSearches: 10_000,
  highlights: 300_000,
};

/** Names (aliases) of one entity in a file: far more than anyone adds by hand or gathers by merging entities. */
export const MAX_ALIASES_PER_ENTITY = 10_000;
/**
 * Entities linked to one claim in a file. A new claim names at most MAX_ENTITIES_PER_CLAIM, but
 * claims.linkEntity adds one at a time beyond that: a file must still take back what an export wrote.
 */
export const MAX_ENTITY_LINKS_PER_CLAIM = 1_000;
/** Characters of a timestamp, a history field name or an actor. */
export const MAX_STAMP_CHARS = 200;

export type RecordList = Exclude<keyof ArchiveLimits, 'maxBytes'>;

const RECORD_NAMES: Record<RecordList, [string, string]> = {
  articles: ['article', 'articles'],
  claims: ['claim', 'claims'],
  entities: ['entity', 'entities'],
  mergedEntities: ['merged entity', 'merged entities'],
  links: ['link', 'links'],
  evidence: ['evidence item', 'evidence items'],
  history: ['history entry', 'history entries'],
  collections: ['collection', 'collections'],
  savedSearches: ['saved search', 'saved searches'],
  highlights: ['highlight', 'highlights'],
};

const count = (n: number) => n.toLocaleString('en-US');
const size = (n: number) =>
  n < 1024 ? `${count(n)} bytes` : n < 1024 * 1024 ? `${count(Math.ceil(n / 1024))} KB` : `${count(Math.ceil(n / (1024 * 1024)))} MB`;
const tooLarge = (message: string) => new AppError('TOO_LARGE', `${message}; nothing was imported.`);

export function checkArchiveSize(bytes: number, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  if (bytes > limits.maxBytes) throw tooLarge(`The archive file is ${size(bytes)}; the limit is ${size(limits.maxBytes)}`);
}

/** Refuses a document with more records of a kind than the limit, before any record is looked at. */
export function checkRecordCounts(doc: Record<string, unknown>, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  for (const list of Object.keys(RECORD_NAMES) as RecordList[]) {
    const rows = doc[list];
    if (Array.isArray(rows) && rows.length > limits[list])
      throw tooLarge(`The archive file holds ${count(rows.length)} ${RECORD_NAMES[list][1]}; the limit is ${count(limits[list])}`);
  }
}

function valueAt(doc: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    doc,
  );
}

/** "claim 12" (by the record's id, else by its place in the file) for a path into a record list. */
function recordName(doc: unknown, list: RecordList, index: number): string {
  const id = valueAt(doc, [list, index, 'id']);
  const [one] = RECORD_NAMES[list];
  return Number.isInteger(id) && (id as number) > 0 ? `${one} ${id}` : `${one} number ${index + 1} in the file`;
}

function fieldName(path: PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `item ${k + 1}` : String(k))).join(' ');
}

/**
 * A validation problem as a person reads it, naming the record and the field:
 * "claim 12: statement is 104,857,600 characters; the limit is 20,000".
 */
export function describeArchiveIssue(doc: unknown, issue: z.core.$ZodIssue): AppError {
  const [list, index, ...rest] = issue.path;
  const inRecord = typeof list === 'string' && list in RECORD_NAMES && typeof index === 'number';
  const where = inRecord ? recordName(doc, list as RecordList, index) : 'the file';
  const fieldPath = inRecord ? rest : issue.path;
  const field = fieldName(fieldPath) || (inRecord ? 'the record' : 'its top level');
  const value = valueAt(doc, issue.path);
  if (issue.code === 'too_big' && (typeof value === 'string' || Array.isArray(value))) {
    const size = typeof value === 'string' ? `is ${count(value.length)} characters` : `holds ${count(value.length)} items`;
    return tooLarge(`${where}: ${field} ${size}; the limit is ${count(Number(issue.maximum))}`);
  }
  return new AppError('INVALID_ARGUMENT', `The archive file is damaged at ${where}, ${field}: ${issue.message}; nothing was imported.`);
}
