// Turns a sentence into sparse hashed features for the check-worthiness model. Training and
// scoring both go through `featurize`, so the model JSON and the app can never disagree.
import { lexiconTokens, type Lexicon } from './lexicon';

/** A sparse feature vector: parallel arrays of hashed indices and values. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** FNV-1a, 32 bit: fast, stable across runs and platforms. */
export function hashFeature(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & HASH_MASK;
}

const TOKEN_RE = /[a-z]+(?:['’][a-z]+)*|\d+(?:[.,]\d+)*|[$%?!£€]/g;

/** Lower-cased word tokens with digits reduced to a shape, so "1987" and "2016" share evidence. */
export function tokenize(sentence: string): string[] {
  const tokens = sentence.toLowerCase().match(TOKEN_RE) ?? [];
  return tokens.map((t) => (/^\d/.test(t) ? numberShape(t) : t.replace(/’/g, "'")));
}

function numberShape(token: string): string {
  const digits = token.replace(/[^\d]/g, '');
  if (/^(1[89]|20)\d\d$/.test(token)) return '<year>';
  return digits.length <= 1 ? '<d>' : '<num>';
}

// Small closed-class word lists that carry signal the 1,500 training sentences cannot teach alone.
const CUES: Record<string, RegExp> = {
  number:
    /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozens?)\b/i,
  quantity: /%|\$|£|€|\b(percent|per cent|million|billion|trillion|thousands?|hundreds?|dollars?|tons?|times)\b/i,
  year: /\b(1[89]\d\d|20\d\d)\b/,
  comparative:
    /\b(more|less|fewer|most|least|higher|lower|highest|lowest|largest|biggest|increased?|decreased?|doubled|tripled|rose|fell|cut|raised?|grew|only|first|record)\b|\w+er than\b/i,
  attribution: /\b(said|says|say|told|according to|reported|announced|claimed|accused|denied|confirmed|stated)\b/i,
  opinion:
    /\b(i think|i believe|i feel|we need|we must|we should|we have to|we've got to|i want|i hope|i'm going to|i will|let me|thank|great|wonderful|terrible|i'd like)\b/i,
  modal: /\b(should|must|ought|would|could|might|may)\b/i,
  firstPerson: /\b(i|me|my|i'm|i've|i'll)\b/i,
  question: /\?\s*["'”’]?\s*$/,
  exclamation: /!/,
  properNoun: /\s[A-Z][a-z]+/,
  pastTense: /\b(was|were|had|did|\w+ed)\b/i,
  negation: /\b(not|never|no|n't|nobody|nothing)\b/i,
};

function lengthBucket(tokenCount: number): string {
  if (tokenCount < 5) return 'len:xs';
  if (tokenCount < 10) return 'len:s';
  if (tokenCount < 20) return 'len:m';
  if (tokenCount < 35) return 'len:l';
  return 'len:xl';
}

/** Adds one feature group; `normalise` divides by sqrt(count) so long sentences do not dominate. */
function addGroup(out: Map<number, number>, names: string[], normalise: boolean): void {
  if (names.length === 0) return;
  const value = normalise ? 1 / Math.sqrt(names.length) : 1;
  for (const name of names) {
    const index = hashFeature(name);
    out.set(index, (out.get(index) ?? 0) + value);
  }
}

function wordUnigrams(tokens: string[]): string[] {
  return tokens.map((t) => `w:${t}`);
}

function wordBigrams(tokens: string[]): string[] {
  const padded = ['<s>', ...tokens, '</s>'];
  return padded.slice(1).map((t, i) => `b:${padded[i]} ${t}`);
}

function charNgrams(tokens: string[]): string[] {
  const names: string[] = [];
  for (const token of tokens) {
    const word = ` ${token} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= word.length; i++) names.push(`c:${word.slice(i, i + n)}`);
  }
  return names;
}

function cueNames(sentence: string, tokens: string[]): string[] {
  const names = [lengthBucket(tokens.length), 'bias'];
  for (const [name, re] of Object.entries(CUES)) if (re.test(sentence)) names.push(`cue:${name}`);
  return names;
}

/** Word-cluster 1–2-grams: words with similar vectors share evidence ("tax" helps "tariff"). */
function clusterNgrams(lexicon: Lexicon, sentence: string): string[] {
  const ids = lexiconTokens(lexicon, sentence).map((id) => lexicon.clusters[id]);
  return [...ids.map((c) => `k:${c}`), ...ids.slice(1).map((c, i) => `kb:${ids[i]}_${c}`)];
}

/**
 * The model's view of one sentence: word and character n-grams, a few hand-picked cues and, given
 * the word-vector lexicon, word-cluster n-grams.
 */
export function featurize(sentence: string, lexicon?: Lexicon): SparseVector {
  const tokens = tokenize(sentence);
  const acc = new Map<number, number>();
  addGroup(acc, wordUnigrams(tokens), true);
  addGroup(acc, wordBigrams(tokens), true);
  addGroup(acc, charNgrams(tokens), true);
  addGroup(acc, cueNames(sentence, tokens), false);
  if (lexicon) addGroup(acc, clusterNgrams(lexicon, sentence), true);
  return { indices: [...acc.keys()], values: [...acc.values()] };
}
