// Negation: a claim and its denial share almost every word, so the difference has to be made
// visible. Syntactic cues ("not", "never", "n't") open a short scope whose words also get a "¬"
// marked twin term; denial words ("denied", "dismissed", "hoax") only flip the claim's polarity.

const SYNTACTIC_CUES = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'without', 'cannot']);
const DENIAL = /^(den(y|ied|ies|ying|ial)|dismiss|reject|refut|debunk|false|fake|hoax|untrue|myth|refus|disprov)/;

/** How many content words after a cue count as negated. */
export const NEGATION_SCOPE = 3;

export function isNegationCue(token: string): boolean {
  return SYNTACTIC_CUES.has(token);
}

export function isDenialWord(token: string): boolean {
  return DENIAL.test(token);
}

export const NEGATED_PREFIX = '¬';
