// First names a reader would recognise in a byline: compromise's lexicon (mostly English) plus the
// `human-names` lists (MIT; about 5,300 popular given names in English, German, French, Italian,
// Spanish and Dutch). Used only to tell "Amelie Loevenich" (a person) from "Stadtwerke Beispiel".
import nlp from 'compromise';
import femaleDe from 'human-names/data/female-human-names-de.json' with { type: 'json' };
import maleDe from 'human-names/data/male-human-names-de.json' with { type: 'json' };
import femaleEn from 'human-names/data/female-human-names-en.json' with { type: 'json' };
import maleEn from 'human-names/data/male-human-names-en.json' with { type: 'json' };
import femaleEs from 'human-names/data/female-human-names-es.json' with { type: 'json' };
import maleEs from 'human-names/data/male-human-names-es.json' with { type: 'json' };
import femaleFr from 'human-names/data/female-human-names-fr.json' with { type: 'json' };
import maleFr from 'human-names/data/male-human-names-fr.json' with { type: 'json' };
import femaleIt from 'human-names/data/female-human-names-it.json' with { type: 'json' };
import maleIt from 'human-names/data/male-human-names-it.json' with { type: 'json' };
import femaleNl from 'human-names/data/female-human-names-nl.json' with { type: 'json' };
import maleNl from 'human-names/data/male-human-names-nl.json' with { type: 'json' };

const LISTS: string[][] = [femaleDe, maleDe, femaleEn, maleEn, femaleEs, maleEs, femaleFr, maleFr, femaleIt, maleIt, femaleNl, maleNl];
let known: Set<string> | null = null;

/** True when the word is a given name in compromise's lexicon or the human-names lists. */
export function isFirstName(word: string): boolean {
  known ??= new Set(LISTS.flat().map((n) => n.toLowerCase()));
  return known.has(word.toLowerCase()) || nlp(word).has('#FirstName');
}
