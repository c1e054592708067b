// Speaker phrases to claimants: a name to its entity ("Mme Buzyn" → "Agnès Buzyn"), a pronoun to the last
// named person before it of a matching gender ("elle", "er", "она"), a role ("la ministre") to the person
// the article last introduced with that role, anything else kept as written without its article.
import type { Span } from './frames';
import { low, type Compiled } from './compile';
import { nameStem, type Gender, type NameMention, type NamedEntity } from './entities';

export interface Resolved {
  name: string;
  entity: number | null;
  /** How the claimant was found: named in the phrase, or resolved from a pronoun or a role. */
  via: 'name' | 'pronoun' | 'role' | 'phrase';
  /** The phrase as written ("elle", "la ministre"). */
  written: string;
}

export class SpeakerResolver {
  private previous: Resolved | null = null;

  constructor(
    private readonly text: string,
    private readonly mentions: NameMention[],
    private readonly entities: NamedEntity[],
    private readonly c: Compiled,
    /** Quotations: a person named inside one is not who a later pronoun stands for. */
    private readonly quotes: Span[] = [],
  ) {}

  /** The speaker named before, for a verb with no subject of its own ('"…", completou'). */
  implicit(): Resolved | null {
    return this.previous && { ...this.previous, via: 'pronoun', written: '' };
  }

  resolve(span: Span | null, gender: Gender): Resolved | null {
    if (!span) return null;
    const written = this.text.slice(span.start, span.end).trim();
    const resolved = this.resolvePhrase(written, span, gender);
    if (resolved) this.previous = resolved;
    return resolved;
  }

  private resolvePhrase(written: string, span: Span, gender: Gender): Resolved | null {
    const { lower } = this.c;
    const ws = written.split(/\s+/);
    const w0 = low(ws[0]);
    if (ws.length === 1 && lower.pluralPronouns.has(w0)) return this.previous && { ...this.previous, via: 'pronoun', written };
    if (ws.length === 1 && (lower.masculinePronouns.has(w0) || lower.femininePronouns.has(w0))) {
      const g: Gender = lower.femininePronouns.has(w0)
        ? 'f'
        : lower.masculinePronouns.has(w0) && this.c.profile.pronouns.feminine.length
          ? 'm'
          : gender;
      // A pronoun stands for someone the article has introduced: a full name, a title or a role.
      const introduced = (e: NamedEntity) => e.name.includes(' ') || e.roles.length > 0 || e.gender !== null;
      const person = this.lastPerson(span.start, g ?? gender, introduced);
      return person === null ? null : { ...this.named(person), via: 'pronoun', written };
    }
    const inside = this.mentions.filter((m) => m.start >= span.start && m.end <= span.end);
    const people = [...new Set(inside.filter((m) => m.type === 'person').map((m) => m.entity))];
    if (people.length === 1) return { ...this.named(people[0]), via: 'name', written };
    const phrase = this.withoutArticle(written);
    // "Депутат Законодательного собрания Борис Вишневский": one full name among single words.
    const full = people.filter((id) => this.entities[id].name.includes(' '));
    if (people.length > 1 && full.length === 1) return { ...this.named(full[0]), via: 'name', written };
    if (people.length > 1) return { name: phrase, entity: null, via: 'phrase', written };
    const lw = ' ' + low(phrase) + ' ';
    const role = lower.roles.find(
      (r) =>
        lw.includes(` ${r} `) ||
        lw.includes(`-${r} `) ||
        (this.c.profile.capitalisedNouns && lw.split(' ').some((w) => r.length >= 5 && w.endsWith(r))),
    );
    // "la ministre" after "la ministre de la Santé, Agnès Buzyn": the same person. A bare role only, so
    // "un porte-parole du ministère" (someone else) stays as written.
    if (role && !/^(?:un|une|ein|eine|einer|uno|una|um|uma|un')\s/i.test(written)) {
      const same = [...(lower.synonyms.get(role) ?? [role])].map((r) => nameStem(r, this.c));
      const person = this.lastPerson(span.start, gender, (e) => e.roles.some((r) => same.includes(nameStem(r, this.c))));
      if (person !== null) return { ...this.named(person), via: 'role', written };
    }
    if (inside.length && new Set(inside.map((m) => m.entity)).size === 1 && !role)
      return { ...this.named(inside[0].entity), via: 'name', written };
    return { name: phrase, entity: null, via: 'phrase', written };
  }

  private withoutArticle(phrase: string): string {
    const m = /^([\p{L}]+['’]?)\s*/u.exec(phrase);
    if (m && this.c.lower.determiners.has(low(m[1]).replace(/\s+$/, '')) && phrase.length > m[0].length) return phrase.slice(m[0].length);
    return phrase;
  }

  private named(entity: number): Omit<Resolved, 'via' | 'written'> {
    return { name: this.entities[entity].name, entity };
  }

  /** The last person mentioned before `position` whose known gender does not contradict `gender`. */
  private lastPerson(position: number, gender: Gender, ok: (e: NamedEntity) => boolean): number | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start >= position || m.type !== 'person' || this.quotes.some((q) => q.start <= m.start && m.end <= q.end)) continue;
      const e = this.entities[m.entity];
      if (gender && e.gender && e.gender !== gender) continue;
      if (ok(e)) return m.entity;
    }
    return null;
  }
}
