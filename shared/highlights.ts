// Highlights' labels: a small fixed set a researcher may give a kept passage. Free of zod and other
// runtime imports so the renderer can use it (its bundle must stay free of zod; see shared/pages.ts).

/** What a highlight is kept for; a highlight without one is plain context. */
export const HIGHLIGHT_LABELS = ['background', 'question', 'follow-up', 'contrast'] as const;
export type HighlightLabel = (typeof HIGHLIGHT_LABELS)[number];

/** The words the reader shows for each label (never a colour alone). */
export const HIGHLIGHT_LABEL_TEXT: Record<HighlightLabel, string> = {
  background: 'Background',
  question: 'Open question',
  'follow-up': 'Follow up',
  contrast: 'Contrast',
};
