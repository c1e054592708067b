// One article as the reader shows it: its text, its claims and the extraction's suggestions.
import type { Article, ClaimRow, Suggestion } from '../../shared/domain';
import { call } from './api';
import { verdictTone } from './format';
import { Query } from './query.svelte';
import { buildParagraphs, type Mark, type Paragraph } from './spans';

export class ReaderState {
  /** The article, its claims in text order and its suggestions; refetched when any of them changes. */
  readonly query: Query<number, { article: Article; claims: ClaimRow[]; suggestions: Suggestion[] }>;

  constructor(readonly articleId: number) {
    this.query = new Query({
      key: () => this.articleId,
      fetch: async (id) => {
        const [article, claims, suggestions] = await Promise.all([
          call('articles.get', id),
          call('claims.list', { articleId: id, sort: 'createdAt', order: 'asc', limit: 5000 }),
          call('suggestions.list', id),
        ]);
        return { article, claims: claims.items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)), suggestions };
      },
      // A new claim on this article has an id not seen yet: any claim change is looked at.
      on: (id) => [{ type: 'article', ids: [id] }, 'claim', 'suggestion'],
    });
  }

  get article(): Article | null {
    return this.query.data?.article ?? null;
  }
  get claims(): ClaimRow[] {
    return this.query.data?.claims ?? [];
  }
  get suggestions(): Suggestion[] {
    return this.query.data?.suggestions ?? [];
  }
  get error(): string | null {
    return this.query.error;
  }
  get loading(): boolean {
    return this.query.loading;
  }

  get pending(): Suggestion[] {
    return this.suggestions.filter((s) => s.state === 'pending');
  }

  /** The article's paragraphs, claim spans painted in their verdict tone, pending suggestions and `extra` marks (highlights) marked. */
  paragraphsWith(extra: Mark[] = []): Paragraph[] {
    if (!this.article) return [];
    const marks: Mark[] = [
      ...extra,
      ...this.claims
        .filter((c) => c.start !== null && c.end !== null)
        .map((c) => ({ id: c.id, start: c.start!, end: c.end!, kind: 'claim' as const, tone: verdictTone(c.verdictScale, c.verdict) })),
      ...this.pending
        .filter((s) => s.payload.start != null && s.payload.end != null)
        .map((s) => ({ id: s.id, start: s.payload.start!, end: s.payload.end!, kind: 'suggestion' as const, tone: 'none' })),
    ];
    return buildParagraphs(this.article.text, marks);
  }
}
