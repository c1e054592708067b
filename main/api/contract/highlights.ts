// Highlights (#19): passages of an article kept as context, not claims, listed in the reader.
import { z } from 'zod';
import { method } from './define';
import { DeletedHighlight, HighlightPatch, Id, NewHighlight, type ClaimDraft, type Highlight } from '../../../shared/domain';

export const highlightsContract = {
  /** An article's highlights in reading order. */
  'highlights.list': method<Highlight[]>()(z.tuple([Id])),
  /** Keeps a passage (offsets into the article's text; the passage is read from it) with an optional note and label. */
  'highlights.create': method<Highlight>()(z.tuple([NewHighlight])),
  /** Changes the note (up to 100,000 characters) or the label. */
  'highlights.update': method<Highlight>()(z.tuple([Id, HighlightPatch])),
  /** Deletes a highlight and returns it as it was, for highlights.restore. */
  'highlights.delete': method<Highlight>()(z.tuple([Id])),
  /** Undo of delete: the same highlight (id, passage, note, times) again. */
  'highlights.restore': method<Highlight>()(z.tuple([DeletedHighlight])),
  /** A claim draft prefilled from the highlight's passage ("Make claim"). */
  'highlights.draftClaim': method<ClaimDraft>()(z.tuple([Id])),
} as const;
