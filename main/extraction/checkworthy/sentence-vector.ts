// Dense view of a sentence for the neural part of the model: the mean of its word vectors plus a few
// cues that word vectors blur (numbers, money, tense, person, questions, length).
import { lexiconTokens, type Lexicon } from './lexicon';

const DENSE_CUES: RegExp[] = [
  /\d/,
  /%|\bper ?cent\b/i,
  /[$£€]|\bdollars?\b/i,
  /\b(million|billion|trillion)\b/i,
  /\b(1[89]\d\d|20\d\d)\b/,
  /\?\s*["'”’]?\s*$/,
  /\b(i|me|my)\b/i,
  /\b(we|our|us)\b/i,
  /\b(you|your)\b/i,
  /\b(should|must|ought|would|could|might|will|going to)\b/i,
  /\b(was|were|had|did|has|have)\b/i,
  /\b(not|never|no|n't)\b/i,
  /\b(more|less|most|least|\w+est|\w+er than)\b/i,
  /\s[A-Z][a-z]+/,
];

export function denseSize(lexicon: Lexicon): number {
  return lexicon.dimensions + DENSE_CUES.length + 2;
}

export function sentenceVector(lexicon: Lexicon, sentence: string): Float32Array {
  const dims = lexicon.dimensions;
  const out = new Float32Array(denseSize(lexicon));
  const ids = lexiconTokens(lexicon, sentence);
  for (const id of ids) for (let d = 0, o = id * dims; d < dims; d++) out[d] += lexicon.vectors[o + d];
  if (ids.length > 0) for (let d = 0; d < dims; d++) out[d] /= ids.length;
  DENSE_CUES.forEach((re, k) => (out[dims + k] = re.test(sentence) ? 1 : 0));
  out[dims + DENSE_CUES.length] = Math.log1p(ids.length);
  out[dims + DENSE_CUES.length + 1] = ids.length === 0 ? 1 : 0;
  return out;
}
