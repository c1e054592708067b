// First names a reader would recognise in a byline: compromise's lexicon (mostly English) plus the
// `human-names` lists (MIT; about 5,300 popular given names in English, German, French, Italian,
// Spanish and Dutch). Used only to tell "Amelie Loevenich" (a person) from "Stadtwerke Beispiel".
import nlp from 'compromise';
import { createRequire } from 'node:module';

// Read with require: the bundle keeps npm packages external, and Node needs no import attribute for a required JSON file.
const requireJson = createRequire(import.meta.url);
const LANGUAGES = ['de', 'en', 'es', 'fr', 'it', 'nl'];
let known: Set<string> | null = null;

function lists(): string[] {
  return LANGUAGES.flatMap((lang) =>
    ['female', 'male'].flatMap((sex) => requireJson(`human-names/data/${sex}-human-names-${lang}.json`) as string[]),
  );
}

/** True when the word is a given name in compromise's lexicon or the human-names lists. */
export function isFirstName(word: string): boolean {
  known ??= new Set(lists().map((n) => n.toLowerCase()));
  return known.has(word.toLowerCase()) || nlp(word).has('#FirstName');
}
