// Resolves speaker phrases to names: pronouns ("he", "she", "they", "it") and role references ("the
// minister") to the speaker they point back to, surnames to the person introduced earlier, titled names to
// the bare name, groups ("Seoul and Washington") and descriptions ("analysts", "an Associated Press
// analysis") kept as written. Titles alone ("Mr", "Sen."), times ("Tuesday") and frames ("in an
// interview", "Getty Images") name no one. Every resolution keeps the phrase as written and whether the
// pick was unsure, so the researcher sees "he → Kim Jong Gyu" and can correct it.
import type { EntityRole } from '../../shared/domain';
import { maskQuotes, type Span } from './attribution';
import type { ArticleEntity, Mention } from './entities';

export interface Resolved {
  name: string;
  /** Entity id when the phrase is (or refers to) one known entity. */
  entity: number | null;
  /** The phrase as written when it was resolved to someone else's name ("he", "the minister"). */
  phrase?: string;
  /** The pick was a guess among several candidates, or reached far back: the researcher should check it. */
  unsure?: boolean;
}

const TITLE_WORDS = new Set(
  'mr mrs ms miss dr prof professor sir dame lord president vice sen senator rep reps representative congressman congresswoman gov governor secretary minister prime chancellor chairman chairwoman chair ceo director spokesman spokeswoman spokesperson gen general lt col adm judge justice mayor attorney former candidate nominee leader king queen pope rev jr sr st hon deputy foreign state'.split(
    ' ',
  ),
);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening night week weekend month year earlier later recently last this next on'.split(
    ' ',
  ),
);
/** Never a claimant: picture credits and interview frames. */
const NOT_A_SOURCE =
  /^(?:getty images|ap photo|afp photo|reuters photo|file photo|photo|image|video|in an? (?:interview|statement)|interview|statement|reporters?|the press)$/i;
const FEMALE = new Set(
  'mrs ms miss madam dame queen hillary melania ivanka kellyanne nancy elizabeth sarah susan karen donna mary patricia jennifer linda barbara margaret lisa michelle kamala nikki carly condoleezza madeleine angela theresa jill debbie hope huma chelsea marine christine anne ann maria jane laura julie amy kelly katie kate emily emma olivia megyn katy kristen heather jessica rachel rebecca ruth janet diane dianne maxine tammy elise kirsten claire tulsi stacey sonia samantha valerie betsy loretta sally cheryl lindsey brenda martha helen virginia alice joni marsha ileana kay'.split(
    ' ',
  ),
);
const MALE = new Set(
  'mr sir lord king pope donald barack joe mike michael john james robert william bill david richard thomas charles chris christopher paul mark george steven steve kevin brian jeb ted marco ben bernie rand chuck mitch paul lindsey reince newt rudy jeff jared eric tim tom harry jim jimmy ron rick scott sean peter jason corey roger rex vladimir xi kim recep benjamin francois emmanuel justin boris tony gary jack jerry al jesse dan daniel andrew matt matthew anthony frank larry ken adam josh joshua ryan patrick greg gregory henry howard walter stephen edward ed bob dick newt trey devin elijah adam'.split(
    ' ',
  ),
);
const ROLE_RE =
  /^(?:the|this|that)\s+(?:(?:[a-z-]+)\s+){0,3}(president|minister|senator|congressman|congresswoman|governor|mayor|secretary|chairman|chairwoman|spokesman|spokeswoman|spokesperson|candidate|nominee|official|ambassador|general|judge|director|chief|leader|lawmaker|diplomat|envoy|speaker|prosecutor|attorney|economist|analyst|professor|businessman|billionaire|mogul|actor|adviser|aide)$/i;

type Gender = 'm' | 'f' | null;

export class ClaimantResolver {
  private previous: Resolved | null = null;
  /** Speakers found so far, in text order: the most recent is the first candidate for "he"/"she". */
  private speakers: { at: number; resolved: Resolved; person: boolean }[] = [];
  private readonly quoted: Span[] = [];

  constructor(
    private readonly text: string,
    private readonly mentions: Mention[],
    private readonly entities: ArticleEntity[],
  ) {
    // Passages inside quotation marks, paragraph by paragraph: a name someone else quotes is not a
    // candidate for "he said".
    let at = 0;
    for (const para of text.split('\n')) {
      for (const q of maskQuotes(para).quotes) this.quoted.push({ start: at + q.start, end: at + q.end });
      at += para.length + 1;
    }
  }

  /**
   * `span` is in article offsets. Returns null for phrases that name no one ("it" with nothing before,
   * "Mr", "Tuesday"). A claimant is remembered for a later "he", "they" or "the minister"; a medium is not.
   */
  resolve(span: Span | null, remember = true): Resolved | null {
    if (!span) return null;
    const written = this.text.slice(span.start, span.end).trim();
    const phrase = written
      .replace(/^[Tt]he\s+(?=[A-Z])/, '')
      .replace(/^official\s+(?=[A-Z])/, '')
      .replace(/\s*\([^)]*\)\s*$/, '')
      .replace(/[,;:]+$/, '')
      .replace(/(?<!\b(?:[A-Z]|Jr|Sr|Inc|Co|Corp|Ltd))\.$/, '')
      .trim();
    if (!names(phrase)) return null;
    const resolved = this.resolvePhrase(phrase, written, span);
    if (resolved && remember) {
      this.previous = resolved;
      const person = resolved.entity != null && this.entities[resolved.entity]?.type === 'person';
      this.speakers.push({ at: span.start, resolved, person });
    }
    return resolved;
  }

  private resolvePhrase(phrase: string, written: string, span: Span): Resolved | null {
    const lower = phrase.toLowerCase();
    if (lower === 'he' || lower === 'she' || lower === 'him' || lower === 'her')
      return this.personBefore(span.start, lower.startsWith('h') && lower !== 'her' ? 'm' : 'f', written);
    if (lower === 'they' || lower === 'we') return this.groupBefore(span.start, written);
    if (lower === 'it') return this.organisationBefore(span.start, written);
    if (/^(?:i|you|me|us|one|who|which|that|this|these|those|some|many|others|both)$/.test(lower)) return null;
    const role = ROLE_RE.exec(written);
    if (role) {
      const found = this.roleBefore(span.start, role[1].toLowerCase(), written);
      if (found) return found;
    }
    const inside = this.mentions.filter((m) => m.start >= span.start && m.end <= span.end && !isTitleOnly(m.text));
    const possessive = (m: Mention) => /^['’]s?\b/.test(this.text.slice(m.end, m.end + 2));
    const people = inside.filter((m) => m.type === 'person');
    // "Obama administration officials", "Trump aides": a name that modifies a noun is not the speaker.
    const modifier = (m: Mention) => /^\.?\s+(?:[a-z][\w-]*\s+)*?[a-z][\w-]*\s*$/.test(this.text.slice(m.end, span.end));
    const heads = [...new Set(people.filter((m) => !possessive(m) && !modifier(m)).map((m) => m.entity))];
    if (heads.length === 1 && !/\band\b/.test(phrase)) return this.named(heads[0]);
    // "Trump's attorney, Alan Garten" / "Alan Garten, Trump's attorney": the name that is not a possessor.
    if (heads.length > 1 && /,/.test(phrase) && !/\band\b/.test(phrase)) return this.named(heads[0]);
    // One entity plus lower-case descriptors ("the opposition Labour Party"), but not "X's envoys".
    const named = inside.filter((m) => m.type !== 'place' || inside.length === 1);
    const single = named.length === 1 ? named[0] : null;
    const rest = single ? this.text.slice(span.start, single.start) + this.text.slice(single.end, span.end) : '';
    if (single && !/[A-Z]/.test(rest.replace(/^\s*the\s/i, '')) && !possessive(single) && !modifier(single) && !/,/.test(rest))
      return this.named(single.entity);
    return { name: phrase, entity: null };
  }

  private named(entity: number): Resolved {
    return { name: this.entities[entity].name, entity };
  }

  private isQuoted(position: number): boolean {
    return this.quoted.some((q) => position > q.start && position < q.end);
  }

  private genderOf(entity: number): Gender {
    const e = this.entities[entity];
    const first = e.name.split(/\s+/)[0].toLowerCase().replace(/\.$/, '');
    const titled = this.mentions.find(
      (m) => m.entity === entity && /\b(?:Mrs|Ms|Miss)\.?\s*$/.test(this.text.slice(Math.max(0, m.start - 6), m.start)),
    );
    if (titled || FEMALE.has(first)) return 'f';
    if (
      MALE.has(first) ||
      this.mentions.some((m) => m.entity === entity && /\bMr\.?\s*$/.test(this.text.slice(Math.max(0, m.start - 4), m.start)))
    )
      return 'm';
    return null;
  }

  /**
   * "he"/"she": the last person named outside quotation marks before it, the gender agreeing when the
   * name tells it; the last speaker wins when no other person was named since. Unsure when another
   * person of the same gender was named in between or the person is several paragraphs back.
   */
  private personBefore(position: number, gender: Gender, written: string): Resolved | null {
    const candidates: { entity: number; at: number }[] = [];
    for (let i = this.mentions.length - 1; i >= 0 && candidates.length < 6; i--) {
      const m = this.mentions[i];
      if (m.start >= position || m.type !== 'person' || this.isQuoted(m.start) || isTitleOnly(m.text)) continue;
      if (position - m.start > 4000) break;
      const g = this.genderOf(m.entity);
      if (g && gender && g !== gender) continue;
      if (!candidates.some((c) => c.entity === m.entity)) candidates.push({ entity: m.entity, at: m.start });
    }
    if (candidates.length === 0) return null;
    const lastSpeaker = [...this.speakers].reverse().find((s) => s.person && s.resolved.entity != null);
    let pick = candidates[0];
    // The speaker of the paragraph before is still talking unless someone else was named as a subject since.
    if (lastSpeaker && lastSpeaker.resolved.entity !== pick.entity) {
      const speakerIndex = candidates.findIndex((c) => c.entity === lastSpeaker.resolved.entity);
      const between = this.text.slice(lastSpeaker.at, position);
      if (speakerIndex > 0 && !/[.!?]["”]?\s+[A-Z][^.!?]*$/.test(between.replace(/[.!?]["”]?\s*$/, '')) && lastSpeaker.at < position)
        pick = candidates[speakerIndex];
    }
    const rivals = candidates.filter((c) => c.entity !== pick.entity && c.at > pick.at - 300).length;
    const far = (this.text.slice(pick.at, position).match(/\n\s*\n|\n/g)?.length ?? 0) > 3;
    const unsure = rivals > 0 || far || this.genderOf(pick.entity) === null;
    return { ...this.named(pick.entity), phrase: written, ...(unsure ? { unsure } : {}) };
  }

  /** "they"/"we": the last claimant, a group or organisation more surely than a person. */
  private groupBefore(position: number, written: string): Resolved | null {
    const prev = this.previous;
    if (!prev) return null;
    const person = prev.entity != null && this.entities[prev.entity]?.type === 'person';
    const last = this.speakers[this.speakers.length - 1];
    const far = last ? (this.text.slice(last.at, position).match(/\n/g)?.length ?? 0) > 3 : true;
    const { name, entity } = prev;
    return { name, entity, phrase: written, ...(person || far ? { unsure: true } : {}) };
  }

  /** "it": the last organisation that spoke or was named outside quotes (a company, an agency, a report). */
  private organisationBefore(position: number, written: string): Resolved | null {
    const speaker = [...this.speakers].reverse().find((s) => !s.person && s.at < position && position - s.at < 2000);
    if (speaker) return { name: speaker.resolved.name, entity: speaker.resolved.entity, phrase: written, unsure: true };
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start >= position || this.isQuoted(m.start)) continue;
      if (position - m.start > 1500) break;
      if (m.type === 'organisation') return { ...this.named(m.entity), phrase: written, unsure: true };
    }
    return null;
  }

  /** "the minister": the last person introduced with that role, or the last speaker who held it. */
  private roleBefore(position: number, role: string, written: string): Resolved | null {
    const holders: number[] = [];
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start >= position || m.type !== 'person') continue;
      // The role as the person's title ("Finance Minister Ravi Patel", "Gov. Lena Holt") or in an
      // appositive right after the name ("Ravi Patel, the finance minister").
      const title = `${m.role ?? ''} ${this.text.slice(Math.max(0, m.start - 30), m.start)}`
        .toLowerCase()
        .replace(/\bgov\./g, 'governor')
        .replace(/\bsen\./g, 'senator')
        .replace(/\brep\./g, 'congressman')
        .replace(/\bpres\./g, 'president');
      const titled = new RegExp(`\\b${role}\\s*$`).test(title.trim()) || (m.role ?? '').toLowerCase().split(/\s+/).includes(role);
      const apposed = new RegExp(`^,\\s+(?:the\\s+|a\\s+)?(?:[\\w-]+\\s+){0,3}${role}\\b`, 'i').test(this.text.slice(m.end, m.end + 60));
      if ((titled || apposed) && !holders.includes(m.entity)) holders.push(m.entity);
    }
    if (holders.length === 0) return null;
    return { ...this.named(holders[0]), phrase: written, ...(holders.length > 1 ? { unsure: true } : {}) };
  }
}

/** Content words of a phrase without titles, times and determiners: none means it names no one. */
function names(phrase: string): boolean {
  if (!phrase || NOT_A_SOURCE.test(phrase)) return false;
  const words =
    phrase
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return false;
  if (words.every((w) => TITLE_WORDS.has(w) || TIME_WORDS.has(w) || /^(?:the|a|an|of|and|in|at)$/.test(w)))
    // "the president", "the minister": a role alone is a description, kept; a bare title ("Mr", "Sen.") is not.
    return /^(?:the|a|an)\s/i.test(phrase)
      ? !words.every((w) => TIME_WORDS.has(w) || /^(?:the|a|an)$/.test(w))
      : words.length > 1 &&
          !words.every((w) => TIME_WORDS.has(w) || /^(?:mr|mrs|ms|dr|sen|rep|gov|rev|gen|lt|col|st|jr|sr|prof|hon)$/.test(w));
  return true;
}

function isTitleOnly(s: string): boolean {
  const words = s.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.length > 0 && words.every((w) => TITLE_WORDS.has(w));
}

/** Entities of one claim with their roles: claimant > subject (in the content) > mentioned. */
export function claimEntities(
  mentions: readonly Pick<Mention, 'start' | 'end' | 'entity'>[],
  entities: readonly Pick<ArticleEntity, 'name' | 'type' | 'aliases'>[],
  claim: { span: Span; content: Span; speaker: Span | null },
  claimant: Resolved | null,
): { name: string; type: ArticleEntity['type']; role: EntityRole; aliases?: string[] }[] {
  const roles = new Map<number, EntityRole>();
  const rank: Record<EntityRole, number> = { claimant: 3, subject: 2, mentioned: 1 };
  const give = (id: number, role: EntityRole) => {
    const current = roles.get(id);
    if (!current || rank[role] > rank[current]) roles.set(id, role);
  };
  if (claimant?.entity != null) give(claimant.entity, 'claimant');
  for (const m of mentions) {
    if (m.start < claim.span.start || m.end > claim.span.end) continue;
    const inSpeaker = claim.speaker && m.start >= claim.speaker.start && m.end <= claim.speaker.end;
    const inContent = m.start >= claim.content.start && m.end <= claim.content.end;
    give(m.entity, inSpeaker ? 'claimant' : inContent ? 'subject' : 'mentioned');
  }
  return [...roles].map(([id, role]) => {
    const e = entities[id];
    return e.aliases.length ? { name: e.name, type: e.type, role, aliases: e.aliases } : { name: e.name, type: e.type, role };
  });
}
