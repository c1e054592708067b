// One article as the reader shows it: its text, its claims and the extraction's suggestions.
import type { Article, ClaimRow, Suggestion } from '../../main/api/types';
import { call, errorMessage } from './api';
import { verdictTone } from './format';
import { buildParagraphs, type Mark, type Paragraph } from './spans';

export class ReaderState {
  article = $state.raw<Article | null>(null);
  claims = $state.raw<ClaimRow[]>([]);
  suggestions = $state.raw<Suggestion[]>([]);
  error = $state<string | null>(null);
  loading = $state(true);

  constructor(readonly articleId: number) {}

  get pending(): Suggestion[] {
    return this.suggestions.filter((s) => s.state === 'pending');
  }

  /** The article's paragraphs, claim spans painted in their verdict tone and pending suggestions marked. */
  get paragraphs(): Paragraph[] {
    if (!this.article) return [];
    const marks: Mark[] = [
      ...this.claims.filter((c) => c.start !== null && c.end !== null).map((c) => ({ id: c.id, start: c.start!, end: c.end!, kind: 'claim' as const, tone: verdictTone(c.verdictScale, c.verdict) })),
      ...this.pending.filter((s) => s.payload.start != null && s.payload.end != null).map((s) => ({ id: s.id, start: s.payload.start!, end: s.payload.end!, kind: 'suggestion' as const, tone: 'none' })),
    ];
    return buildParagraphs(this.article.text, marks);
  }

  async load(): Promise<void> {
    try {
      const [article, claims, suggestions] = await Promise.all([
        call('articles.get', this.articleId),
        call('claims.list', { articleId: this.articleId, sort: 'createdAt', order: 'asc', limit: 5000 }),
        call('suggestions.list', this.articleId),
      ]);
      this.article = article;
      this.claims = claims.items.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
      this.suggestions = suggestions;
      this.error = null;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }
}
