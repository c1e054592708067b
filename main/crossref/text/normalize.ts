// Text → index terms. One analyser for claims, queries and tweets so both sides of a comparison
// are normalised the same way: clean (URLs, handles, tweet signatures), fold (case, accents,
// quotes, contractions, name aliases), tokenize, then numbers, negation, stop words and stems.
import { porterStem } from './stem';
import { STOP_WORDS } from './stopwords';
import { matchNumber } from './numbers';
import { isDenialWord, isNegationCue, NEGATED_PREFIX, NEGATION_SCOPE } from './negation';

export interface Analysis {
  /** Index terms in text order: stems, "n:…"/"mag:…" number features, "¬stem" negation twins. */
  terms: string[];
  /** Content words before stemming (for character-level comparison). */
  words: string[];
  /** True when the text carries a negation cue or a denial word. */
  negated: boolean;
}

const CLAUSE_BREAK = '|';

// Order matters: tweet signatures before handles, URLs before punctuation. Names in signatures
// and handles are kept as words: who tweeted is often who the claim is about.
type Replacement = string | ((match: string, ...groups: string[]) => string);
const splitCamel = (word: string) => word.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
const CLEANUPS: [RegExp, Replacement][] = [
  // "— Name (@handle) May 1, 2020" → "Name May 2020"
  [/[—–-]{1,2}\s*([^—–()\n]{0,80})\(@\w+\)\s*([A-Z][a-z]+) \d{1,2}, (\d{4})["'\s]*$/gm, ' $1 $2 $3 '],
  [/\bpic\.twitter\.com\/\S+/gi, ' '],
  [/(?:https?:\/\/|www\.)\S+/gi, ' '], // no \b: hashtags run into URLs ("#Tagshttps://…")
  [/(^|[^\w])[@#](\w+)/g, (_m, before, tag) => `${before} ${splitCamel(tag)} `], // "@IvankaTrump", "#ImpeachTrump"
  [/&amp;/g, '&'],
  [/&quot;/g, '"'],
  [/&#39;|&apos;/g, "'"],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
];

/** Only text with one of these needs the cleanups above (most claims have none). */
const TWEETISH = /[@#&—–]|http|www\.|pic\./i;

// Aliases applied on the original case (US ≠ us), before lower-casing.
const ALIASES: [RegExp, string][] = [
  [/\bU\.\s?S\.(?:\s?A\.)?|\bUSA\b|\bUS\b|\bUnited States(?: of America)?\b/g, ' usa '],
  [/\bU\.\s?K\.|\bUK\b|\bUnited Kingdom\b|\bGreat Britain\b/g, ' uk '],
  [/\bU\.\s?N\.|\bUnited Nations\b/g, ' un '],
  [/\bE\.\s?U\.|\bEuropean Union\b/g, ' eu '],
  [/\b(?:covid[- ]?19|covid|coronavirus|sars[- ]cov[- ]2|2019[- ]ncov)\b/gi, ' covid '],
  // Newsroom abbreviations and nicknames, spelled out the way claims usually spell them.
  [/\bPOTUS\b/gi, ' president '],
  [/\bFLOTUS\b/gi, ' first lady '],
  [/\bSOTU\b/gi, ' state of the union '],
  [/\bGOP\b/g, ' republican '],
  [/\bdems\b/gi, ' democrats '],
  [/\bGitmo\b/gi, ' guantanamo '],
  [/\bJFK\b/g, ' john kennedy '],
  [/\bMLK\b/g, ' martin luther king '],
  [/\bAOC\b/g, ' ocasio cortez '],
  [/\bNYC\b/g, ' new york city '],
  [/\bD\.\s?C\.|\bDC\b/g, ' washington dc '],
  [/\bLA\b/g, ' los angeles '],
  [/\b(\d+)x\b/g, ' $1 times '],
];

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/'s\b/g, ''],
  [/'(re|ve|ll|d|m)\b/g, ''],
];

const TOKEN = /\d+(?:[.,]\d+)*[a-z]*|\p{L}+|[%$€£]|[.;:!?,()"]/gu;

export function cleanText(text: string): string {
  let s = text;
  if (TWEETISH.test(s)) {
    for (const [re, repl] of CLEANUPS) s = typeof repl === 'string' ? s.replace(re, repl) : s.replace(re, repl);
  }
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  s = s.replace(/[‘’ʼ`´]/g, "'").replace(/[“”«»„]/g, '"');
  for (const [re, repl] of ALIASES) s = s.replace(re, repl);
  s = s.toLowerCase();
  for (const [re, repl] of CONTRACTIONS) s = s.replace(re, repl);
  return s;
}

export function tokenize(cleaned: string): string[] {
  const out: string[] = [];
  for (const m of cleaned.matchAll(TOKEN)) out.push(/^[.;:!?,()"]$/.test(m[0]) ? CLAUSE_BREAK : m[0]);
  return out;
}

/**
 * Porter stem with two folds: transliterated name endings ("Zelenskiy", "Zelenskyy" → "zelensky")
 * and Porter's y/i alternation ("deploy" vs "deployed" → both "deploi").
 */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStem(word.replace(/(?<=\w{3})(iy|yy)$/, 'y')).replace(/y$/, 'i');
    // Vocabularies are Zipfian: a bounded memo spares most of the stemming work on large builds.
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

export function analyse(text: string): Analysis {
  const tokens = tokenize(cleanText(text));
  const terms: string[] = [];
  const words: string[] = [];
  let negated = false;
  let scope = 0;
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    const num = matchNumber(tokens, i);
    if (num) {
      terms.push(...num.features);
      i += num.length;
      continue;
    }
    i++;
    if (t === CLAUSE_BREAK) scope = 0;
    else if (isNegationCue(t)) {
      negated = true;
      scope = NEGATION_SCOPE;
    } else if (!STOP_WORDS.has(t) && (t.length > 1 || /\d/.test(t))) {
      if (isDenialWord(t)) negated = true;
      const s = stem(t);
      words.push(t);
      terms.push(s);
      if (scope > 0) {
        terms.push(NEGATED_PREFIX + s);
        scope--;
      }
    }
  }
  return { terms, words, negated };
}
