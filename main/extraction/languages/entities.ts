// Names in Latin and Cyrillic scripts, any capital (É, Ö, Ж): capitalised runs with name particles
// ("de", "von", "di"), honorifics and role nouns around them ("Mme", "la ministre de la Santé",
// "министр финансов"), and speaker positions as evidence that a single capitalised word is a person
// ("falou Tite"). Mentions of one person in other grammatical cases ("Пескова", "Песков") share an entity.
import type { EntityType } from '../../../shared/domain';
import type { ArticleEntity, Mention } from '../entities';
import type { Segment } from '../segment';
import { low, type Compiled } from './compile';

export type Gender = 'm' | 'f' | null;

export interface NameMention extends Mention {
  /** The honorific written right before the name ("Mme", "Herr"), if any. */
  honorific: string | null;
  gender: Gender;
}

export interface NamedEntity extends ArticleEntity {
  gender: Gender;
  /** Role nouns the article gives the person ("ministre", "porte-parole"), lower case. */
  roles: string[];
}

/** Evidence from the sentence analysis: a speaker phrase, with the gender its verb shows. */
export interface SpeakerHint {
  start: number;
  end: number;
  gender: Gender;
  /** The phrase follows an "according to" marker or a preposition: names are in an oblique case. */
  oblique: boolean;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD_RE = /\p{L}[\p{L}\p{M}\p{N}’'-]*\.?/gu;
const ELISION_RE = /^(?:[dlDL]|qu|Qu|dell|all|nell|dall|sull|dell|Dell|All|Nell)['’](?=\p{L})/u;
const isCap = (w: string) => /^\p{Lu}/u.test(w);
const isAcronym = (w: string) => /^\p{Lu}{2,6}$/u.test(w);

function tokens(text: string, start: number, end: number, honorifics: Set<string>): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    let word = m[0];
    let at = m.index;
    const elided = ELISION_RE.exec(word);
    if (elided) {
      out.push({ text: word.slice(0, elided[0].length), start: at, end: at + elided[0].length });
      at += elided[0].length;
      word = word.slice(elided[0].length);
    }
    // A period ends the word unless it is an honorific like "M." or "Sra." or an initial.
    if (word.endsWith('.') && !honorifics.has(low(word)) && !/^\p{Lu}\.$/u.test(word)) word = word.slice(0, -1);
    out.push({ text: word, start: at, end: at + word.length });
  }
  return out;
}

/** The stem two forms of one name share: the name without a case ending the profile lists. */
export function nameStem(word: string, c: Compiled): string {
  const w = low(word).replace(/\.$/, '');
  const endings = c.profile.nameCases?.flatMap(([a, b]) => [a, b]).filter(Boolean) ?? [];
  const ending = endings.filter((e) => w.endsWith(e) && w.length - e.length >= 3).sort((a, b) => b.length - a.length)[0];
  return ending ? w.slice(0, -ending.length) : w;
}

/** The nominative of a name found in an oblique case ("Дмитрия Пескова" → "Дмитрий Песков"). */
export function nominative(name: string, c: Compiled): string {
  const cases = c.profile.nameCases;
  if (!cases) return name;
  return name
    .split(/\s+/)
    .map((w) => {
      const rule = cases.find(([oblique]) => oblique && w.endsWith(oblique) && w.length - oblique.length >= 3);
      return rule ? w.slice(0, w.length - rule[0].length) + rule[1] : w;
    })
    .join(' ');
}

/**
 * Role nouns in the few words before a name or in an apposition right after it, and the words that
 * show the person's gender (the article before the role: "la ministre", "o ex-jogador").
 */
function rolesAround(text: string, before: string, after: string, c: Compiled): { roles: string[]; genderWords: string[] } {
  const found: string[] = [];
  const genderWords: string[] = [];
  const original = before.slice(-60);
  const near = low(original);
  const next = low(after.slice(0, 60));
  for (const m of near.matchAll(c.roleAnywhere)) {
    const role = m[2].replace(/\s+/g, ' ');
    // "la ministre de la Santé Agnès Buzyn", "министра финансов Антона": the role, then only a complement.
    const between = original.slice(m ? m.index + m[0].length : 0);
    if (m && isComplement(between.replace(/,\s*$/, ''), c, /,\s*$/.test(between))) {
      found.push(role);
      genderWords.push(m[1].trim(), role);
    }
  }
  const appos = c.roleApposition.exec(next);
  if (appos) {
    found.push(appos[2]);
    genderWords.push(appos[1].trim(), appos[2]);
  }
  return { roles: [...new Set(found)], genderWords };
}

/** The role noun a word is, also at the end of a compound ("Gesundheitsministerin" is a "ministerin"). */
function roleOf(word: string, c: Compiled): string | null {
  const w = low(word);
  return (
    c.lower.roles.find((r) => w === r || w.endsWith(`-${r}`) || (c.profile.capitalisedNouns && r.length >= 5 && w.endsWith(r))) ?? null
  );
}

/** An institution's word, also inside a compound or in another case ("Finanzministeriums", "Центробанка"). */
function isOrganisationWord(word: string, c: Compiled): boolean {
  const w = low(word);
  if (c.lower.organisation.has(w)) return true;
  if (c.profile.capitalisedNouns) return c.organisationList.some((o) => o.length >= 4 && w.includes(o));
  if (c.profile.nameCases) return c.organisationList.some((o) => o.length >= 4 && w.startsWith(o) && w.length - o.length <= 2);
  return false;
}

/** An organisation named by a run cut off before a person's name. */
function mentionsOfRun(text: string, run: Token[], sentence: number, c: Compiled): Raw[] {
  const start = run[0].start;
  const end = run[run.length - 1].end;
  const written = text.slice(start, end);
  return [
    {
      start,
      end,
      text: written,
      type: 'organisation',
      sentence,
      role: null,
      honorific: null,
      gender: null,
      roles: [],
      display: written,
      stems: run.map((t) => nameStem(t.text, c)),
    },
  ];
}

function typeOf(words: string[], evidence: boolean, c: Compiled): EntityType | null {
  if (words.some((w) => isOrganisationWord(w, c)) || (words.length === 1 && isAcronym(words[0]))) return 'organisation';
  if (evidence) return 'person';
  if (words.length >= 2 && words.length <= 4) return c.profile.capitalisedNouns ? 'other' : 'person';
  return c.profile.capitalisedNouns ? null : 'other';
}

type Raw = Omit<NameMention, 'entity'> & { roles: string[]; stems: string[]; display: string };

function mentionsIn(text: string, seg: Segment, sentence: number, c: Compiled, hints: SpeakerHint[]): Raw[] {
  const toks = tokens(text, seg.start, seg.end, c.lower.honorifics);
  const out: Raw[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i].text)) {
      i++;
      continue;
    }
    const run: Token[] = [toks[i]];
    let j = i + 1;
    while (j < toks.length && /^\s+$/.test(text.slice(toks[j - 1].end, toks[j].start))) {
      const t = toks[j];
      if (isCap(t.text)) run.push(t);
      else if (
        c.lower.particles.has(low(t.text)) &&
        toks[j + 1] &&
        isCap(toks[j + 1].text) &&
        /^\s*$/.test(text.slice(t.end, toks[j + 1].start))
      )
        run.push(t);
      else break;
      j++;
    }
    i = j;
    // Sentence-initial words, weekdays and determiners are not names; honorifics go with the name.
    let k = 0;
    while (k < run.length && (c.lower.functionWords.has(low(run[k].text)) || c.lower.particles.has(low(run[k].text)))) k++;
    let honorific: string | null = null;
    const beforeTok = toks[toks.indexOf(run[0]) - 1];
    if (k === 0 && beforeTok && c.lower.honorifics.has(low(beforeTok.text))) honorific = beforeTok.text;
    while (k < run.length && c.lower.honorifics.has(low(run[k].text))) honorific = run[k++].text;
    // German and others: a capitalised role noun before the name ("Bundeskanzler Olaf Scholz").
    let roleInRun: string | null = null;
    const roleStart = k;
    while (k < run.length - 1 && roleOf(run[k].text, c)) roleInRun = roleOf(run[k++].text, c);
    // "Bayerns Ministerpräsident Markus Söder": a role further into the run starts the name after it.
    for (let r = run.length - 2; roleInRun === null && r > k; r--) {
      if (!roleOf(run[r].text, c)) continue;
      roleInRun = roleOf(run[r].text, c);
      k = r + 1;
    }
    let name = run.slice(k);
    while (name.length && c.lower.particles.has(low(name[name.length - 1].text))) name = name.slice(0, -1);
    // "Глава Центробанка Эльвира Набиуллина", "ministro dell'Economia Giancarlo Giorgetti": an institution
    // (or a complement after a particle) written right before a name is not part of it.
    const orgAt = name.findIndex((t) => isOrganisationWord(t.text, c));
    const previous = toks[toks.indexOf(run[0]) - 1];
    const afterPreposition =
      previous !== undefined &&
      /^\p{Ll}/u.test(previous.text) &&
      c.lower.functionWords.has(low(previous.text)) &&
      !c.lower.determiners.has(low(previous.text));
    const afterRole = roleInRun !== null || (k === 0 && (afterParticle(toks, toks.indexOf(run[0]), text, c) || afterPreposition));
    const rest = name.slice(orgAt + 1);
    if (orgAt >= 0 && rest.length >= 2 && rest.every((t) => isCap(t.text))) {
      const head = name.slice(0, orgAt + 1);
      out.push(...mentionsOfRun(text, head, sentence, c));
      name = name.slice(orgAt + 1);
      roleInRun = roleInRun ?? 'organisation';
    } else if (afterRole && name.length >= 3 && k === 0 && roleInRun === null) name = name.slice(1);
    // "Губернатор Петербурга Александр Беглов": a genitive complement between the role and the name.
    else if (roleInRun !== null && c.profile.nameCases && name.length >= 3) name = name.slice(1);
    // A name never starts with a particle ("de Viçosa" after its complement was cut off).
    while (name.length && c.lower.particles.has(low(name[0].text))) name = name.slice(1);
    if (!name.length) continue;
    // A role or honorific on its own ("Sprecher", "Frau") is never a name.
    if (
      !name.length ||
      name.every((t) => roleOf(t.text, c) || c.lower.honorifics.has(low(t.text)) || c.lower.functionWords.has(low(t.text)))
    )
      continue;
    const start = name[0].start;
    const end = name[name.length - 1].end;
    const around = rolesAround(text, text.slice(seg.start, run[0].start), text.slice(end, seg.end), c);
    const roles = around.roles;
    if (roleInRun === 'organisation') roleInRun = null;
    if (roleInRun) roles.push(roleInRun);
    // "la Première ministre Élisabeth Borne": a capitalised word right before a role belongs to the role.
    if (name.length === 1 && !honorific && roleAhead(text.slice(end, seg.end), c)) continue;
    // "de la Santé", "дел": a name right after a particle or preposition is a complement, not a person.
    const complement = k === 0 && name[0] === run[0] && afterParticle(toks, toks.indexOf(run[0]), text, c);
    if (complement) roles.length = 0;
    const hint = complement ? undefined : hints.find((h) => h.start <= start && end <= h.end);
    const words = name.map((t) => t.text);
    // A complement ("da TV Globo", "de la Santé") names an institution or a place, not a person.
    const type = complement
      ? typeOf(words, false, c) === 'organisation'
        ? 'organisation'
        : 'other'
      : typeOf(words, honorific !== null || roles.length > 0 || hint !== undefined, c);
    if (!type) continue;
    const written = text.slice(start, end);
    const display = hint?.oblique ? nominative(written, c) : written;
    const runRole = roleInRun ? [roleInRun, (roleStart > 0 ? run[roleStart - 1] : beforeTok)?.text ?? ''] : [];
    const evidence = [honorific ?? '', ...runRole, ...(complement ? [] : around.genderWords)].map(low).filter(Boolean);
    let gender: Gender = hint?.gender ?? null;
    if (!gender && evidence.some((w) => c.lower.feminine.has(w))) gender = 'f';
    else if (!gender && evidence.some((w) => c.lower.masculine.has(w))) gender = 'm';
    out.push({
      start,
      end,
      text: written,
      type,
      sentence,
      role: roles[0] ?? null,
      honorific,
      gender,
      roles,
      display,
      stems: words.map((w) => nameStem(w, c)),
    });
  }
  return out;
}

/**
 * Mentions and entities of an article. A shorter mention ("Buzyn", "Пескова") joins the entity whose
 * full name ends with it; a single capitalised word with no evidence joins only an existing entity.
 */
export function findNames(
  text: string,
  segments: Segment[],
  c: Compiled,
  hints: SpeakerHint[],
): { mentions: NameMention[]; entities: NamedEntity[] } {
  const raw = segments.flatMap((seg, i) => mentionsIn(text, seg, i, c, hints));
  const entities: (NamedEntity & { stems: string[]; obliqueOnly: boolean })[] = [];
  const mentions: NameMention[] = [];
  const sorted = [...raw].sort((a, b) => b.stems.length - a.stems.length || a.start - b.start);
  for (const m of sorted) {
    const key = m.stems.join(' ');
    const last = m.stems[m.stems.length - 1];
    let id = entities.findIndex((e) => e.stems.join(' ') === key);
    if (id < 0 && m.stems.length === 1) {
      const candidates = entities.map((e, n) => ({ e, n })).filter(({ e }) => e.type === 'person' && e.stems[e.stems.length - 1] === last);
      // The closest full name before the mention.
      id = candidates.sort((a, b) => nearest(raw, a.e.name, m.start) - nearest(raw, b.e.name, m.start))[0]?.n ?? -1;
    }
    if (id < 0) {
      if (m.type === 'other' && m.stems.length === 1 && m.start === segmentStartWord(text, segments[m.sentence])) continue;
      const hinted = hints.some((h) => h.start <= m.start && m.end <= h.end && h.oblique);
      id =
        entities.push({ name: m.display, type: m.type, aliases: [], gender: m.gender, roles: [], stems: m.stems, obliqueOnly: hinted }) - 1;
    }
    const e = entities[id];
    // A nominative form seen in the text is the name, over one restored from an oblique case.
    const isOblique = hints.some((h) => h.start <= m.start && m.end <= h.end && h.oblique);
    if (e.obliqueOnly && !isOblique && m.stems.length === e.stems.length) {
      if (!e.aliases.includes(e.name)) e.aliases.push(e.name);
      e.name = m.text;
      e.obliqueOnly = false;
    }
    if (m.type === 'person' && e.type !== 'person' && m.stems.length === e.stems.length) e.type = 'person';
    if (m.text !== e.name && !e.aliases.includes(m.text)) e.aliases.push(m.text);
    if (!e.gender) e.gender = m.gender;
    for (const r of m.roles) if (!e.roles.includes(r)) e.roles.push(r);
    mentions.push({
      start: m.start,
      end: m.end,
      text: m.text,
      type: e.type,
      sentence: m.sentence,
      role: m.role,
      honorific: m.honorific,
      gender: m.gender,
      entity: id,
    });
  }
  // A person known only by surname and honorific keeps the honorific as part of the name ("Mme Borne").
  for (const [id, e] of entities.entries()) {
    if (e.type !== 'person' || e.stems.length > 1) continue;
    const titled = mentions.find((m) => m.entity === id && m.honorific);
    if (titled) e.name = `${titled.honorific} ${e.name}`;
  }
  mentions.sort((a, b) => a.start - b.start);
  const order = [...new Set(mentions.map((m) => m.entity))];
  const newId = new Map(order.map((old, n) => [old, n]));
  return {
    mentions: mentions.map((m) => ({ ...m, type: entities[m.entity].type, entity: newId.get(m.entity)! })),
    entities: order.map((old) => {
      const { name, type, aliases, gender, roles } = entities[old];
      return { name, type, aliases: aliases.filter((a) => a !== name), gender, roles };
    }),
  };
}

function nearest(raw: Raw[], name: string, pos: number): number {
  let best = 1e9;
  for (const r of raw)
    if (r.text === name || r.display === name) best = Math.min(best, r.start <= pos ? pos - r.start : 1e6 + r.start - pos);
  return best;
}

function segmentStartWord(text: string, seg: Segment): number {
  const m = /[\p{L}]/u.exec(text.slice(seg.start, seg.end));
  return m ? seg.start + m.index : -1;
}

/** The word before token `at` is a particle or preposition ("de", "von"), maybe through an article ("de la", "de l'"). */
function afterParticle(toks: Token[], at: number, text: string, c: Compiled): boolean {
  for (let j = at - 1; j >= 0 && j >= at - 4; j--) {
    if (text.slice(toks[j].end, toks[j + 1].start).trim()) return false;
    const w = low(toks[j].text);
    // "der deutschen Wirtschaft": German adjectives between the article and the noun.
    if (c.profile.capitalisedNouns && /^\p{Ll}+(?:e|en|er|es|em)$/u.test(toks[j].text) && !c.lower.determiners.has(w)) continue;
    if (c.lower.particles.has(w) && !c.lower.determiners.has(w)) return true;
    // "Präsidentin des Bundesrechnungshofs": a genitive article after a role.
    if (c.lower.determiners.has(w) && j > 0 && (roleOf(toks[j - 1].text, c) || (c.profile.capitalisedNouns && isCap(toks[j - 1].text))))
      return true;
    if (!c.lower.determiners.has(w)) return false;
  }
  return false;
}

/** Words between a role and a name: particles, articles, capitalised names, or (inflecting languages) two words. */
function isComplement(between: string, c: Compiled, apposition: boolean): boolean {
  // "O técnico da seleção brasileira, Tite": a role, its complement, a comma, the name.
  if (apposition) return !/[.;:!?»"“”,]/.test(between) && between.split(/\s+/).length <= 6;
  if (/[.;:!?»"“”,]/.test(between)) return false;
  const ws = between.split(/[\s’']+/).filter((w) => /\p{L}/u.test(w));
  if (ws.length > 4) return false;
  if (c.profile.nameCases) return ws.length <= 2;
  // Another name in between ("Kevin Kühnert wies die …") means the role is someone else's.
  if (ws.some((w, i) => i > 0 && isCap(w) && isCap(ws[i - 1]))) return false;
  const elided = /^(?:l|d|dell|all|nell|dall|sull|qu)$/;
  return ws.every((w) => isCap(w) || c.lower.particles.has(low(w)) || c.lower.determiners.has(low(w)) || elided.test(low(w)));
}

function roleAhead(after: string, c: Compiled): boolean {
  const next = /^\s+([\p{L}’'-]+(?:\s+[\p{L}’'-]+)?)/u.exec(after)?.[1];
  if (!next) return false;
  const lw = low(next);
  return c.lower.roles.some((r) => lw === r || lw.startsWith(`${r} `) || low(next.split(/\s+/)[0]) === r);
}
