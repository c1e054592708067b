// Hashtags and handles glue words together ("#stonemanshooting", "@georgesoros"). A query word
// the index has never seen is split in two where both halves are words the index knows.
import { stem } from '../text/normalize';

const MIN_PART = 3;

/** Best two-way split of `word` into known stems, by the rarer half's document frequency. */
export function splitCompound(word: string, docFreq: (term: string) => number): [string, string] | null {
  if (word.length < 2 * MIN_PART + 1 || /\d/.test(word)) return null;
  let best: [string, string] | null = null;
  let bestScore = 0;
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    const parts: [string, string] = [stem(word.slice(0, i)), stem(word.slice(i))];
    const score = Math.min(docFreq(parts[0]), docFreq(parts[1]));
    if (score > bestScore) {
      best = parts;
      bestScore = score;
    }
  }
  return best;
}
