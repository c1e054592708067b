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
  /\b(?:sign up|subscribe|suscr[ií]b\w*|abonn\w*|iscriviti)\b.{0,80}\b(?:newsletter|inbox|e-?mail)\b/i,
  /(?:^|\s)(?:©|\(c\)\s*\d{4})|\bcopyright\s+(?:©\s*)?\d{4}\b|\ball rights reserved\b/i,
  /^(?:read more|click here|continue reading)\b|\b(?:read more|click here)\W*$/i,
  /\b(?:video|photo|foto|bild|image|gallery|galerie)\w*\s*:\s*$/i,
  // Only a date, maybe with "Updated"/"Published": page furniture, not an assertion.
  /^(?:(?:updated|published|posted|last modified)(?: on)?:?\s*)?(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}\W*$/i,
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
