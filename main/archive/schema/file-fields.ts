// The zod checks the `.claimdesk` file applies to single fields: the API's limits (shared/limits.ts)
// plus the file's own (exchange/limits.ts). The table descriptions name them per column.
import { z } from 'zod';
import * as L from '../../../shared/limits';
import { MAX_ALIASES_PER_ENTITY, MAX_STAMP_CHARS } from '../exchange/limits';

export const Stamp = z.string().max(MAX_STAMP_CHARS);
export const Short = z.string().max(L.MAX_SHORT_TEXT_CHARS);
export const Nullable = Short.nullable();
export const Note = z.string().max(L.MAX_NOTE_CHARS);
export const Name = z.string().min(1).max(L.MAX_NAME_CHARS);
export const Names = z.array(z.string().max(L.MAX_NAME_CHARS)).max(MAX_ALIASES_PER_ENTITY);
export const Offset = z.number().int().nonnegative().nullable();
export const Quote = z.string().max(L.MAX_QUOTE_CHARS);
/** A claim's or an article's tags and notes. */
export const TagList = z.array(z.string().max(L.MAX_TAG_CHARS)).max(L.MAX_TAGS_PER_CLAIM);
export const ResearchNotes = z.string().max(L.MAX_CLAIM_NOTES_CHARS);

/** Levels of arrays and objects a history value may nest (a tag list is two): deeper ones overflow the stack when stored. */
const MAX_VALUE_DEPTH = 64;

/** How deeply a value nests, counted without recursion (the value comes from an untrusted file). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0 && deepest <= MAX_VALUE_DEPTH) {
    const [v, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const HistoryValue = z.unknown().refine((v) => depthOf(v) <= MAX_VALUE_DEPTH, `nests more than ${MAX_VALUE_DEPTH} levels deep`);
