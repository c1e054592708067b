// The review queue: the extraction's suggestions still waiting for a decision, in total and by
// article (most recently imported first, the library's order). "Next to review" (Alt+N) opens the
// article after the one being read that still has some, on its suggestions.
import type { ReviewQueue, ReviewQueueItem } from '../../shared/domain';
import { plural } from '../../shared/plural';
import { call } from './api';
import { nav } from './navigation.svelte';
import { Query } from './query.svelte';
import { ui } from './ui.svelte';

/** The key that opens the next article to review, as the help and the palette show it. */
export const NEXT_TO_REVIEW_KEY = 'Alt+N';

/** An article's place in the queue's order. */
export interface QueuePlace {
  articleId: number;
  importedAt: string;
}

/** Whether `item` comes after `place` in the queue's order (newest import first, then highest id). */
function after(item: ReviewQueueItem, place: QueuePlace): boolean {
  return item.importedAt < place.importedAt || (item.importedAt === place.importedAt && item.articleId < place.articleId);
}

/** The article to review after `from` (the first one when nothing is open); wraps around; null when none other is left. */
export function nextInQueue(queue: ReviewQueue, from: QueuePlace | null): ReviewQueueItem | null {
  const others = from ? queue.articles.filter((a) => a.articleId !== from.articleId) : queue.articles;
  if (others.length === 0) return null;
  return (from && others.find((a) => after(a, from))) || others[0];
}

export class ReviewState {
  /** Follows suggestion decisions, and articles deleted or restored (their suggestions leave or join the queue). */
  readonly query = new Query({ key: () => ({}), fetch: () => call('suggestions.queue'), on: ['suggestion', 'article'] });
  /** The article the reader shows, so "next" starts after it (set by the reader while it is open). */
  reading = $state.raw<QueuePlace | null>(null);
  /** The article just opened from the queue: the reader opens it on its suggestions, the first one focused. */
  opened = $state<number | null>(null);

  get pending(): number {
    return this.query.data?.pending ?? 0;
  }
  get articles(): number {
    return this.query.data?.articles.length ?? 0;
  }
  /** "61 suggestions to review in 3 articles" (or that nothing is left). */
  get summary(): string {
    if (!this.query.data) return '';
    if (this.pending === 0) return 'No suggestions to review';
    return `${plural(this.pending, 'suggestion')} to review in ${plural(this.articles, 'article')}`;
  }

  /** Opens the next article with suggestions waiting, or says there is none. */
  async openNext(): Promise<void> {
    if (!this.query.data) await this.query.refetch();
    const queue = this.query.data;
    if (!queue) return void ui.toast(this.query.error ?? 'Could not read the review queue', { tone: 'error' });
    const from = nav.view === 'reader' ? this.reading : null;
    const next = nextInQueue(queue, from);
    if (!next) {
      const here = from && queue.articles.some((a) => a.articleId === from.articleId);
      return void ui.toast(here ? 'No other article has suggestions to review' : 'No suggestions left to review');
    }
    this.opened = next.articleId;
    nav.go({ view: 'reader', articleId: next.articleId });
  }
}

export const review = new ReviewState();
