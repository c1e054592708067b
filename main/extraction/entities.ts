// Named entities from capitalisation, a small gazetteer and title cues; mentions of the same entity
// within an article ("Kim Jong Gyu", "Kim", "vice foreign minister", "the North") share one entity.
import type { EntityType } from '../api/types';
import { DEMONYMS, KNOWN_ORGS, NOT_NAMES, ORG_HEADS, PERSON_TITLES, PLACES } from './gazetteer';
import type { Segment } from './segment';

export interface Mention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  sentence: number;
  /** Lower-case role words just before a person's name ("vice foreign minister"). */
  role: string | null;
  entity: number;
}

export interface ArticleEntity {
  name: string;
  type: EntityType;
  aliases: string[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD_RE = /[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F’'.-]*[\w\u00C0-\u024F]|[A-Za-z\u00C0-\u024F]/g;
const CONNECTORS = new Set(['of', 'for', 'de', 'al', 'von', 'van', 'bin']);
const isCapitalised = (word: string) => /^[A-Z\u00C0-\u00DE]/.test(word);
const lower = (s: string) => s.toLowerCase().replace(/’/g, "'");

function tokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    out.push({ text: m[0].replace(/\.$/, ''), start: m.index, end: m.index + m[0].replace(/\.$/, '').length });
  }
  return out;
}

/** Runs of capitalised words (with "of"/"for" inside), split at possessives and punctuation. */
function capitalisedRuns(text: string, toks: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => (run.length && runs.push(run), (run = []));
  toks.forEach((t, i) => {
    const gap = run.length ? text.slice(run[run.length - 1].end, t.start) : ' ';
    if (run.length && !/^\s+$/.test(gap)) close();
    const next = toks[i + 1];
    const joins =
      run.length > 0 && CONNECTORS.has(t.text) && next && isCapitalised(next.text) && /^\s+$/.test(text.slice(t.end, next.start));
    if (isCapitalised(t.text) || joins) run.push(t);
    else close();
    if (/['’]s$/.test(t.text) && run.includes(t)) {
      // "North Korea's representatives": the entity ends before the possessive unless a name goes on.
      if (!next || !isCapitalised(next.text)) {
        run[run.length - 1] = { ...t, text: t.text.slice(0, -2), end: t.end - 2 };
        close();
      }
    }
  });
  close();
  return runs;
}

function typeOf(words: string[], hasRole: boolean): EntityType | null {
  const phrase = lower(words.join(' '));
  const last = lower(words[words.length - 1]);
  if (PLACES.has(phrase)) return 'place';
  if (KNOWN_ORGS.has(phrase) || ORG_HEADS.has(last) || ORG_HEADS.has(lower(words[0])) || /^[A-Z]{2,6}$/.test(words.join('')))
    return 'organisation';
  if (words.every((w) => DEMONYMS.has(lower(w)))) return null;
  if (hasRole) return 'person';
  if (DEMONYMS.has(lower(words[0]))) return null; // "Russian Affairs", "Korean People"
  if (words.length >= 2 && words.length <= 4 && !words.some((w) => CONNECTORS.has(w))) return 'person';
  return 'other';
}

/** Title words before a name, capitalised ("President") inside the run or lower-case just before it. */
function splitRole(text: string, run: Token[], before: Token[]): { name: Token[]; role: string | null } {
  let i = 0;
  while (i < run.length - 1 && (PERSON_TITLES.has(lower(run[i].text)) || DEMONYMS.has(lower(run[i].text)))) i++;
  const titled = run.slice(0, i).some((t) => PERSON_TITLES.has(lower(t.text)));
  const name = titled ? run.slice(i) : run;
  const roleWords = titled ? run.slice(0, i).map((t) => t.text) : [];
  for (let j = before.length - 1; j >= 0 && j >= before.length - 4; j--) {
    const w = lower(before[j].text);
    if (!PERSON_TITLES.has(w) && !DEMONYMS.has(w)) break;
    if (text.slice(before[j].end, (before[j + 1] ?? run[0]).start).trim()) break;
    roleWords.unshift(before[j].text);
  }
  const hasTitle = roleWords.some((w) => PERSON_TITLES.has(lower(w)));
  return { name, role: hasTitle ? roleWords.join(' ') : null };
}

/** "Bank of England Governor Andrew Bailey" → "Bank of England" + "Governor Andrew Bailey". */
function splitAtTitle(run: Token[]): Token[][] {
  for (let k = run.length - 2; k > 0; k--) {
    const rest = run.slice(k + 1);
    if (PERSON_TITLES.has(lower(run[k].text)) && rest.every((t) => !PERSON_TITLES.has(lower(t.text)) && !CONNECTORS.has(t.text))) {
      if (!CONNECTORS.has(run[k - 1].text)) return [run.slice(0, k), run.slice(k)];
    }
  }
  return [run];
}

function mentionsIn(text: string, seg: Segment, sentence: number): Omit<Mention, 'entity'>[] {
  const toks = tokens(text, seg.start, seg.end);
  const out: Omit<Mention, 'entity'>[] = [];
  for (let run of capitalisedRuns(text, toks).flatMap(splitAtTitle)) {
    while (run.length && NOT_NAMES.has(lower(run[0].text))) run = run.slice(1);
    if (!run.length) continue;
    const before = toks.slice(0, toks.indexOf(run[0]));
    const whole = typeOf(
      run.map((t) => t.text),
      false,
    );
    // An organisation or place keeps its full name: "Labour Party" is not "Party" with role "Labour".
    const { name, role } = whole === 'organisation' || whole === 'place' ? { name: run, role: null } : splitRole(text, run, before);
    const words = name.map((t) => t.text);
    const type = typeOf(words, role !== null);
    if (!type) continue;
    const span = { start: name[0].start, end: name[name.length - 1].end };
    out.push({ ...span, text: text.slice(span.start, span.end), type, sentence, role: type === 'person' ? role : null });
  }
  return out;
}

/** The short forms an entity can be mentioned by: the name, a person's first or last name, initials. */
function shortForms(name: string, type: EntityType): string[] {
  const parts = name.split(/\s+/);
  const forms = [name];
  if (type === 'person' && parts.length > 1) forms.push(parts[0], parts[parts.length - 1]);
  const capitals = parts.filter((p) => isCapitalised(p));
  if (type !== 'person' && capitals.length >= 2) forms.push(capitals.map((p) => p[0]).join(''));
  return forms;
}

type RawMention = Omit<Mention, 'entity'>;

/** Start offsets of each mention text, ascending, to find the closest earlier full-name mention. */
function positionsByText(raw: RawMention[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of raw) map.set(r.text, [...(map.get(r.text) ?? []), r.start]);
  return map;
}

/** How far `pos` is after the closest earlier mention of `name` (later mentions count far less). */
function distance(positions: Map<string, number[]>, name: string, pos: number): number {
  const spots = positions.get(name) ?? [];
  let best = 1e9;
  for (const start of spots) best = Math.min(best, start <= pos ? pos - start : 1e6 + start - pos);
  return best;
}

/**
 * Finds mentions in every segment and links them to entities: a shorter mention joins the nearest
 * earlier entity it abbreviates, so "Kim" after "Kim Jong Gyu" is Kim Jong Gyu.
 */
export function findEntities(text: string, segments: Segment[]): { mentions: Mention[]; entities: ArticleEntity[] } {
  const raw = segments.flatMap((seg, i) => mentionsIn(text, seg, i));
  const positions = positionsByText(raw);
  const initialOnly = sentenceInitialOnly(text, raw, segments);
  const entities: ArticleEntity[] = [];
  const byForm = new Map<string, number[]>();
  const mentions: Mention[] = [];
  // Longest names first, so that short forms can attach to them regardless of order in the text.
  const sorted = [...raw].sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  for (const m of sorted) {
    const candidates = (byForm.get(m.text) ?? []).filter((id) => m.type === entities[id].type || !m.text.includes(' '));
    let id = candidates.sort((a, b) => distance(positions, entities[a].name, m.start) - distance(positions, entities[b].name, m.start))[0];
    if (id === undefined) {
      if (m.type === 'other' && !m.text.includes(' ') && initialOnly.has(m.text)) continue;
      id = entities.push({ name: m.text, type: m.type, aliases: [] }) - 1;
      for (const form of shortForms(m.text, m.type)) byForm.set(form, [...(byForm.get(form) ?? []), id]);
    }
    const entity = entities[id];
    if (m.text !== entity.name && !entity.aliases.includes(m.text)) entity.aliases.push(m.text);
    if (m.role && !entity.aliases.includes(m.role)) entity.aliases.push(m.role);
    mentions.push({ ...m, type: entity.type, entity: id });
  }
  addRegionalAliases(text, entities, mentions, segments);
  return inTextOrder(entities, mentions);
}

/** Entities numbered by first appearance, so lists read like the article. */
function inTextOrder(entities: ArticleEntity[], mentions: Mention[]): { mentions: Mention[]; entities: ArticleEntity[] } {
  mentions.sort((a, b) => a.start - b.start);
  const order = [...new Set(mentions.map((m) => m.entity))];
  const newId = new Map(order.map((old, i) => [old, i]));
  return { mentions: mentions.map((m) => ({ ...m, entity: newId.get(m.entity)! })), entities: order.map((old) => entities[old]) };
}

/** Words seen capitalised only at the start of sentences: usually just capitalised words. */
function sentenceInitialOnly(text: string, raw: RawMention[], segments: Segment[]): Set<string> {
  const initial = new Set<string>();
  const elsewhere = new Set<string>();
  for (const r of raw) {
    const opensSentence = /^[\s"“‘'([]*$/.test(text.slice(segments[r.sentence].start, r.start));
    (opensSentence ? initial : elsewhere).add(r.text);
  }
  return new Set([...initial].filter((t) => !elsewhere.has(t)));
}

/** "the North" / "the South" refer to North / South Korea (or other halves) when those are named. */
function addRegionalAliases(text: string, entities: ArticleEntity[], mentions: Mention[], segments: Segment[]): void {
  const re = /\bthe\s+(?:[a-z-]+\s+)?(North|South)\b(?!\s+[A-Z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = entities.findIndex((e) => e.type === 'place' && e.name.startsWith(`${m![1]} `));
    if (id < 0) continue;
    const start = m.index + m[0].length - m[1].length;
    const sentence = segments.findIndex((s) => s.start <= start && start < s.end);
    if (!entities[id].aliases.includes(`the ${m[1]}`)) entities[id].aliases.push(`the ${m[1]}`);
    mentions.push({ start, end: start + m[1].length, text: m[1], type: 'place', sentence, role: null, entity: id });
  }
}
