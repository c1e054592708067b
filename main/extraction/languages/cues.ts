// The reporting words of every profile, for the faithfulness rule (../faithful.ts): a left-out stretch
// of the quote that holds one ("a déclaré la ministre", "sagte Scholz", "по словам Пескова") is
// attribution frame. Only data imports: the renderer's claim editor uses it too.
import { PROFILES } from './all';
import type { LanguageProfile } from './profile';

const single = (entry: string) => {
  const parts = entry.toLowerCase().replace(/’/g, "'").split(/\s+/);
  return parts.length === 1 ? parts[0] : parts.reduce((a, b) => (b.length > a.length ? b : a));
};

/** A verb with its subject pronoun attached, as French writes it after a quote ("explique-t-il"). */
const attached = (p: LanguageProfile) => {
  const pronouns = [...p.pronouns.masculine, ...p.pronouns.feminine, ...p.pronouns.plural];
  return [...p.verbs, ...p.auxiliaries].flatMap((v) => pronouns.flatMap((pr) => [`${v}-${pr}`, `${v}-t-${pr}`]));
};

/**
 * Reporting words that are also common English words: counting them as cues would let an English
 * statement drop a stretch with "so" or "note" in it unmarked. A German '„…“, so Scholz' keeps its
 * frame in the statement instead.
 */
const ENGLISH = new Set([
  'so',
  'note',
  'observe',
  'critique',
  'lance',
  'garde',
  'conclude',
  'replica',
  'parole',
  'dice',
  'avance',
  'juge',
  'palabras',
]);

export const FRAME_WORDS: ReadonlySet<string> = new Set(
  PROFILES.flatMap((p) =>
    [...p.verbs, ...p.participles, ...p.afterQuoteOnly, ...p.accordingBefore, ...p.accordingAfter, ...attached(p)]
      .map(single)
      .filter((w) => !ENGLISH.has(w)),
  ),
);
