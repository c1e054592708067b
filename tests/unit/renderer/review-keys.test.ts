// Keyboard review (#19): which article "next to review" (Alt+N) opens, and how Shift+Alt+→ / ← select
// an article's text sentence by sentence.
import { describe, expect, it } from 'vitest';
import { nextInQueue } from '../../../renderer/lib/review.svelte';
import { moveRun, spanOfRun, stepRun } from '../../../renderer/lib/sentence-select';
import type { ReviewQueue } from '../../../shared/domain';

const queue: ReviewQueue = {
  pending: 9,
  articles: [
    { articleId: 30, title: 'Newest', importedAt: '2026-03-03T10:00:00.000Z', pending: 4 },
    { articleId: 20, title: 'Middle', importedAt: '2026-02-02T10:00:00.000Z', pending: 3 },
    { articleId: 10, title: 'Oldest', importedAt: '2026-01-01T10:00:00.000Z', pending: 2 },
  ],
};

describe('next article to review', () => {
  it('is the first of the queue when no article is open, and the one after the open article otherwise', () => {
    expect(nextInQueue(queue, null)?.title).toBe('Newest');
    expect(nextInQueue(queue, { articleId: 30, importedAt: '2026-03-03T10:00:00.000Z' })?.title).toBe('Middle');
    expect(nextInQueue(queue, { articleId: 10, importedAt: '2026-01-01T10:00:00.000Z' })?.title).toBe('Newest'); // wraps around
  });

  it('goes on after an article whose suggestions are all reviewed (no longer in the queue)', () => {
    expect(nextInQueue(queue, { articleId: 25, importedAt: '2026-02-20T00:00:00.000Z' })?.title).toBe('Middle');
  });

  it('is none when only the open article has suggestions left, or none at all', () => {
    const one: ReviewQueue = { pending: 2, articles: [queue.articles[2]] };
    expect(nextInQueue(one, { articleId: 10, importedAt: '2026-01-01T10:00:00.000Z' })).toBeNull();
    expect(nextInQueue({ pending: 0, articles: [] }, null)).toBeNull();
  });
});

describe('selection by sentence', () => {
  //            0         1         2         3         4
  //            0123456789012345678901234567890123456789012345
  const text = 'One said. Two doubted it. Three agreed. Four.';
  const sentences = [
    { start: 0, end: 9 },
    { start: 10, end: 25 },
    { start: 26, end: 39 },
    { start: 40, end: 45 },
  ];
  const shown = (r: ReturnType<typeof stepRun>) => (r ? text.slice(spanOfRun(sentences, r).start, spanOfRun(sentences, r).end) : null);

  it('starts with the sentence at the caret, then each step takes in the next sentence', () => {
    let run = stepRun(sentences, 1, { run: null, selected: null, from: 14 });
    expect(shown(run)).toBe('Two doubted it.');
    run = stepRun(sentences, 1, { run, selected: spanOfRun(sentences, run!), from: 14 });
    expect(shown(run)).toBe('Two doubted it. Three agreed.');
    run = stepRun(sentences, -1, { run, selected: spanOfRun(sentences, run!), from: 14 });
    expect(shown(run)).toBe('Two doubted it.');
    run = stepRun(sentences, -1, { run, selected: spanOfRun(sentences, run!), from: 14 });
    expect(shown(run)).toBe('One said. Two doubted it.'); // past the anchor it grows backwards
  });

  it('stops at the first and the last sentence', () => {
    let run = stepRun(sentences, 1, { run: null, selected: null, from: 44 });
    run = stepRun(sentences, 1, { run, selected: spanOfRun(sentences, run!), from: 44 });
    expect(shown(run)).toBe('Four.');
  });

  it('rounds a mouse selection out to whole sentences first, then extends it', () => {
    const mouse = { start: 14, end: 30 }; // "doubted it. Thre"
    const rounded = stepRun(sentences, 1, { run: null, selected: mouse, from: 0 });
    expect(shown(rounded)).toBe('Two doubted it. Three agreed.');
    const extended = stepRun(sentences, 1, { run: null, selected: spanOfRun(sentences, rounded!), from: 0 });
    expect(shown(extended)).toBe('Two doubted it. Three agreed. Four.');
  });

  it('Alt+arrows select the next or previous sentence on its own', () => {
    let run = moveRun(sentences, 1, { run: null, selected: null, from: 3 });
    expect(shown(run)).toBe('One said.');
    run = moveRun(sentences, 1, { run, selected: spanOfRun(sentences, run!), from: 3 });
    expect(shown(run)).toBe('Two doubted it.');
    run = stepRun(sentences, 1, { run, selected: spanOfRun(sentences, run!), from: 3 });
    run = moveRun(sentences, 1, { run, selected: spanOfRun(sentences, run!), from: 3 });
    expect(shown(run)).toBe('Four.'); // after the two selected
    run = moveRun(sentences, -1, { run: null, selected: { start: 12, end: 30 }, from: 3 });
    expect(shown(run)).toBe('One said.'); // before a mouse selection
  });

  it('does nothing in an article without sentences', () => {
    expect(stepRun([], 1, { run: null, selected: null, from: 0 })).toBeNull();
    expect(moveRun([], -1, { run: null, selected: null, from: 0 })).toBeNull();
  });
});
