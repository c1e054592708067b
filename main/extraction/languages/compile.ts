// A profile's word lists turned into the patterns and sets the algorithm uses (once per profile).
import type { LanguageProfile } from './profile';

export interface Compiled {
  profile: LanguageProfile;
  afterQuoteOnly: RegExp | null;
  complementizer: RegExp;
  /** The complementizers as one alternation, to build patterns around. */
  complementizerWords: string;
  /** A complementizer after a space, inside a phrase. */
  complementizerInside: RegExp;
  /** A complementizer at the start, or after a space, comma or colon, with the space after it. */
  complementizerAnywhere: RegExp;
  /** Any role noun, with the word before it (an article: "la", "o ex-"), anywhere (global). */
  roleAnywhere: RegExp;
  /** A role noun in an apposition right after a name (", ministre de…"). */
  roleApposition: RegExp;
  organisationList: string[];
  /** Reporting verbs, participles and auxiliaries, lower case, each phrase's words joined by one space. */
  verbSet: Set<string>;
  participleSet: Set<string>;
  auxiliarySet: Set<string>;
  pronounSet: Set<string>;
  /** The most words a verb or participle phrase has. */
  longestVerb: number;
  accordingBefore: RegExp | null;
  accordingAfter: RegExp | null;
  openers: Map<string, string>;
  closers: Set<string>;
  lower: {
    determiners: Set<string>;
    functionWords: Set<string>;
    honorifics: Set<string>;
    particles: Set<string>;
    organisation: Set<string>;
    feminine: Set<string>;
    masculine: Set<string>;
    /** Each role noun with the roles that name the same role (itself included). */
    synonyms: Map<string, Set<string>>;
    masculinePronouns: Set<string>;
    femininePronouns: Set<string>;
    pluralPronouns: Set<string>;
    roles: string[];
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Alternatives longest first; spaces match any whitespace; a word ending in an apostrophe needs no boundary after it. */
function alternatives(words: string[]): string {
  return [...new Set(words.map((w) => w.toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/\s+/g, '\\s+') + (/['’.]$/.test(w) ? '' : '(?![\\p{L}\\p{N}])'))
    .join('|');
}
export const low = (s: string) => s.toLowerCase().replace(/’/g, "'");
const set = (words: string[]) => new Set(words.map(low));
const B = "(?<![\\p{L}\\p{N}’'-])";

const cache = new WeakMap<LanguageProfile, Compiled>();

export function compile(profile: LanguageProfile): Compiled {
  const hit = cache.get(profile);
  if (hit) return hit;
  const p = profile;
  const pairs: [string, string][] = [...p.quotes, ['"', '"']];
  const compiled: Compiled = {
    profile,
    afterQuoteOnly: p.afterQuoteOnly.length ? new RegExp(B + `(?:${alternatives(p.afterQuoteOnly)})`, 'gu') : null,
    complementizerWords: alternatives(p.complementizers),
    complementizerInside: new RegExp(`\\s(?:${alternatives(p.complementizers)})`, 'iu'),
    complementizerAnywhere: new RegExp(`(?:^|[\\s,:])(?:${alternatives(p.complementizers)})\\s*`, 'iu'),
    roleAnywhere: new RegExp(`(?<![\\p{L}])((?:\\p{L}+['’]?\\s*)?)(?:\\p{L}+-)?(${roleAlternatives(p)})(?![\\p{L}])`, 'gu'),
    roleApposition: new RegExp(`^\\s*,\\s*((?:\\p{L}+['’]?\\s*)?)(${roleAlternatives(p)})(?![\\p{L}])`, 'u'),
    organisationList: [...set(p.organisationWords)],
    verbSet: phrases(p.verbs),
    participleSet: phrases(p.participles),
    auxiliarySet: phrases(p.auxiliaries),
    pronounSet: phrases([...p.pronouns.masculine, ...p.pronouns.feminine, ...p.pronouns.plural]),
    longestVerb: Math.max(1, ...[...p.verbs, ...p.participles].map((v) => v.split(/\s+/).length)),
    complementizer: new RegExp(`^\\s*[,:]?\\s*(?:${alternatives(p.complementizers)})\\s*`, 'iu'),
    accordingBefore: p.accordingBefore.length ? new RegExp(B + `(?:${alternatives(p.accordingBefore)})\\s*`, 'gu') : null,
    accordingAfter: p.accordingAfter.length ? new RegExp(`\\s+(?:${alternatives(p.accordingAfter)})`, 'gu') : null,
    openers: new Map(pairs.map(([o, c]) => [o, c])),
    closers: new Set(pairs.map(([, c]) => c)),
    lower: {
      determiners: set(p.determiners),
      functionWords: set(p.functionWords),
      honorifics: set(p.honorifics),
      particles: set(p.nameParticles),
      organisation: set(p.organisationWords),
      feminine: set(p.feminine),
      masculine: set(p.masculine),
      synonyms: synonymsOf(p),
      masculinePronouns: set(p.pronouns.masculine),
      femininePronouns: set(p.pronouns.feminine),
      pluralPronouns: set(p.pronouns.plural),
      roles: [...set(p.roleNouns)].sort((a, b) => b.length - a.length),
    },
  };
  cache.set(profile, compiled);
  return compiled;
}

function synonymsOf(p: LanguageProfile): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const group of p.roleSynonyms ?? []) {
    const all = new Set(group.map(low));
    for (const r of all) map.set(r, new Set([...(map.get(r) ?? []), ...all]));
  }
  return map;
}

/** Role nouns as an alternation, lower case, longest first. */
function roleAlternatives(p: LanguageProfile): string {
  return [...set(p.roleNouns)]
    .sort((a, b) => b.length - a.length)
    .map((r) => escape(r).replace(/\s+/g, '\\s+'))
    .join('|');
}

function phrases(list: string[]): Set<string> {
  return new Set(list.map((w) => w.toLowerCase().split(/\s+/).join(' ')));
}
