// Highlights use cases (#19): passages a researcher keeps as context while reading, listed in the
// reader beside the article; one can become a claim, prefilled from its passage.
import type { Archive } from '../archive';
import type { ClaimDraft, Highlight, HighlightPatch, NewHighlight } from '../../shared/domain';
import { draftFromSpan } from './suggestions';

/** An article's highlights in reading order (NOT_FOUND for an unknown or deleted article). */
export function listHighlights(archive: Archive, articleId: number): Highlight[] {
  archive.articles.get(articleId);
  return archive.highlights.forArticle(articleId);
}

export function createHighlight(archive: Archive, input: NewHighlight): Promise<Highlight> {
  return archive.highlights.add(input);
}

export function updateHighlight(archive: Archive, id: number, patch: HighlightPatch): Promise<Highlight> {
  return archive.highlights.update(id, patch);
}

/** Deletes it and returns it as it was: highlights.restore takes it back (undo). */
export function deleteHighlight(archive: Archive, id: number): Promise<Highlight> {
  return archive.highlights.remove(id);
}

export function restoreHighlight(archive: Archive, highlight: Highlight): Promise<Highlight> {
  return archive.highlights.restore(highlight);
}

/** "Make claim": a new claim's draft from the highlight's passage, as a selection of it would give. */
export function draftFromHighlight(archive: Archive, id: number): ClaimDraft {
  const h = archive.highlights.get(id);
  return draftFromSpan(archive, h.articleId, h.start, h.end);
}
