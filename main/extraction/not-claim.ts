// Sentences that are never claims, whatever their score: credit lines and page furniture that reached
// the text (a plain-text or PDF import has no markup to drop them by), and first-person narrative the
// article tells in its own voice ("I remember the summer…"), which asserts nothing a researcher can
// check. A source's own first person ('"We have sent troops," the minister said') is attributed and
// is not affected: the gate applies only to sentences without a claimant.

const CREDIT_RES = [
  /^(?:[A-Z][\p{L}.'’-]+\s+){1,4}(?:reported|contributed reporting)\s+from\b/u,
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b/i,
  /(?:\/|\bvia\s+)(?:getty images|afp|reuters|ap|epa|shutterstock)\W*$/i,
  /\bcredit\s*(?:credit)?\s*[A-Z][\p{L}.'’ -]{2,60}(?:\/|for\s+)the\s+[A-Z][\w ]+$/u,
  /^(?:photo|video|image|contributed|getty images|continue reading(?: the main story)?|advertisement|read more)\W*$/i,
  /^(?:sign up|subscribe)\b.{0,150}\b(?:newsletter|inbox|email)\b/i,
];
const FIRST_PERSON_RE = /(?:^|[\s,;:(—–-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|me|my|mine|myself)(?=[\s,.;:!?)—–-]|$)/;
const QUOTE_RE = /["“”«»„]/;

/** A credit, byline or furniture line that slipped into the article text. */
export function isCreditLine(sentence: string): boolean {
  const s = sentence.trim();
  return CREDIT_RES.some((re) => re.test(s));
}

/** First-person singular narration outside quotation marks: the writer's story, not a checkable claim. */
export function isFirstPersonNarrative(sentence: string): boolean {
  return !QUOTE_RE.test(sentence) && FIRST_PERSON_RE.test(sentence);
}
