// Resolves speaker phrases to names: pronouns and surnames to the person introduced earlier, titled
// names to the bare name, groups ("Seoul and Washington") and descriptions kept as written.
import type { EntityRole } from '../api/types';
import type { Span } from './attribution';
import type { ArticleEntity, Mention } from './entities';

export interface Resolved {
  name: string;
  /** Entity id when the phrase is (or refers to) one known entity. */
  entity: number | null;
}

export class ClaimantResolver {
  private previous: Resolved | null = null;

  constructor(
    private readonly text: string,
    private readonly mentions: Mention[],
    private readonly entities: ArticleEntity[],
  ) {}

  /**
   * `span` is in article offsets. Returns null for phrases that name no one ("it"). A claimant is
   * remembered for a later "they"; a medium is not.
   */
  resolve(span: Span | null, remember = true): Resolved | null {
    if (!span) return null;
    const phrase = this.text
      .slice(span.start, span.end)
      .replace(/^the\s+/i, '')
      .replace(/^official\s+(?=[A-Z])/, '')
      .trim();
    const resolved = this.resolvePhrase(phrase, span);
    if (resolved && remember) this.previous = resolved;
    return resolved;
  }

  private resolvePhrase(phrase: string, span: Span): Resolved | null {
    const lower = phrase.toLowerCase();
    if (lower === 'he' || lower === 'she') return this.lastPersonBefore(span.start);
    if (lower === 'they') return this.previous;
    if (lower === 'it' || !phrase) return null;
    const inside = this.mentions.filter((m) => m.start >= span.start && m.end <= span.end);
    const people = [...new Set(inside.filter((m) => m.type === 'person').map((m) => m.entity))];
    if (people.length === 1 && !/\band\b/.test(phrase)) return this.named(people[0]);
    // One entity plus lower-case descriptors ("the opposition Labour Party"), but not "X's envoys".
    const single = inside.length === 1 ? inside[0] : null;
    const rest = single ? this.text.slice(span.start, single.start) + this.text.slice(single.end, span.end) : '';
    if (single && !/[A-Z]/.test(rest.replace(/^\s*the\s/i, '')) && !/^['’]s\b/.test(this.text.slice(single.end, span.end)))
      return this.named(single.entity);
    return { name: phrase, entity: null };
  }

  private named(entity: number): Resolved {
    return { name: this.entities[entity].name, entity };
  }

  private lastPersonBefore(position: number): Resolved | null {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start < position && m.type === 'person') return this.named(m.entity);
    }
    return null;
  }
}

/** Entities of one claim with their roles: claimant > subject (in the content) > mentioned. */
export function claimEntities(
  mentions: Mention[],
  entities: ArticleEntity[],
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
