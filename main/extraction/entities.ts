// Named entities from compromise's named-entity tagger (people, places, organisations), with the
// gazetteer correcting its types for well-known names. Mentions of the same entity within an article
// ("Osama bin Laden", "Bin Laden"; "U.S.", "United States"; "the North") share one entity.
import nlp from 'compromise';
import type { EntityType } from '../../shared/domain';
import { ALIASES, DEMONYMS, KNOWN_ORGS, NOT_NAMES, ORG_HEADS, PERSON_TITLES, PLACES, TAGGER_WORDS } from './gazetteer';
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

type RawMention = Omit<Mention, 'entity'> & { fromTagger: boolean };

nlp.addWords(TAGGER_WORDS);

const WORD_RE = /[A-Za-z\u00C0-\u024F\d][\w\u00C0-\u024F\u00AD’'.&-]*[\w\u00C0-\u024F]|[A-Za-z\u00C0-\u024F]/g;
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'de', 'du', 'la', 'al', 'el', 'von', 'van', 'der', 'bin', 'ibn', 'the', '&']);
const isCapitalised = (word: string) => /^[A-Z\u00C0-\u00DE\d]/.test(word);
const lower = (s: string) => s.toLowerCase().replace(/’/g, "'");

/** How a name is compared: no case, dots, soft hyphens, leading "the" or possessive. */
export function nameKey(name: string): string {
  return lower(name.normalize('NFC'))
    .replace(/\u00AD/g, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/'s?$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function tokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  WORD_RE.lastIndex = start;
  for (let m = WORD_RE.exec(text); m && m.index < end; m = WORD_RE.exec(text)) {
    const word = m[0].replace(/\.$/, '').replace(/\u00AD/g, '');
    if (m.index + m[0].length > end) break;
    out.push({ text: word, start: m.index, end: m.index + m[0].replace(/\.$/, '').length });
  }
  return out;
}

/** "Tunisian", "Kenyan", "Sudanese", "Israelis": nationality words name no entity on their own. */
function isDemonym(word: string): boolean {
  if (/\w-\w/.test(word) && !PARTICLE_NAME.test(word)) return word.split('-').every(isDemonym);
  const w = lower(word).replace(/s$/, '');
  if (DEMONYMS.has(w)) return true;
  const stems = [
    w.replace(/n$/, ''),
    w.replace(/an$/, ''),
    w.replace(/ian$/, 'ia'),
    w.replace(/ese$/, ''),
    w.replace(/i$/, ''),
    w.replace(/ian$/, 'y'),
  ];
  return /(?:an|ese|i|ish)$/.test(w) && stems.some((s) => s !== w && PLACES.has(s));
}

const PARTICLE_NAME = /^(?:al|el|bin|ibn|de|van|von)-[A-Z][\w\u00C0-\u024F]*$/;

/** A word that cannot stand in a name: a lower-case word other than a connector, a hyphenated adjective. */
function breaksName(t: Token): boolean {
  if (CONNECTORS.has(t.text) || PARTICLE_NAME.test(t.text)) return false;
  return !isCapitalised(t.text) || /-[a-z]+$/.test(t.text) || /^[\d.,]+$/.test(t.text) || /^I['’](?:m|ve|ll|d)$/.test(t.text);
}

/** Space between two words of one name: blanks on one line, or the dot of an initial ("Donald J. Trump"). */
function joins(text: string, prev: Token, next: Token): boolean {
  const gap = text.slice(prev.end, next.start);
  return (
    /^[^\S\n]+$/.test(gap) ||
    (/^\.[^\S\n]+$/.test(gap) && /^(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Co|Inc|Gen|Sen|Rep|Gov|Lt|Col)$/.test(prev.text))
  );
}

const INSTITUTION_POSSESSIVE = /^(?:People|Children|Women|Men|Workers|Veterans|Farmers|Citizens|Nations)(?:['’]s|s?['’])$/;

/** Runs of name words in a sentence ("Libyan city of Sirte" → "Libyan", "Sirte"), cut at possessives. */
function nameRuns(text: string, toks: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1].text)) run.pop();
    while (run.length && CONNECTORS.has(run[0].text)) run.shift();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const t of toks) {
    if (run.length && !joins(text, run[run.length - 1], t)) close();
    if (breaksName(t)) {
      close();
      continue;
    }
    run.push(t);
    // A group noun's possessive is part of an institution's name: "Korean People's Army", "Children's Hospital".
    if (/['’]s?$/.test(t.text) && !/^[A-Z]\w*['’][A-Z]/.test(t.text) && !INSTITUTION_POSSESSIVE.test(t.text)) {
      // "Egypt's Islamist Muslim Brotherhood": the possessor is one name, what follows another.
      const cut = t.text.match(/['’]s?$/)![0].length;
      run[run.length - 1] = { ...t, text: t.text.slice(0, -cut), end: t.end - cut };
      close();
    }
  }
  close();
  return runs;
}

const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'du', 'la', 'von', 'van', 'der']);

/** "Cuba and Iran", "Ethiopia on Sunday": joining words stay inside a name only inside one tagged organisation or known name. */
function splitAtConnectors(run: Token[], spans: TaggedSpan[]): Token[][] {
  if (knownType(run.map((t) => t.text))) return [run];
  const out: Token[][] = [];
  let part: Token[] = [];
  const inside = spans.some((s) => s.type === 'organisation' && s.start <= run[0].start && s.end >= run[run.length - 1].end);
  // After an organisation's head word, "of", "for", "on" and "and" belong to its name: "Center for Health and Human Rights".
  let named = inside || ORG_HEADS.has(lower(run[run.length - 1].text));
  for (const [i, t] of run.entries()) {
    if (i > 0 && ORG_HEADS.has(lower(run[i - 1].text)) && ['of', 'for', 'on'].includes(t.text)) named = true;
    if (CONNECTORS.has(t.text) && !PARTICLES.has(t.text) && !named) {
      if (part.length) out.push(part);
      part = [];
    } else part.push(t);
  }
  if (part.length) out.push(part);
  return out;
}

/** "Bank of England Governor Andrew Bailey" → "Bank of England" + "Governor Andrew Bailey". */
function splitAtTitle(run: Token[]): Token[][] {
  for (let k = run.length - 2; k > 0; k--) {
    const rest = run.slice(k + 1);
    if (PERSON_TITLES.has(lower(run[k].text)) && rest.every((t) => !PERSON_TITLES.has(lower(t.text)) && !CONNECTORS.has(t.text))) {
      if (!CONNECTORS.has(run[k - 1].text) && !PERSON_TITLES.has(lower(run[k - 1].text))) return [run.slice(0, k), run.slice(k)];
    }
  }
  return [run];
}

/** The gazetteer's type for a name, which wins over the tagger's for well-known names and head words. */
function knownType(words: string[]): EntityType | null {
  const key = nameKey(words.join(' '));
  const canonical = ALIASES.get(key);
  if (canonical) return canonical.type;
  if (PLACES.has(key)) return 'place';
  if (KNOWN_ORGS.has(key)) return 'organisation';
  if (words.length > 1 && (ORG_HEADS.has(lower(words[words.length - 1])) || ORG_HEADS.has(lower(words[0])))) return 'organisation';
  return null;
}

/** Title words before a name, capitalised ("President") inside the run or lower-case just before it. */
function splitRole(text: string, run: Token[], before: Token[]): { name: Token[]; role: string | null } {
  let i = 0;
  while (i < run.length && (PERSON_TITLES.has(lower(run[i].text)) || isDemonym(run[i].text))) i++;
  const titled = run.slice(0, i).some((t) => PERSON_TITLES.has(lower(t.text)));
  const name = titled || i === run.length ? run.slice(i) : run;
  const roleWords = titled ? run.slice(0, i).map((t) => t.text) : [];
  let next = run[0];
  for (let j = before.length - 1; j >= 0 && j >= before.length - 4; j--) {
    const w = lower(before[j].text);
    if (!PERSON_TITLES.has(w) && !isDemonym(w)) break;
    if (text.slice(before[j].end, next.start).trim()) break;
    roleWords.unshift(before[j].text);
    next = before[j];
  }
  const hasTitle = roleWords.some((w) => PERSON_TITLES.has(lower(w)));
  return { name, role: hasTitle ? roleWords.join(' ') : null };
}

/** Index of the segment holding `pos` (segments are in text order). */
function segmentAt(segments: Segment[], pos: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pos < segments[mid].start) hi = mid - 1;
    else if (pos >= segments[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Words of context the tagger reads before and after each capitalised word. */
const BEFORE = 2;
const AFTER = 1;

interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType | null;
}

/**
 * The tagger's spans: organisations, places and people, and proper nouns it could not type. The
 * tagger reads only the stretches around capitalised words (with the two words before each, for
 * "the city of", "Mr"), not the whole article: it costs time in proportion to what it reads.
 */
function taggedSpans(text: string, sentences: Token[][]): TaggedSpan[] {
  const pieces: { from: number; to: number }[] = [];
  const lowerCase = new Set(sentences.flatMap((toks) => toks.filter((t) => !isCapitalised(t.text)).map((t) => t.text)));
  for (const toks of sentences) {
    let piece: { from: number; to: number } | null = null;
    toks.forEach((t, i) => {
      if (!isCapitalised(t.text) && !PARTICLE_NAME.test(t.text)) return;
      // "The", "However", a word opening the sentence that the article also writes in lower case: no name to read.
      if (NOT_NAMES.has(lower(t.text)) || (i === 0 && lowerCase.has(lower(t.text)))) return;
      const from = toks[Math.max(0, i - BEFORE)].start;
      const to = toks[Math.min(toks.length - 1, i + AFTER)].end;
      if (piece && from <= piece.to + 1) piece.to = Math.max(piece.to, to);
      else {
        if (piece) pieces.push(piece);
        piece = { from, to };
      }
    });
    if (piece) pieces.push(piece);
  }
  // Each distinct stretch is read once ("Mr Obama said" recurs): the tagger's spans are copied to every place it occurs.
  const places = new Map<string, number[]>();
  for (const p of pieces) {
    const words = text.slice(p.from, p.to);
    places.set(words, [...(places.get(words) ?? []), p.from]);
  }
  const distinct = [...places.keys()];
  const at: number[] = [];
  let reading = '';
  for (const words of distinct) {
    at.push(reading.length);
    reading += words + '.\n';
  }
  const doc = nlp(reading);
  const spans: TaggedSpan[] = [];
  const pieceAt = (pos: number) => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const place = (pos: number, length: number, type: EntityType | null) => {
    const k = pieceAt(pos);
    const words = distinct[k];
    const start = pos - at[k];
    const end = Math.min(start + length, words.length);
    for (const from of places.get(words)!) spans.push({ start: from + start, end: from + end, type });
  };
  // One pass over the tagged terms: consecutive terms sharing a tag form a span ("#Person+").
  const TAGS: [string, EntityType | null][] = [
    ['Organization', 'organisation'],
    ['Place', 'place'],
    ['Person', 'person'],
    ['ProperNoun', null],
  ];
  type Term = { tags: string[]; offset: { start: number; length: number } };
  for (const sentence of doc.json({ offset: true }) as { terms: Term[] }[]) {
    for (const [tag, type] of TAGS) {
      let open: { start: number; end: number } | null = null;
      for (const term of sentence.terms) {
        if (term.tags.includes(tag)) {
          if (open) open.end = term.offset.start + term.offset.length;
          else open = { start: term.offset.start, end: term.offset.start + term.offset.length };
        } else if (open) {
          place(open.start, open.end - open.start, type);
          open = null;
        }
      }
      if (open) place(open.start, open.end - open.start, type);
    }
  }
  return spans;
}

/** The tagger's type for a run of words: what its spans over the run say, organisations first. */
function runType(spans: TaggedSpan[], start: number, end: number): EntityType | null | undefined {
  const overlapping = spans.filter((s) => s.start < end && s.end > start);
  if (!overlapping.length) return undefined;
  // Spans within the run speak for it first: "Obama" in "Obama administration" is a person.
  const within = overlapping.filter((s) => s.type && s.start >= start && s.end <= end);
  const over = within.length ? within : overlapping;
  const width = (type: EntityType) =>
    over.filter((s) => s.type === type).reduce((n, s) => n + Math.min(end, s.end) - Math.max(start, s.start), 0);
  const typed = (['organisation', 'place', 'person'] as const).map((t) => [t, width(t)] as const).filter(([, w]) => w > 0);
  return typed.sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Mentions: runs of name words that the tagger marks as proper nouns, typed by the tagger (person,
 * place, organisation) unless the gazetteer knows the name; titles before a person become its role.
 */
function rawMentions(text: string, segments: Segment[]): RawMention[] {
  // The tagger reads pieces within sentences, so each span belongs to one sentence.
  const sentences = segments.map((seg) => tokens(text, seg.start, seg.end));
  const bySegment = new Map<number, TaggedSpan[]>();
  for (const span of taggedSpans(text, sentences)) {
    const i = segmentAt(segments, span.start);
    bySegment.set(i, [...(bySegment.get(i) ?? []), span]);
  }
  const out: RawMention[] = [];
  segments.forEach((seg, sentence) => {
    const spans = bySegment.get(sentence) ?? [];
    const segToks = sentences[sentence];
    // A title-case line (a headline, a related-story link) capitalises every word: only the tagger's names count.
    const headline = segToks.length >= 4 && segToks.every((t) => t.text.length < 4 || isCapitalised(t.text));
    for (let run of nameRuns(text, segToks)
      .flatMap((r) => splitAtConnectors(r, spans))
      .flatMap(splitAtTitle)) {
      while (run.length && lower(run[0].text) === 'the') run = run.slice(1);
      // "New" opens sentences, and also "New Zealand": a leading word stays when it begins a known name.
      if (!knownType(run.map((t) => t.text)))
        while (run.length && NOT_NAMES.has(lower(run[0].text)) && !knownType(run.slice(0, 2).map((t) => t.text))) run = run.slice(1);
      if (!run.length) continue;
      const found = runType(spans, run[0].start, run[run.length - 1].end);
      // Not a proper noun for the tagger: a capitalised word, unless the gazetteer knows it ("US", "AFP").
      if (found === undefined && !knownType(run.map((t) => t.text))) continue;
      const tagged = found ?? null;
      if (headline) {
        run = run.filter((t) => spans.some((s) => s.type && s.start <= t.start && s.end >= t.end));
        if (!run.length || run.some((t, i) => i > 0 && !joins(text, run[i - 1], t))) continue;
      }
      const before = segToks.filter((t) => t.end <= run[0].start);
      const known = knownType(run.map((t) => t.text));
      const { name, role } = known || tagged === 'organisation' ? { name: run, role: null } : splitRole(text, run, before);
      if (!name.length || name.every((t) => isDemonym(t.text) || PERSON_TITLES.has(lower(t.text)) || NOT_NAMES.has(lower(t.text))))
        continue;
      const start = name[0].start;
      const end = name[name.length - 1].end;
      const words = name.map((t) => t.text);
      const plain = words.length >= 2 && words.length <= 3 && words.every((w) => isCapitalised(w) && !/^[A-Z\d]+$/.test(w));
      const taggerType = name === run ? tagged : runType(spans, start, end);
      const type = knownType(words) ?? (role && taggerType !== 'organisation' ? 'person' : (taggerType ?? (plain ? 'person' : 'other')));
      // No person's name opens with a nationality word: "in charge of Russian Affairs" names a portfolio.
      if (type === 'person' && isDemonym(words[0])) continue;
      out.push({
        start,
        end,
        text: text.slice(start, end),
        type,
        sentence,
        role: type === 'person' ? role : null,
        fromTagger: tagged !== null,
      });
    }
  });
  return out;
}

/** The forms an entity can be mentioned by: its name, a person's first name or surname, initials. */
function shortForms(name: string, type: EntityType): string[] {
  const parts = name.split(/\s+/);
  const forms = [nameKey(name)];
  if (type === 'person' && parts.length > 1) {
    forms.push(nameKey(parts[0]));
    // Every tail of the name: "Bin Laden" for Osama bin Laden, "Bashir" for Omar Hassan al-Bashir.
    for (let i = 1; i < parts.length; i++) forms.push(nameKey(parts.slice(i).join(' ')));
    const last = parts[parts.length - 1];
    if (/^(?:al|el|bin)-/i.test(last)) forms.push(nameKey(last.replace(/^\w+-/, '')));
  }
  const capitals = parts.filter((p) => isCapitalised(p) && !CONNECTORS.has(p));
  if (type !== 'person' && capitals.length >= 2) forms.push(lower(capitals.map((p) => p[0]).join('')));
  if (/\.(?:com|org|net)$/i.test(name)) forms.push(nameKey(name.replace(/\.(?:com|org|net)$/i, '')));
  if (type === 'organisation' && parts.length >= 2) {
    // "BBC" for BBC News, "Bardo" for the Bardo National Museum, "Congress" for the US Congress.
    if (isCapitalised(parts[0]) && !knownType([parts[0]]) && !NOT_NAMES.has(lower(parts[0]))) forms.push(nameKey(parts[0]));
    if (knownType([parts[0]]) === 'place' || isDemonym(parts[0])) forms.push(nameKey(parts.slice(1).join(' ')));
  }
  return forms;
}

/** Start offsets of each mention's key, ascending, to find the closest earlier full-name mention. */
function positionsByKey(raw: RawMention[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of raw) map.set(nameKey(r.text), [...(map.get(nameKey(r.text)) ?? []), r.start]);
  return map;
}

/** How far `pos` is after the closest earlier mention of `name` (later mentions count far less). */
function distance(positions: Map<string, number[]>, name: string, pos: number): number {
  let best = 1e9;
  for (const start of positions.get(nameKey(name)) ?? []) best = Math.min(best, start <= pos ? pos - start : 1e6 + start - pos);
  return best;
}

/**
 * Finds mentions in every segment and links them to entities: a shorter mention joins the nearest
 * earlier entity it abbreviates, so "Kim" after "Kim Jong Gyu" is Kim Jong Gyu, and "U.S." is the
 * United States.
 */
export function findEntities(text: string, segments: Segment[]): { mentions: Mention[]; entities: ArticleEntity[] } {
  if (!segments.length) return { mentions: [], entities: [] };
  const raw = [...datelinePlace(text, segments), ...rawMentions(text, segments)];
  const positions = positionsByKey(raw);
  const initialOnly = sentenceInitialOnly(text, raw, segments);
  const entities: ArticleEntity[] = [];
  const votes: Map<EntityType, number>[] = [];
  const byForm = new Map<string, number[]>();
  const mentions: Mention[] = [];
  const titled = new Set<number>(); // entities named with a title somewhere ("President-elect Trump"): people
  const addForms = (id: number) => {
    for (const form of shortForms(entities[id].name, entities[id].type)) byForm.set(form, [...new Set([...(byForm.get(form) ?? []), id])]);
  };
  // Longest names first, so that short forms can attach to them regardless of order in the text.
  const sorted = [...raw].sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  for (const m of sorted) {
    const key = nameKey(m.text);
    const canonical = ALIASES.get(key);
    const exact = (byForm.get(canonical ? nameKey(canonical.name) : key) ?? []).filter(
      (id) => nameKey(entities[id].name) === (canonical ? nameKey(canonical.name) : key),
    );
    const known = knownType(m.text.split(/\s+/));
    const candidates = exact.length
      ? exact
      : known
        ? (byForm.get(key) ?? []).filter((id) => entities[id].type === known)
        : (byForm.get(key) ?? []).filter((id) => entities[id].type === 'person' || m.type === entities[id].type || !m.fromTagger);
    let id = candidates.sort((a, b) => distance(positions, entities[a].name, m.start) - distance(positions, entities[b].name, m.start))[0];
    if (id === undefined) {
      // An untyped capitalised word seen only at the start of sentences is usually just a word.
      if (m.type === 'other' && !m.text.includes(' ') && initialOnly.has(key)) continue;
      id = entities.push({ name: canonical?.name ?? m.text.replace(/\u00AD/g, ''), type: canonical?.type ?? m.type, aliases: [] }) - 1;
      votes.push(new Map());
      addForms(id);
    }
    const entity = entities[id];
    if (m.fromTagger) votes[id].set(m.type, (votes[id].get(m.type) ?? 0) + 1);
    if (m.role) titled.add(id);
    const written = m.text.replace(/\u00AD/g, '');
    if (written !== entity.name && !entity.aliases.includes(written)) entity.aliases.push(written);
    if (m.role && !entity.aliases.includes(m.role)) entity.aliases.push(m.role);
    mentions.push({ start: m.start, end: m.end, text: m.text, type: m.type, sentence: m.sentence, role: m.role, entity: id });
  }
  entities.forEach((e, id) => {
    if (knownType(e.name.split(/\s+/))) return;
    if (titled.has(id) && e.type !== 'organisation') e.type = 'person';
    const ranked = [...votes[id]].sort((a, b) => b[1] - a[1]);
    if (e.type === 'other' && ranked.length) e.type = ranked[0][0];
  });
  for (const m of mentions) m.type = entities[m.entity].type;
  addRegionalAliases(text, entities, mentions, segments);
  return inTextOrder(entities, mentions);
}

/** "CAIRO — Gunmen opened fire…": a dateline opening a paragraph, outside its first sentence, names a place. */
function datelinePlace(text: string, segments: Segment[]): RawMention[] {
  const re = /(^|\n)([A-Z][A-Z .'-]{1,30}[A-Z])(?:,[^—–\n]{0,40})?\s+[—–-]+\s$/;
  for (const [i, seg] of segments.entries()) {
    const from = i ? segments[i - 1].end : 0;
    const m = re.exec(text.slice(from, seg.start));
    if (!m) continue;
    const start = from + m.index + m[1].length;
    const name = m[2].toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
    return [{ start, end: start + m[2].length, text: name, type: 'place', sentence: i, role: null, fromTagger: false }];
  }
  return [];
}

/** Entities numbered by first appearance, so lists read like the article. */
function inTextOrder(entities: ArticleEntity[], mentions: Mention[]): { mentions: Mention[]; entities: ArticleEntity[] } {
  mentions.sort((a, b) => a.start - b.start);
  const order = [...new Set(mentions.map((m) => m.entity))];
  const newId = new Map(order.map((old, i) => [old, i]));
  return { mentions: mentions.map((m) => ({ ...m, entity: newId.get(m.entity)! })), entities: order.map((old) => entities[old]) };
}

/** Names seen capitalised only at the start of sentences: usually just capitalised words. */
function sentenceInitialOnly(text: string, raw: RawMention[], segments: Segment[]): Set<string> {
  const initial = new Set<string>();
  const elsewhere = new Set<string>();
  for (const r of raw) {
    const before = text.slice(segments[r.sentence].start, r.start);
    const opensSentence = /^[\s"“‘'([]*$/.test(before) || /[“"‘:]\s*$/.test(before);
    (opensSentence ? initial : elsewhere).add(nameKey(r.text));
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
    const sentence = segmentAt(segments, start);
    if (sentence < 0) continue;
    if (!entities[id].aliases.includes(`the ${m[1]}`)) entities[id].aliases.push(`the ${m[1]}`);
    mentions.push({ start, end: start + m[1].length, text: m[1], type: 'place', sentence, role: null, entity: id });
  }
}
