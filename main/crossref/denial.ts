// Whether a claim is worded as a denial, for the similar-claims flag "Worded as a denial: may
// contradict". Stricter than the matcher's negation feature: a negation inside a quoted clause
// belongs to someone else's words, and "not only … but", "no doubt", "no more than" deny nothing.

const QUOTED = /[“"„«][^”"“»]*[”"»]/g;
const NOT_DENIALS =
  /\b(?:not only|not just|not merely|no doubt|no matter|no less than|no more than|no sooner|not least|nothing but|never before|not to mention)\b/gi;
const DENIAL =
  /\b(?:not|never|no|none|nobody|nothing|neither|nor|no longer|den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted)?|false(?:ly)? (?:that|claim))\b|n['’]t\b/i;

export function isDenial(text: string): boolean {
  const own = text.replace(QUOTED, ' ').replace(NOT_DENIALS, ' ');
  return DENIAL.test(own);
}

/** The flag holds only when exactly one of the two is worded as a denial. */
export function deniesTheOther(a: string, b: string): boolean {
  return isDenial(a) !== isDenial(b);
}
