// Finds who a sentence attributes its content to, the way an editor reads news:
//   direct and mixed quotes ('"…," he said', '"…," said X, role', '"A," X said, "B."'),
//   reported speech ('X said (that) …', 'X told reporters …', 'X, a spokesman for Y, said …'),
//   trailing frames ('…, X said on Tuesday.', '…, said X, the minister.'),
//   coordinated verbs ('X on Wednesday downplayed … and said …' → X), 'according to X', media credits
//   (', state media reported'), acts of stance ('X accused Y of …') and 'with X saying …' sub-claims.
// Quotation marks include the typewriter pair '' … '' / `` … '' of wire copy.
import type { ClaimKind } from '../../shared/domain';

export interface Span {
  start: number;
  end: number;
}

/** One claim found in a sentence, before speakers are resolved to entities. */
export interface ClaimShape {
  /** The claim's span in the article (the sentence, or a clause of it). */
  span: Span;
  /** The asserted content within the span, without the attribution. */
  content: Span;
  /** Attribution frame inside `content` to leave out of the statement ("according to X", ", state media reported"). */
  omit: Span[];
  /** The speaker phrase as written ("he", "Kim", "vice foreign minister Kim Jong Gyu"). */
  speaker: Span | null;
  /** A medium that carried the statement ("the official Korean Central News Agency", "state media"). */
  medium: Span | null;
  /** The reporting cue as written ("said", "told", "according to", "warned"). */
  cue: Span | null;
  kind: ClaimKind;
}

/** Regular verb forms of a base ("warn" → warn|warns|warned|warning). */
function inflect(base: string): string[] {
  if (base.includes(' ')) return [base];
  if (/[^aeiou]y$/.test(base)) return [base, base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing'];
  if (base.endsWith('e')) return [base, base + 's', base + 'd', base.slice(0, -1) + 'ing'];
  if (/(?:s|sh|ch|x)$/.test(base)) return [base, base + 'es', base + 'ed', base + 'ing'];
  // A stressed final consonant doubles: admitted, regretted, referred, quipped.
  if (/(?:mit|gret|fer|cur|but|quip|jab|snap|fret|plan|stop|nag)$/.test(base)) {
    const doubled = base + base.slice(-1);
    return [base, base + 's', doubled + 'ed', doubled + 'ing'];
  }
  return [base, base + 's', base + 'ed', base + 'ing'];
}
const forms = (bases: string, irregular: string) => [...bases.split(/\s+/).flatMap(inflect), ...irregular.split(/\s+/)];

// Verbs of saying: they take a clause or a quote.
const SPEECH_FORMS = forms(
  'add announce argue assert acknowledge admit allege answer caution claim complain concede confirm contend counter declare deny emphasize emphasise estimate explain insist maintain mention note observe predict promise pledge recall remark reply report respond reveal stress suggest testify tweet post vow warn ask continue conclude charge joke boast reiterate agree disclose threaten urge',
  'say says said saying tell tells told telling write writes wrote writing written stated',
);
// Verbs of thinking: reported only before a clause ("X believes that …", "X thinks he …").
const BELIEF_FORMS = forms('believe expect fear hope worry predict', 'think thinks thought thinking');
// Acts of stance: the whole sentence is the claim.
const ACTS =
  'accused|accuses|accusing|dismissed|dismisses|rejected|rejects|pointed to|points to|slammed|slams|criticised|criticized|criticises|criticizes|condemned|condemns|blamed|blames|called on|called for|calls on|calls for|praised|hailed|questioned|attacked|defended|endorsed';
// Findings of a document ("a Quinnipiac poll found …", "the report shows …"): only with a document as subject.
const EVIDENCE = 'found|finds|find|shows|showed|show|has shown|have shown|indicates|indicated';
const EVIDENCE_RE = new RegExp(`^(?:${EVIDENCE})$`, 'i');
const DOCUMENT_HEAD_RE =
  /\b(?:polls?|surveys?|study|studies|reports?|analysis|analyses|data|review|investigation|audit|research|figures|statistics|numbers|records|documents?|e-?mails|census|tally|estimates?|projections?|forecasts?|results|memos?|filings?|assessment|index|tests?|experiments?|trials?|paper|audits|probe|inquiry|findings|count|calculations?|models?)$/i;
// Acts of stance that take an object and a description ("Trump called Clinton a liar"): the whole sentence
// is the claim, and only a clause's own subject is its speaker.
const STANCE =
  'likened|likens|compared|called|calls|described|describes|mocked|mocks|denounced|denounces|disputed|disputes|cited|cites|assured|assures|reminded|reminds|labeled|labelled|branded|dubbed|ridiculed|blasted|lambasted|chided|scolded|touted|touts|bragged|brags|challenged|challenges|pushed back|shot back|fired back|hit back|lashed out|took aim';
const STANCE_RE = new RegExp(`^(?:${STANCE})$`, 'i');
const CUE_WORDS = [...new Set([...SPEECH_FORMS, ...BELIEF_FORMS])].sort((a, b) => b.length - a.length).join('|');
const AUX = String.raw`(?:(?:has|have|had|will|would|also|both|all|sometimes|never|[a-z]+ly|long|repeatedly|previously|already|earlier|again|reportedly|publicly|privately|recently|since|now|later|then|once|often|frequently|initially|subsequently|separately|similarly|flatly|quickly|simply|even|still|further|bluntly|openly|has also|have also|had also|went on to|did not|didn't|has not|hasn't|continues to|continued to|(?:is|are|was|were|been)\s+continuing to|(?:is|are|was|were|been)(?=\s+[a-z]+ing\b))\s+)*`;
const VERB_RE = new RegExp(String.raw`(?<![\w'’-])${AUX}(${CUE_WORDS}|${ACTS}|${EVIDENCE}|${STANCE})(?![\w'’-])`, 'g');
const BELIEF_RE = new RegExp(`^(?:${BELIEF_FORMS.join('|')})$`, 'i');
const SPEECH_RE = new RegExp(`^(?:${SPEECH_FORMS.join('|')})$`, 'i');
/** Cues that may come before their speaker ('"…," said X'); "told" and acts take an object instead. */
const INVERTS =
  /^(?:said|says|added|adds|asked|asks|wrote|writes|continued|explained|noted|insisted|argued|warned|tweeted|replied|responded|recalled|countered|conceded|acknowledged|declared|stated|remarked|observed|concluded|complained|joked|predicted|cautioned|stressed|admitted|agreed|answered|confirmed|reported|posted)$/i;
/** Right after a lower-case past tense the cue word is a noun: "the bloodshed raised fears that…". */
const AFTER_A_VERB = /(?:^|\s)(?!(?:need|feed|seed|speed|bed|red|shed)\s)[a-z]{3,}ed\s+$/;
const NOT_A_VERB_BEFORE =
  /(?:\b(?:the|a|an|these|those|his|her|its|their|our|such|any|no|this|that|my|your|whose|of|to|for|first|last|new|latest|recent|previous|earlier|public|official|written|formal)\s+|so-|(?<!\b(?:he|she|it|who|that|there|what))['’]s\s+)$/i;
/** A noun, not a verb: "the first mention of", "reports of". */
const NOUN_AFTER = /^\s+(?:of|about)\b/i;
const MEDIA_TAIL_RE =
  /,\s*((?:the\s+)?[\w' -]{2,60}?)\s+(?:reported|said|reports|says|showed|shows|indicated|suggested)(?:\s+(?:on\s+|late\s+|early\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday))?\s*(?=[,.;]|$)/gi;
const ACCORDING_RE = /,?\s*according to\s+([^,.;"“”]+(?:\.[^,.;"“”\s][^,.;"“”]*)*)/gi;
const WITH_SAYING_RE = /,\s*with\s+([^,;]{2,120}?)\s+(saying|claiming|warning|adding|insisting|arguing)\s+(?:that\s+)?/;
const RELATIVE_RE = /,\s*(?:which|who|whose)\b[^,]*,/g;
/** Verbs that are speech only before "that", a colon, a comma or a quote ("she maintains a presence"). */
const WEAK_SPEECH_RE =
  /^(?:claim|claims|claimed|maintains|maintained|notes|noted|confirms|confirmed|denies|denied|admits|admitted|estimates|estimated|suggests|suggested|acknowledged|revealed|states|stated|posted|declares|declared|announces|announced|explained|promised|pledged|threatened|vowed|adds|added|stressed|stresses|asked|asks|answered|continued|continues|point|pointed|points|reported|reports|mentioned|charged|agreed|urged|urges|observed|recalled|countered|reiterated|disclosed|warned|warns|concluded|respond|responded|replied|testified)$/i;
const COMMUNICATION_RE =
  /^(?:warned|explained|acknowledged|asked|noted|stated|argued|stressed|urged|announced|declared|confirmed|denied|reiterated|recalled|complained|testified|suggested|revealed|disclosed|insisted|cautioned|conceded|promised|pledged|vowed|threatened|suggests|suggested)$/i;
const HEADLINE_COLON_RE = /(?:^|\s[-–—]\s+)((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][a-z][\w.'’-]*):\s+(?=\S)/;
const NOT_A_COLON_SPEAKER =
  /^(?:news|update|updates|note|photo|photos|video|watch|read|editor|breaking|related|listen|live|analysis|opinion|correction|sources?|credit|by|with|from|and|also|here|there|this|that|the|what|why|how|when|where|who|background|timeline|q|a|question|answer|quote|quotes|context|details|summary|full|part|chapter|step|warning|example|caption|graphic|map|chart|poll|results|more|morning|evening|today|tonight|[A-Z][a-z]+day|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const QUOTE_CHARS = '"“”«»„';
const TIME_WORD =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|earlier|later|recently)';
const TIME_AFTER_VERB_RE = new RegExp(
  String.raw`^\s*(?:(?:on|late|early|last|this|earlier|later)\s+)*(?:(?:last|this|next)\s+)?${TIME_WORD}?(?:\s+(?:morning|afternoon|evening|night))?\s*(?:that\s+)?`,
  'i',
);
const TRAILING_ADVERBIAL_RE = new RegExp(
  String.raw`(?:,?\s+(?:(?:on|late|early|last|this|earlier|later)\s+)*${TIME_WORD}(?:\s+(?:morning|afternoon|evening|night))?|,?\s+in\s+(?:(?:early|late|mid-?)\s*)?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:19|20)\d\d|,?\s+in\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:statement|interview|email|e-mail|tweet|post|speech|letter|release|conference|briefing|memo|report|filing|video|message|appearance|op-ed|column|call|remarks)(?:\s+(?:with|to|on)\s+[^,]{1,40})?|,?\s+(?:also|then|later|recently|once|previously|earlier|again|however|meanwhile|too|himself|herself|themselves|itself))\s*,?\s*$`,
  'i',
);
const LEADING_CONNECTIVE_RE =
  /^(?:(?:and|but|so|yet|or|still|now|then|meanwhile|however|instead|also|indeed|later|earlier|ultimately|finally|separately|privately|publicly|moreover|similarly|likewise|nonetheless|nevertheless|plus)\b[\s,]*)+/i;
/** A chunk that opens with a preposition or subordinator: the speaker is the name at its end. */
const LEADING_ADJUNCT_RE =
  /^(?:after|before|when|while|during|in|on|at|following|since|as|despite|amid|asked|speaking|upon|by|from|with|without|unlike|like|through|over|under|if|though|although|because|once|until|whereas)\b/i;
const GROUP_HEADS =
  'officials?|analysts?|experts?|critics?|aides?|advisers?|advisors?|spokesman|spokeswoman|spokesperson|spokespeople|sources?|people|residents|witnesses|observers|strategists?|economists?|lawmakers?|legislators?|senators?|congressmen|members|leaders?|voters|supporters|opponents|democrats|republicans|conservatives|liberals|activists?|advocates?|researchers?|scientists?|doctors?|lawyers?|attorneys?|prosecutors?|investigators?|police|authorities|diplomats?|ministers?|minister|president|governor|mayor|secretary|chairman|chairwoman|director|executive|ceo|founder|campaign|administration|government|ministry|department|agency|company|firm|report|study|survey|poll|polls|analysis|statement|memo|letter|document|documents|filing|data|figures|statistics|website|committee|commission|court|judge|justice|party|group|organization|organisation|union|association|council|board|office|team|staff|spokesmen|insiders|allies|rivals|operatives|pollsters?|historians?|scholars?|professors?|candidates?|nominee|officer|official|head|chief|aide|adviser|source|editorial|newspaper|network|outlet|bank|fund|institute|center|centre|foundation|think tank|watchdog|regulators?|commissioners?|delegates?|organizers?|organisers?|protesters|demonstrators|workers|employees|parents|students|teachers|americans|citizens';
const GROUP_HEAD_RE = new RegExp(String.raw`\b(?:${GROUP_HEADS})$`, 'i');
const GROUP_WORD_RE = new RegExp(
  String.raw`\b(?:${GROUP_HEADS}|executives|organizations|organisations|groups|companies|firms|officers|agencies|polls|surveys|reports|studies|members|donors|insiders)\b`,
  'i',
);
const SPEAKER_START_RE =
  /^(?:[A-Z\u00C0-\u024F]|(?:he|she|they|it|we|i|you|officials|the|a|an|his|her|their|its|our|some|many|most|several|two|three|four|five|both|one|another|other|senior|former|top|local|state|federal|vice|deputy|foreign|president|prime|minister)\b)/;
const NOT_SPEAKER_WORDS =
  /\b(?:is|are|was|were|be|been|being|would|could|should|can|cannot|did|does|do|if|because|than|there|whether|not|that|what|whom|which|when|where|how|why|(?:wouldn|couldn|shouldn|didn|doesn|don|won|can|isn|aren|wasn|weren|hasn|haven|hadn)['’]t)(?![\w'’])/i;

/** Typewriter quotes of wire copy ('' … '' and `` … ''): the same length with a real quote mark. */
function normaliseQuotes(sentence: string): string {
  return sentence.replace(/''|``/g, (m) => (m === '``' ? '“ ' : '" '));
}

/** The sentence with quoted passages blanked out, so verbs and commas inside quotes are ignored. */
export function maskQuotes(sentence: string): { masked: string; quotes: Span[] } {
  const text = normaliseQuotes(sentence);
  const quotes: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!QUOTE_CHARS.includes(c)) continue;
    // A straight quote after a word and before a space or punctuation, with none open: it closes a quote
    // that began in an earlier sentence ('… this country," former Gov. Jeb Bush said').
    if (
      c === '"' &&
      open < 0 &&
      quotes.length === 0 &&
      i > 0 &&
      /[^\s(]/.test(text[i - 1]) &&
      /^(?:[\s,.;:!?)]|$)/.test(text.slice(i + 1, i + 2))
    ) {
      quotes.push({ start: 0, end: i + 1 });
      continue;
    }
    const closes = open >= 0 && c !== '“' && c !== '«' && c !== '„';
    if (closes) {
      quotes.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c !== '”' && c !== '»') open = i;
    else if (open < 0 && quotes.length === 0) {
      // A closing mark with no opening one: the sentence continues a quote from before.
      quotes.push({ start: 0, end: i + 1 });
    }
  }
  // A quote still open at the end runs on into the next sentence.
  if (open >= 0 && open < text.length - 1) quotes.push({ start: open, end: text.length });
  let masked = text;
  for (const q of quotes) {
    const a = q.start === 0 && !QUOTE_CHARS.includes(text[0]) ? 0 : q.start + 1;
    const b = q.end === text.length && !QUOTE_CHARS.includes(text[text.length - 1]) ? q.end : q.end - 1;
    masked = masked.slice(0, a) + '_'.repeat(Math.max(0, b - a)) + masked.slice(b);
  }
  return { masked, quotes };
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Start of the comma/quote/dash-delimited chunk that ends at `end`. */
function chunkStart(masked: string, from: number, end: number): number {
  const prefix = masked.slice(from, end);
  let cut = -1;
  const re = /[,;:"“”]|\s[-–—]{1,2}\s|[—–―]/g;
  for (let m = re.exec(prefix); m; m = re.exec(prefix)) cut = m.index + m[0].length - 1;
  return from + cut + 1;
}

/** A plausible speaker phrase ("Mr. Trump", "a senior adviser to Mr. Sanders", "analysts", "he"). */
function isSpeakerPhrase(phrase: string): boolean {
  if (!phrase || phrase.includes('_') || /^[\d\s.,-]+$/.test(phrase)) return false;
  const words = phrase.split(/\s+/);
  if (words.length > 24 || (words.length > 12 && !phrase.includes(','))) return false;
  if (NOT_SPEAKER_WORDS.test(phrase)) return false;
  if (/^(?:in|at|on|during|after|before|by|for|with|from|to|of|as|asked|speaking)\b/i.test(phrase)) return false;
  return (
    SPEAKER_START_RE.test(phrase) ||
    GROUP_HEAD_RE.test(phrase) ||
    /^\d/.test(phrase) ||
    (words.length <= 8 && (/\s[A-Z]/.test(phrase) || GROUP_WORD_RE.test(phrase)))
  );
}

const NP_STOP =
  /^(?:after|before|when|whenever|while|because|since|although|though|if|unless|as|that|which|who|whom|whose|where|than|but|or|so|then|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|should|may|might|must|not|also|whereas|until|once|how|why|what|whether|said|says|told)$/i;
const NOUN_ING =
  /^(?:morning|evening|building|meeting|briefing|hearing|king|wing|thing|spring|string|funding|polling|ring|sibling|ceiling|offering|wedding|setting|recording|filing|ruling|landing|reading|painting|darling)$/i;
const LEADING_PREP =
  /^(?:in|on|at|for|from|to|with|of|by|about|over|under|into|during|amid|despite|following|upon|according|asked|speaking|writing|appearing|campaigning|just|even|only|later|earlier)$/i;

/**
 * The noun phrase at the end of a chunk ("forcefully denouncing the regime after Trump" → "Trump",
 * "which critics" → "critics", "a senior adviser to Mr. Sanders" whole): offset of its start in `phrase`.
 */
function trailingNP(phrase: string): number {
  const tokens = [...phrase.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
  let first = tokens.length;
  const capital = (t: { text: string } | undefined) => !!t && /^[A-Z\u00C0-\u024F(]/.test(t.text);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = tokens[i].text.replace(/[.,]+$/, '');
    if (NP_STOP.test(w)) break;
    if (/^and$/i.test(w) && !(capital(tokens[i - 1]) && capital(tokens[i + 1]))) break;
    if (/^[a-z]+ing$/.test(w) && !NOUN_ING.test(w)) break;
    if (/^[a-z]+ed$/.test(w) && (capital(tokens[i - 1]) || /^(?:he|she|they|it|we)$/i.test(tokens[i - 1]?.text ?? ''))) break;
    first = i;
  }
  while (first < tokens.length && LEADING_PREP.test(tokens[first].text)) first++;
  return first < tokens.length ? tokens[first].at : phrase.length;
}

/** The speaker phrase before a verb, with an appositive ("X, a spokesman for Y, said") kept whole. */
function subjectBefore(masked: string, clauseStart: number, verbStart: number, trailing: boolean): Span | null {
  let end = verbStart;
  // "X on Tuesday said", "X, in a statement, said", "X also said".
  for (let guard = 0; guard < 4; guard++) {
    const m = TRAILING_ADVERBIAL_RE.exec(masked.slice(clauseStart, end));
    if (!m || m[0].length === 0) break;
    end = clauseStart + m.index;
  }
  while (end > clauseStart && /\s/.test(masked[end - 1])) end--;
  // "Gabriel Sherman, who reported that …": the relative pronoun's antecedent speaks.
  const relative = /(?:,\s*|\s+)(?:who|which)$/i.exec(masked.slice(clauseStart, end));
  if (relative) {
    end = clauseStart + relative.index;
    const antecedentStart = chunkStart(masked, clauseStart, end);
    const phrase = masked.slice(antecedentStart, end);
    // "Obama met Paul Ryan, who said …": the name the clause hangs on, else the noun phrase before it.
    const properName = TRAILING_NAME_RE.exec(phrase);
    const at = antecedentStart + (properName && /^[A-Z]/.test(properName[0]) ? properName.index : trailingNP(phrase));
    let span = trimSpan(masked, { start: at, end });
    // "Mitch McConnell, now the Senate majority leader, who said …": the name before the appositive.
    const comma = masked.lastIndexOf(',', antecedentStart);
    if (
      /^(?:now|then|once|also|the|a|an|his|her|their|its)\b/.test(masked.slice(span.start, span.end)) &&
      comma > clauseStart &&
      comma >= antecedentStart - 2
    ) {
      const headStart = chunkStart(masked, clauseStart, comma);
      const headPhrase = masked.slice(headStart, comma);
      const name = TRAILING_NAME_RE.exec(headPhrase.trimEnd());
      if (name && isSpeakerPhrase(name[0].trim())) span = trimSpan(masked, { start: headStart + name.index, end: comma });
    }
    return isSpeakerPhrase(masked.slice(span.start, span.end)) ? span : null;
  }
  let start = chunkStart(masked, clauseStart, end);
  if (start === end && masked[end - 1] === ',') {
    // An appositive just before the verb: "Trump's attorney, Alan Garten, said" / "X, a senior adviser, said".
    const appositiveEnd = end - 1;
    const appositiveStart = chunkStart(masked, clauseStart, appositiveEnd);
    const head =
      appositiveStart > clauseStart && masked[appositiveStart - 1] === ',' ? chunkStart(masked, clauseStart, appositiveStart - 1) : -1;
    const headPhrase = head >= 0 ? masked.slice(head, appositiveStart - 1).trim() : '';
    const appositive = masked.slice(appositiveStart, appositiveEnd).trim();
    const headOk =
      head >= 0 &&
      isSpeakerPhrase(headPhrase.replace(LEADING_CONNECTIVE_RE, '')) &&
      !LEADING_ADJUNCT_RE.test(headPhrase) &&
      headPhrase.split(/\s+/).length <= 8;
    if (headOk && !isSpeakerPhrase(appositive)) {
      // "Priebus, in the wake of a new poll, told …": the aside is not the speaker.
      start = head;
      end = appositiveStart - 1;
    } else {
      start = headOk && (!trailing || head > clauseStart) ? head : appositiveStart;
      end = appositiveEnd;
      if (!isSpeakerPhrase(appositive) && start === appositiveStart) return null;
    }
  }
  let span = trimSpan(masked, { start, end });
  let phrase = masked.slice(span.start, span.end);
  const connective = LEADING_CONNECTIVE_RE.exec(phrase);
  if (connective) {
    span = { start: span.start + connective[0].length, end: span.end };
    phrase = masked.slice(span.start, span.end);
  }
  if (!phrase.includes(',')) {
    const at = trailingNP(phrase);
    span = { start: span.start + at, end: span.end };
    phrase = phrase.slice(at);
  }
  if (!isSpeakerPhrase(phrase)) return null;
  return span;
}

/** The speaker phrase after an inverted verb ('…," said Kim Jong Gyu, vice foreign minister'). */
function subjectAfter(masked: string, verbEnd: number, clauseEnd: number): Span | null {
  const rest = masked.slice(verbEnd, clauseEnd);
  const lead = TIME_AFTER_VERB_RE.exec(rest)?.[0] ?? '';
  const tail = rest.slice(lead.length);
  // Up to a comma, semicolon, quote or sentence end; titles and initials keep their period ("Rep. Jerry Nadler").
  const m = /^(?:[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'’&-]*\.?\s*|(?:of|for|at|the|and)\s+)+/.exec(tail);
  if (!m) return null;
  let phrase = m[0].replace(/\s+$/, '');
  // A sentence-final period is not part of the name ("said Mr. Smith." keeps "Mr." but drops the last ".").
  if (/\.$/.test(phrase) && !/(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|St|Jr|Sr|Prof|Sgt|Capt|Adm|Maj)\.$/.test(phrase))
    phrase = phrase.slice(0, -1);
  const full = phrase;
  phrase = phrase
    .replace(/\s+(?:who|that|which|whose|when|after|as|in an?|on|in)\s.*$/i, '')
    .replace(/\s+(?:on|in|at|of|for|and|the|to)$/i, '');
  const cutAtRelative = phrase !== full && /^\s+(?:who|that|which|whose)\s/i.test(full.slice(phrase.length));
  if (!phrase || /^(?:on|in|at|that|it|to|this|those)\b/i.test(phrase) || new RegExp(`^${TIME_WORD}$`, 'i').test(phrase)) return null;
  if (!isSpeakerPhrase(phrase) && !/\b[A-Z]/.test(phrase)) return null;
  const start = verbEnd + lead.length;
  // The phrase must close the frame ('…," said X.' / '…, said X, the minister'), not open a clause.
  const closes = (n: number) => /^\s*(?:[.,;:!?"”_)—–-]|$)/.test(masked.slice(start + n, clauseEnd));
  // "says a source involved in the talks." / "said a person familiar with the matter.": a group head with
  // its post-modifier is the speaker as a whole when it closes the frame.
  if (
    !cutAtRelative &&
    !closes(phrase.length) &&
    closes(full.length) &&
    GROUP_WORD_RE.test(phrase) &&
    full.split(/\s+/).length <= 10 &&
    !NOT_SPEAKER_WORDS.test(full)
  )
    return { start, end: start + full.length };
  if (!cutAtRelative && !closes(phrase.length)) return null;
  return { start, end: start + phrase.length };
}

function quotedShare(quotes: Span[], content: Span): number {
  const inside = quotes.reduce((sum, q) => sum + Math.max(0, Math.min(q.end, content.end) - Math.max(q.start, content.start)), 0);
  return inside / Math.max(1, content.end - content.start);
}

function kindOf(quotes: Span[], content: Span, speaker: Span | null): ClaimKind {
  if (!speaker) return 'reported';
  return quotedShare(quotes, content) >= 0.5 ? 'direct' : 'indirect';
}

/**
 * Media credits inside a clause ("according to X", ", state media reported"): attribution frame, left out
 * of the statement. Relative clauses are found only to skip them when looking for the speaker; they are
 * content and stay in the statement.
 */
function creditsIn(masked: string, clause: Span): { medium: Span | null; mediumCue: Span | null; omit: Span[]; relatives: Span[] } {
  const omit: Span[] = [];
  const relatives: Span[] = [];
  let medium: Span | null = null;
  let mediumCue: Span | null = null;
  const text = masked.slice(0, clause.end);
  for (const re of [ACCORDING_RE, MEDIA_TAIL_RE, RELATIVE_RE]) {
    re.lastIndex = clause.start;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (re === RELATIVE_RE) {
        relatives.push({ start: m.index, end: m.index + m[0].length - 1 });
        continue;
      }
      omit.push({ start: m.index, end: m.index + m[0].length });
      if (!medium) {
        const at = m.index + m[0].indexOf(m[1]);
        medium = trimSpan(masked, { start: at, end: at + m[1].length });
        if (re === ACCORDING_RE) {
          const cueAt = m.index + m[0].search(/according/i);
          mediumCue = { start: cueAt, end: cueAt + 'according to'.length };
        } else {
          const v = /\s+(\w+)\s*(?:\s+\S+)?\s*$/.exec(m[0].slice(0, m[0].length));
          const verb = /(reported|said|reports|says|showed|shows|indicated|suggested)/i.exec(m[0].slice(m[1].length + m[0].indexOf(m[1])));
          if (verb && v) {
            const cueAt = m.index + m[0].indexOf(m[1]) + m[1].length + verb.index;
            mediumCue = { start: cueAt, end: cueAt + verb[0].length };
          }
        }
      }
    }
  }
  return { medium, mediumCue, omit, relatives };
}

/** The masked text with relative clauses blanked, so "Seoul, which has long accused …, has" finds "Seoul". */
function withoutRelatives(masked: string, relatives: Span[]): string {
  let out = masked;
  for (const o of relatives) out = out.slice(0, o.start) + ' '.repeat(o.end + 1 - o.start) + out.slice(o.end + 1);
  return out;
}

/** "She maintains a presence", "he admits defeat": such verbs report speech only before "that", a quote or a colon. */
function reportsSpeech(verb: string, after: string): boolean {
  // "did not complain when …", "warned if …": a subordinate clause is not what was said.
  if (
    !/^(?:said|says|say|saying|told|tells|tell|telling)$/i.test(verb) &&
    /^\s*(?:when|whenever|if|whether|because|until|after|before|while|since)\b/i.test(after)
  )
    return false;
  if (BELIEF_RE.test(verb)) return /^\s*(?:that\b|(?:he|she|they|it|we|i|there)\b(?!['’]s))/i.test(after);
  if (/^(?:telling|saying|adding|noting|arguing|warning|insisting|writing|asking|explaining|claiming)$/i.test(verb))
    return /^\s*(?:,|:|that\b|["“«]|[^,.;]{0,40}\bthat\b|(?:he|she|they|it|we|i|the|a|an|there)\b)/i.test(after);
  // Acts of communication with a named subject report what was said even without a clause ("X warned us about …").
  if (COMMUNICATION_RE.test(verb)) return true;
  return (
    !WEAK_SPEECH_RE.test(verb) ||
    /^\s*(?:,|:|that\b|["“«_]|(?:on|in|at|last|this|late|early)\s[^,.;:]{0,30}\bthat\b|(?:he|she|they|it|we|i|there)\b(?!['’]s))/i.test(
      after,
    )
  );
}

/** What follows a verb when it reports a clause or a quote ("that …", ": …", "“…", "he …"), not an object. */
const CLAUSE_AFTER_RE =
  /^\s*(?:that\b|:|["“«_]|(?:he|she|they|it|we|i|there|the|a|an|this|these|those|his|her|their|its|our)\b[^,.;:]{0,60}\b(?:is|are|was|were|will|would|could|can|had|has|have|should|must|may|might|did|does|do)\b|[^,.;]{0,40}\bthat\b)/i;

/** The recipient of "told" ("told reporters", "told The Times on Sunday") up to its content. */
function afterRecipient(masked: string, from: number, end: number): number {
  const rest = masked.slice(from, end);
  const m = /^\s*(?:[^,.;:"“_]{1,60}?)\s+(?:that\s+|(?=(?:he|she|they|it|we|i|the|there|his|her|their)\s))/i.exec(rest);
  if (m) return from + m[0].length;
  const colon = /^\s*[^,.;:"“_]{1,60}?(?:[,:]\s*)(?=["“_])/.exec(rest);
  return colon ? from + colon[0].length : from;
}

const CONJUNCT_SUBJECT_RE =
  /((?:(?:The|the)\s+)?(?:[A-Z][\w.'’&-]*\s+(?:(?:of|for|the)\s+)?){0,6}[A-Z][\w.'’&-]*(?:\s+(?:campaign|administration|government|officials|aides|spokesman|spokeswoman|team|committee))?(?:\s+\([^)]{1,20}\))?|(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,3}(?:official|officials|campaign|administration|government|mogul|candidate|nominee|senator|governor|president|minister|spokesman|spokeswoman|group|committee|report|poll|survey|study|analysis)|\b(?:he|she|they|it|we|He|She|They|It|We)\b)(?:,[^,]{1,80},)?\s+(?:(?:\w+ly|also|later|then|again|first|initially|on\s+\w+day|\w+day)\s+)*(?:was|is|has|had|have|were|are|[a-z]+ed|[a-z]+s|said|told|wrote|made|took|gave|went|came|spoke|sent|met|led|ran|won|lost|held|left|put|set|got|kept|paid|stood|sat|began|drew|saw|threw)\b/g;

/** The subject of the verb before "and said" ("Sen. Chuck Grassley (R-Iowa) on Wednesday downplayed … and said …"). */
function conjunctSubject(masked: string, clauseStart: number, andAt: number): Span | null {
  const prefix = masked.slice(clauseStart, andAt);
  let last: RegExpMatchArray | null = null;
  for (const m of prefix.matchAll(CONJUNCT_SUBJECT_RE)) last = m;
  if (!last || last.index === undefined) return null;
  const run = last[1];
  const at = trailingNP(run);
  const phrase = run.slice(at);
  if (!phrase || !isSpeakerPhrase(phrase)) return null;
  const start = clauseStart + last.index + at;
  return { start, end: start + phrase.length };
}

/** The main claim of a clause: who says it, and which part is the content. */
function analyseClause(sentence: string, masked: string, quotes: Span[], clause: Span, from = clause.start): ClaimShape {
  const credits = creditsIn(masked, clause);
  const omitted = (i: number) => [...credits.omit, ...credits.relatives].some((o) => i >= o.start && i < o.end);
  const plain = withoutRelatives(masked, credits.relatives);
  const span = trimSpan(sentence, clause);
  VERB_RE.lastIndex = from;
  for (let m = VERB_RE.exec(masked); m && m.index < clause.end; m = VERB_RE.exec(masked)) {
    const textBefore = masked.slice(clause.start, m.index);
    if (omitted(m.index) || NOT_A_VERB_BEFORE.test(textBefore) || AFTER_A_VERB.test(textBefore)) continue;
    // "the first mention of", "reports of": a noun (past forms are verbs: "said of the front-runner").
    if (
      NOUN_AFTER.test(masked.slice(m.index + m[0].length, clause.end)) &&
      !/(?:ed|told|said|wrote|thought)$/i.test(m[1]) &&
      !/^(?:tells|tell|telling|asks|complains|writes|says|say|saying)$/i.test(m[1])
    )
      continue;
    const verb = m[1];
    // A present form after a word that cannot end a subject is a noun ("state media", "and promises to").
    if (
      !/(?:ed|ing)$|^(?:said|told|wrote|written|thought)$/.test(verb) &&
      /\b(?:and|or|nor|with|of|for|by|in|on|at|to|from|into|the|a|an|its|his|her|their|our|my|your|this|that|these|those|state|public|official|formal|written|verbal|new|first|last|latest|impassioned|empty|broken|campaign|election|such|any|no|many|few|several)\s+$/i.test(
        masked.slice(Math.max(clause.start, m.index - 40), m[0].length > verb.length ? m.index : m.index + m[0].length - verb.length),
      )
    )
      continue;
    // "X did not say that …", "X never claimed …": what follows is not X's claim; the sentence is the claim.
    if (/\b(?:not|never)\b|n['’]t\b/i.test(m[0].slice(0, m[0].length - verb.length))) continue;
    const cue = { start: m.index + m[0].length - verb.length, end: m.index + m[0].length };
    const verbEnd = cue.end;
    const before = masked.slice(clause.start, m.index);
    const after = masked.slice(verbEnd, clause.end);
    const lead = TIME_AFTER_VERB_RE.exec(after)?.[0].length ?? 0;
    // Nothing after the verb but time words, a credit or the sentence end: the frame closes the sentence.
    const tail = after.slice(lead);
    const frameAtEnd =
      /^[\s.,;!?"”_)]*$/.test(tail) ||
      /^\s*,\s*(?:adding|noting|saying|calling|according|who|referring|citing|in\b)/i.test(tail) ||
      // "…, X told POLITICO." / "…, X said in an interview on Fox News."
      (/^[^"“_,;:]{1,80}?[.!?]?["”]?\s*$/.test(tail) &&
        tail.trim().split(/\s+/).length <= 9 &&
        !/\b(?:that|would|will|is|was|are|were|has|had|have|can|could|should|did|does|he|she|they|it|we|i)\b/i.test(tail) &&
        (/^(?:told|tells)$/i.test(verb) ||
          /^\s*(?:in|on|at|during|to|after|before|while|from|via|through|last|this|earlier|with|as|when)\b/i.test(tail)));
    // Right after a quote, or after a quote that ends its own sentence or clause ('"…," Mr. Conant, the consultant, said').
    const beforeRaw = normaliseQuotes(sentence).slice(clause.start, m.index);
    const afterQuote =
      /["”_]\s*,?\s*$/.test(before) || /[,.!?—–-]\s*["”]\s*,?\s+\S+(\s+\S+){0,8}\s*$/.test(beforeRaw.replace(/\s+(?:on|in)\s+\S+\s*$/, ''));
    const isSpeech = SPEECH_RE.test(verb);
    const trailing = frameAtEnd && /[,"”_]\s*\S/.test(before);
    if (!afterQuote && !trailing && !reportsSpeech(verb, after)) continue;
    // ", saying …" / "by saying …": a participle has no subject of its own.
    const participle = /ing$/i.test(verb) && /(?:,|\b(?:by|after|before|while|in))\s*(?:\w+ly\s+)?$/i.test(before);
    // "He's telling …", "they're saying …": the subject ends before the contracted auxiliary.
    const contracted = /(?<=\b(?:he|she|it|who|that|they|we|you|i))['’](?:s|re|ve|d|ll)\s+$/i.exec(masked.slice(clause.start, m.index));
    const subjectEnd = contracted ? clause.start + contracted.index : m.index;
    let speaker = participle ? null : subjectBefore(plain, clause.start, subjectEnd, trailing || afterQuote);
    if (speaker && (trailing || afterQuote) && speaker.start === clause.start && !frameAtEnd) speaker = speaker ?? null;
    const inverted =
      !speaker && (afterQuote || /,\s*$/.test(before)) && INVERTS.test(verb) ? subjectAfter(masked, verbEnd, clause.end) : null;
    // "X … and said …": the subject of the clause.
    // "X … and said …", "X …, saying …", "X … by saying …": the subject of the clause's first verb.
    const conjunction =
      /\b(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+|later\s+)?$/i.exec(masked.slice(clause.start, m.index)) ??
      (/ing$/i.test(verb) ? /(?:,\s*|\b(?:by|after|before|while|in)\s+)(?:\w+ly\s+)?$/i.exec(masked.slice(clause.start, m.index)) : null);
    if (!speaker && !inverted && conjunction) speaker = conjunctSubject(plain, clause.start, clause.start + conjunction.index);
    const who = speaker ?? inverted;
    if (!who) continue;
    if (EVIDENCE_RE.test(verb) || STANCE_RE.test(verb)) {
      // Only the clause's own subject, right before the verb ("a group called X" names, it does not speak).
      const chunk = chunkStart(plain, clause.start, m.index);
      const lead = plain.slice(chunk, who.start);
      if (!speaker || !/^[\s,]*(?:(?:and|but|so|yet|then|meanwhile|however|also|later|earlier)\b[\s,]*)*$/i.test(lead)) continue;
      if (EVIDENCE_RE.test(verb) && !DOCUMENT_HEAD_RE.test(plain.slice(who.start, who.end).replace(/[\s,]+$/, ''))) continue;
    }
    let content: Span;
    let omit: Span[] = [];
    const frameStart = Math.min(who.start, m.index);
    if ((afterQuote || trailing || inverted) && frameStart > clause.start + 3) {
      // '"A," X said, "B."' / 'A, X said.' / 'A, said X, role.': the content around the frame.
      const frameEnd = inverted ? inverted.end : verbEnd + lead;
      const quoteAgain = /^[^"“_]*?(?=["“])/.exec(masked.slice(frameEnd, clause.end));
      const resume = quoteAgain && quoteAgain[0].length < 60 ? frameEnd + quoteAgain[0].length : clause.end;
      content = trimSpan(sentence, { start: clause.start, end: resume < clause.end ? clause.end : frameStart });
      if (resume < clause.end) omit = [{ start: frameStart, end: resume }];
    } else if ((isSpeech || BELIEF_RE.test(verb)) && !(COMMUNICATION_RE.test(verb) && !CLAUSE_AFTER_RE.test(after.slice(lead)))) {
      let from = verbEnd + lead;
      if (/^(?:told|tells|tell|telling|asked|asks|urged|urges)$/i.test(verb)) from = afterRecipient(masked, from, clause.end);
      from += /^\s*(?:that\b|:)/i.exec(sentence.slice(from))?.[0].length ?? 0;
      // "…said that X, state media reported, but …": the content ends at the media credit.
      const creditStart = credits.omit.find((c) => c.start > from + 10)?.start ?? clause.end;
      content = trimSpan(sentence, { start: from, end: Math.min(clause.end, creditStart) });
      if (content.end - content.start < 12) content = span;
    } else content = span;
    omit = [...omit, ...credits.omit.filter((o) => o.start >= content.start && o.start < content.end)];
    return { span, content, omit, speaker: who, medium: credits.medium, cue, kind: kindOf(quotes, content, who) };
  }
  // "Jeffrey M. Jones: “…”", "Trey Gowdy: Benghazi probe revealed …": a name and a colon open the statement.
  const colon = HEADLINE_COLON_RE.exec(masked.slice(clause.start, clause.end));
  if (
    colon &&
    !credits.medium &&
    !NOT_A_COLON_SPEAKER.test(colon[1]) &&
    !/['’]s\b/.test(colon[1]) &&
    clause.end - clause.start - colon[0].length > 20
  ) {
    const start = clause.start + colon.index + colon[0].indexOf(colon[1]);
    const who = { start, end: start + colon[1].length };
    const content = trimSpan(sentence, { start: who.end + 1, end: clause.end });
    return {
      span,
      content,
      omit: [],
      speaker: who,
      medium: null,
      cue: { start: who.end, end: who.end + 1 },
      kind: kindOf(quotes, content, who),
    };
  }
  // No verb with a speaker: "X happened, state media reported" or "according to X, …".
  const speaker = credits.medium;
  return {
    span,
    content: span,
    omit: credits.omit,
    speaker,
    medium: null,
    cue: speaker ? credits.mediumCue : null,
    kind: kindOf(quotes, span, speaker),
  };
}

/** All claims in one sentence (offsets relative to the sentence). */
export function analyseSentence(sentence: string): ClaimShape[] {
  const { masked, quotes } = maskQuotes(sentence);
  const end = sentence.replace(/[\s.!?]+$/, (tail) => (/["”’)']/.test(tail) ? tail : '')).length;
  const withSaying = WITH_SAYING_RE.exec(masked);
  if (!withSaying) {
    const main = { ...analyseClause(sentence, masked, quotes, { start: 0, end }), span: { start: 0, end: sentence.length } };
    const later = laterSpeakers(sentence, masked, quotes, main, end);
    return [main, ...later, ...relativeSpeakers(sentence, masked, quotes, [main, ...later])];
  }
  const main = analyseClause(sentence, masked, quotes, { start: 0, end: withSaying.index });
  const speakerStart = withSaying.index + withSaying[0].indexOf(withSaying[1], 6);
  const speaker = { start: speakerStart, end: speakerStart + withSaying[1].length };
  const cueStart = speaker.end + withSaying[0].slice(speaker.end - withSaying.index).indexOf(withSaying[2]);
  const content = trimSpan(sentence, { start: withSaying.index + withSaying[0].length, end });
  const sub: ClaimShape = {
    span: { start: speaker.start, end: content.end },
    content,
    omit: [],
    speaker,
    medium: null,
    cue: { start: cueStart, end: cueStart + withSaying[2].length },
    kind: kindOf(quotes, content, speaker),
  };
  return [main, sub];
}

/**
 * Other speakers further on in the sentence ("X accused Y of …, while Y said …", "Comey said Clinton told
 * investigators …"): each is a claim of its own, from its speaker to the end of its content, carried by
 * the main speaker when it sits inside that speaker's content. At most two.
 */
function laterSpeakers(sentence: string, masked: string, quotes: Span[], main: ClaimShape, end: number): ClaimShape[] {
  const out: ClaimShape[] = [];
  let from = main.cue?.end ?? 0;
  if (!main.cue || !main.speaker) return out;
  while (out.length < 2 && from < end) {
    const next = analyseClause(sentence, masked, quotes, { start: 0, end }, from);
    if (!next.cue || !next.speaker || next.cue.start < from) break;
    from = next.cue.end;
    // Only forward clauses whose own content follows their cue ("Y said …"), not frames closing the sentence.
    if (next.speaker.start < (main.cue?.end ?? 0) || next.content.start < next.cue.start || next.content.end - next.content.start < 12)
      continue;
    // Carried by the main speaker only inside what they said ("Comey said Clinton told …"), not after "while"/"but".
    const inside =
      main.content.start >= (main.cue?.end ?? 0) &&
      next.speaker.start >= main.content.start &&
      next.speaker.end <= main.content.end &&
      !/\b(?:while|whereas|but|although|though)\b/i.test(masked.slice(main.cue?.end ?? 0, next.speaker.start));
    out.push({ ...next, span: { start: next.speaker.start, end: next.content.end }, medium: inside ? main.speaker : next.medium });
  }
  return out;
}

/** The name a phrase ends with ("… met Paul Ryan", "Mr. Carson"): up to five capitalised words and particles. */
const TRAILING_NAME_RE = /(?:(?:[A-Z][\w.'’-]*|of|the|de|van|von)\s+){0,4}[A-Z][\w.'’-]*$/;
/** A relative clause's own verb first: "who said …", "who in 2010 warned …", "who has long argued …". */
const RELATIVE_CUE_RE = new RegExp(
  String.raw`^(?:(?:in|on|at|last|this|since|during)\s+[\w-]+\s+|${TIME_WORD}\s+)?${AUX}(${CUE_WORDS})(?![\w'’-])`,
  'i',
);
const RELATIVE_SPEECH_RE = /,\s*(who|which)\s+([^,]{0,200}?),(?=\s|$)|,\s*(who|which)\s+([^,]{0,200}?)(?=[.;]?$)/g;

/**
 * "…candidates like Mr. Carson, who claimed at one point that China was involved in Syria, …": a relative
 * clause that reports speech is a claim of its own, from the name it hangs on to the end of what was said.
 */
function relativeSpeakers(sentence: string, masked: string, quotes: Span[], found: ClaimShape[]): ClaimShape[] {
  const out: ClaimShape[] = [];
  RELATIVE_SPEECH_RE.lastIndex = 0;
  for (let m = RELATIVE_SPEECH_RE.exec(masked); m && out.length < 2; m = RELATIVE_SPEECH_RE.exec(masked)) {
    const body = m[2] ?? m[4];
    const bodyStart = m.index + m[0].indexOf(body);
    const verb = RELATIVE_CUE_RE.exec(body);
    if (!verb || !(SPEECH_RE.test(verb[1]) || BELIEF_RE.test(verb[1]))) continue;
    const after = body.slice(verb[0].length);
    if (!reportsSpeech(verb[1], after)) continue;
    const cue = { start: bodyStart + verb[0].length - verb[1].length, end: bodyStart + verb[0].length };
    if (found.some((f) => f.cue && f.cue.start === cue.start)) continue;
    // The antecedent: the name right before the comma ("Mr. Carson", "Paul Ryan"), not a description.
    const before = masked.slice(0, m.index);
    const name = TRAILING_NAME_RE.exec(before);
    if (!name || !/^[A-Z]/.test(name[0]) || !isSpeakerPhrase(name[0])) continue;
    const speaker = { start: name.index, end: name.index + name[0].length };
    let from = cue.end;
    if (/^(?:told|tells|asked|urged)$/i.test(verb[1])) from = afterRecipient(masked, from, bodyStart + body.length);
    // "who claimed at one point that …": the content starts after "that".
    from +=
      /^\s*(?:(?:on|in|at|last|this|during|for|since)\s[^,.;:"“_]{0,30}?\s)?(?:that\b|:)/i.exec(sentence.slice(from))?.[0].length ?? 0;
    const content = trimSpan(sentence, { start: from, end: bodyStart + body.length });
    if (content.end - content.start < 15) continue;
    out.push({
      span: { start: speaker.start, end: content.end },
      content,
      omit: [],
      speaker,
      medium: null,
      cue,
      kind: kindOf(quotes, content, speaker),
    });
  }
  return out;
}
