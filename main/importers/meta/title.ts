// A title for text that has none: the first sentence, shortened at a clause and rewritten the way
// headlines are ("X said Friday that Y" -> "X says Y").
import { datelineLength } from './agencies';

const MAX_TITLE = 120;
const WEEKDAY = '(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|on\\s+\\w+\\s+\\d{1,2})';

function firstSentence(text: string): string {
  const body = text.slice(datelineLength(text)).trim();
  const firstPara = body.split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  const m = /^(.{20,}?[.!?])(?=\s+["“‘']?[\p{Lu}\d])/u.exec(firstPara);
  return (m ? m[1] : firstPara).trim();
}

function headlineTense(sentence: string): string {
  const re = new RegExp(`^(.{3,80}?)\\s+said\\s+(?:${WEEKDAY}\\s+)?(?:that\\s+)?(.+)$`);
  const m = re.exec(sentence);
  return m ? `${m[1]} says ${m[2]}` : sentence;
}

function shorten(sentence: string): string {
  const noStop = sentence.replace(/[.!?]+$/, '');
  if (noStop.length <= MAX_TITLE) return noStop;
  const clause = /^(.{30,}?)(?:,|;|:| — | - | – )/.exec(noStop);
  if (clause && clause[1].length <= MAX_TITLE) return clause[1];
  const cut = noStop.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : MAX_TITLE)}…`;
}

/** A headline-like title derived from the body text; "Untitled" for text without words. */
export function deriveTitle(text: string): string {
  const sentence = firstSentence(text);
  if (!/\p{L}/u.test(sentence)) return 'Untitled';
  const clause = shorten(sentence);
  const firstClause = /^(.{30,}?), [\p{Ll}]/u.exec(clause);
  return headlineTense(firstClause && firstClause[1].length > 40 ? firstClause[1] : clause);
}
