// A profile's word lists turned into the patterns and sets the algorithm uses (once per profile).
import type { LanguageProfile } from './profile';

export interface Compiled {
  profile: LanguageProfile;
  /** Reporting verb: groups `clitic` (an attached "-t-il") and the whole verb phrase is match[0]. */
  verb: RegExp;
  afterQuoteOnly: RegExp | null;
  complementizer: RegExp;
  /** The complementizers as one alternation, to build patterns around. */
  complementizerWords: string;
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
  return [...new Set(words)]
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
  const pronouns = alternatives([...p.pronouns.masculine, ...p.pronouns.feminine, ...p.pronouns.plural]);
  const between = "(?:[\\p{L}’'-]+\\s+){0,3}?";
  const compound = p.auxiliaries.length && p.participles.length;
  const aux = alternatives(p.auxiliaries);
  const part = alternatives(p.participles);
  const verbs = alternatives(p.verbs);
  const verb = new RegExp(
    B +
      '(?:' +
      (compound ? `(?:${aux})(?:-t)?-(?<clitic>${pronouns})\\s+(?:${between})(?:${part})|(?:${aux})\\s+${between}(?:${part})|` : '') +
      `(?:${verbs})(?:(?:-t)?-(?<clitic2>${pronouns}))?` +
      ')',
    'giu',
  );
  const pairs: [string, string][] = [...p.quotes, ['"', '"']];
  const compiled: Compiled = {
    profile,
    verb,
    afterQuoteOnly: p.afterQuoteOnly.length ? new RegExp(B + `(?:${alternatives(p.afterQuoteOnly)})`, 'giu') : null,
    complementizerWords: alternatives(p.complementizers),
    complementizer: new RegExp(`^\\s*[,:]?\\s*(?:${alternatives(p.complementizers)})\\s*`, 'iu'),
    accordingBefore: p.accordingBefore.length ? new RegExp(B + `(?:${alternatives(p.accordingBefore)})\\s*`, 'giu') : null,
    accordingAfter: p.accordingAfter.length ? new RegExp(`\\s+(?:${alternatives(p.accordingAfter)})`, 'giu') : null,
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
