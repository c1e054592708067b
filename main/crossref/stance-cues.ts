// Verb cues that tell how an actor stands on a proposition. Non-committal wording is checked
// first: "did not confirm" contains a negation but is not a denial.
import type { Stance } from '../../shared/domain';

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

const ORDER = [
  ['disputes', NONCOMMITTAL],
  ['denies', DENIAL],
  ['disputes', DISPUTE],
] as const;

/** Every stance cue in `text`, non-committal wording first, then denials, then disputes. */
function allCues(text: string): Cue[] {
  const out: Cue[] = [];
  for (const [stance, patterns] of ORDER) {
    for (const re of patterns) {
      const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
      for (const m of text.matchAll(g)) out.push({ stance, cue: m[0] });
    }
  }
  return out;
}

/** The first stance cue in `text`, or null when it simply asserts. */
export function stanceCue(text: string): Cue | null {
  return allCues(text)[0] ?? null;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/’/g, "'")
    .match(/[a-z']+/g) ?? [];

/**
 * The cue of the attribution around a claim: a stance word in the quote that is not part of the claim
 * itself. "X denied that the economy grew" → "denied"; in "The ministry denied the report", told by the
 * article as its own statement, "denied" is what is claimed, not how the article stands on it.
 */
export function frameCue(quote: string, statement: string): Cue | null {
  const inClaim = new Set(words(statement));
  return (
    allCues(quote).find(
      (c) =>
        !words(c.cue)
          .filter((w) => w.length > 2)
          .every((w) => inClaim.has(w)),
    ) ?? null
  );
}

const NEGATION =
  /\b(?:not|never|no|nor|neither|none|nobody|nothing|nowhere|without|cannot|\w+n['’]t|den(?:y|ied|ies|ying|ial)|dismiss\w*|reject\w*|refut\w*|debunk\w*|false|fake|hoax|untrue|myth|disprov\w*)\b/i;

/** The word that makes a statement negative ("did not", "never", "denied"), to show why it reads as a denial. */
export function negationCue(text: string): string | null {
  return NEGATION.exec(text)?.[0] ?? null;
}
