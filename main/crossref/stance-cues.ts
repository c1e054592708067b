// Verb cues that tell how an actor stands on a proposition. Non-committal wording is checked
// first: "did not confirm" contains a negation but is not a denial.
import type { Stance } from '../api/types';

const NONCOMMITTAL: RegExp[] = [
  /\b(?:refus|declin)\w*\s+to\s+(?:confirm|comment|say|deny|acknowledge)\w*/i,
  /\bstop(?:ped|s|ping)?\s+short\s+of\s+\w+/i,
  /\bneither\s+confirm\w*\s+nor\s+den\w*/i,
  /\b(?:not|n't)\s+(?:feel\s+the\s+need\s+to\s+|directly\s+|immediately\s+|publicly\s+)?(?:confirm|acknowledge)\w*/i,
  /\bno\s+need\s+to\s+confirm\w*/i,
  /\bwithout\s+(?:confirming|denying)\b/i,
  /\b(?:if\s+there\s+(?:is|were)\s+such|were\s+it\s+to\s+(?:exist|be\s+true))\b/i, // hypotheticals
];
const DENIAL: RegExp[] = [
  /\b(?:dismiss|reject|refut|rebuff|debunk|disavow|repudiat)\w*/i,
  /\bden(?:y|ied|ies|ying|ial)\b/i,
  /\b(?:called|calls|branded|labell?ed|described)\b[^.]{0,40}?\b(?:false|fabricat\w*|baseless|groundless|lies?|fake|untrue|nonsense|rumou?rs?)\b/i,
];
const DISPUTE: RegExp[] = [/\b(?:disput|contest|question|challeng)\w*/i, /\bcast\w*\s+doubt\b/i];

export interface Cue {
  stance: Exclude<Stance, 'none' | 'asserts'>;
  cue: string;
}

/** The first stance cue in `text`, or null when it simply asserts. */
export function stanceCue(text: string): Cue | null {
  for (const [stance, patterns] of [
    ['disputes', NONCOMMITTAL],
    ['denies', DENIAL],
    ['disputes', DISPUTE],
  ] as const) {
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) return { stance, cue: m[0] };
    }
  }
  return null;
}
