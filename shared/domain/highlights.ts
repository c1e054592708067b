// Highlights: passages of an article kept as context (not claims), with an optional note and label.
import { z } from 'zod';
import * as L from '../limits';
import { HIGHLIGHT_LABELS } from '../highlights';
import { Id } from './core';

export { HIGHLIGHT_LABELS, HIGHLIGHT_LABEL_TEXT, type HighlightLabel } from '../highlights';

export const HighlightLabelSchema = z.enum(HIGHLIGHT_LABELS);
/** A highlight's note: up to 100,000 characters, as an article's or a claim's notes. */
export const HighlightNote = z
  .string()
  .max(L.MAX_CLAIM_NOTES_CHARS, `a note is at most ${L.MAX_CLAIM_NOTES_CHARS.toLocaleString('en-US')} characters`);
const Offset = z.number().int().nonnegative();

export interface Highlight {
  id: number;
  articleId: number;
  /** Character offsets of the passage in the article's text (end exclusive). */
  start: number;
  end: number;
  /** The passage: the source's own words, as the text reads at start–end. */
  quote: string;
  note: string;
  label: z.infer<typeof HighlightLabelSchema> | null;
  createdAt: string;
  updatedAt: string;
}

/** What the reader sends to keep a passage: the quote is read from the article's text. */
export const NewHighlight = z
  .object({
    articleId: Id,
    start: Offset,
    end: Offset,
    note: HighlightNote.default(''),
    label: HighlightLabelSchema.nullable().default(null),
  })
  .strict();
export type NewHighlight = z.input<typeof NewHighlight>;

export const HighlightPatch = z.object({ note: HighlightNote.optional(), label: HighlightLabelSchema.nullable().optional() }).strict();
export type HighlightPatch = z.input<typeof HighlightPatch>;

/** A deleted highlight as delete returned it, for highlights.restore (undo): the same id again. */
export const DeletedHighlight = z
  .object({
    id: Id,
    articleId: Id,
    start: Offset,
    end: Offset,
    quote: z.string().max(L.MAX_QUOTE_CHARS),
    note: HighlightNote,
    label: HighlightLabelSchema.nullable(),
    createdAt: z.string().min(1).max(40),
    updatedAt: z.string().min(1).max(40),
  })
  .strict();
