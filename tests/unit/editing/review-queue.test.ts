// The review queue (#19): how many suggestions wait for a decision, per article and in total, the
// library's "To review" filter, the order "next to review" follows, and an article's sentences (the
// reader's keyboard selection by sentence).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';
import type { Article, NewClaim } from '../../../shared/domain';

let dir: string;
let services: Services;
const { call, failure } = dispatcherOf(() => services);

const TEXT =
  'The minister said the bridge would open in May. Critics doubt it. "We have the money," she told reporters on Monday.\n\n' +
  'Mr. Lee, the engineer, said the steel arrived late. The council will vote on 3 June.';

async function article(title: string): Promise<Article> {
  return services.archive.articles.insert({ title, text: TEXT } as never);
}

function proposal(statement: string): NewClaim {
  const start = TEXT.indexOf('The minister');
  return { statement, quote: TEXT.slice(start, start + 46), start, end: start + 46, kind: 'indirect' } as NewClaim;
}

async function propose(a: Article, n: number) {
  return services.archive.suggestions.add(
    a.id,
    Array.from({ length: n }, (_, i) => proposal(`Statement ${i + 1} of ${a.title}`)),
  );
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-queue-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pending suggestions per article and in total', () => {
  it('the library lists each article with its pending count, and "To review" keeps only those with some', async () => {
    const bridge = await article('Bridge');
    const budget = await article('Budget');
    const quiet = await article('Quiet');
    await propose(bridge, 3);
    await propose(budget, 2);

    const all = await call('articles.list', {});
    expect(Object.fromEntries(all.items.map((a) => [a.title, a.pendingCount]))).toEqual({ Bridge: 3, Budget: 2, Quiet: 0 });

    const toReview = await call('articles.list', { toReview: true });
    expect(toReview.total).toBe(2);
    expect(toReview.items.map((a) => a.title).sort()).toEqual(['Bridge', 'Budget']);
    expect(toReview.items.some((a) => a.id === quiet.id)).toBe(false);
  });

  it('counts go down as suggestions are accepted or rejected, and come back when the decision is undone', async () => {
    const bridge = await article('Bridge');
    const [first, second, third] = await propose(bridge, 3);
    await call('suggestions.accept', bridge.id, first.id);
    await call('suggestions.reject', bridge.id, second.id);

    expect((await call('articles.list', {})).items[0].pendingCount).toBe(1);
    expect(await call('suggestions.queue')).toEqual({
      pending: 1,
      articles: [{ articleId: bridge.id, title: 'Bridge', importedAt: bridge.importedAt, pending: 1 }],
    });

    await call('suggestions.reject', bridge.id, third.id);
    expect(await call('suggestions.queue')).toEqual({ pending: 0, articles: [] });
    expect((await call('articles.list', { toReview: true })).total).toBe(0);

    await call('suggestions.revert', bridge.id, [{ id: second.id, state: 'pending' }]);
    expect((await call('suggestions.queue')).pending).toBe(1);
  });

  it('the queue totals every article, newest import first (the library order), and forgets deleted articles', async () => {
    const older = await article('Older');
    const newer = await article('Newer');
    await propose(older, 2);
    await propose(newer, 4);

    const queue = await call('suggestions.queue');
    expect(queue.pending).toBe(6);
    expect(queue.articles.map((a) => [a.title, a.pending])).toEqual([
      ['Newer', 4],
      ['Older', 2],
    ]);

    await call('articles.delete', newer.id);
    expect((await call('suggestions.queue')).articles.map((a) => a.title)).toEqual(['Older']);
    await call('articles.restore', newer.id);
    expect((await call('suggestions.queue')).pending).toBe(6);
  });
});

describe("an article's sentences", () => {
  it('are exact spans of its text, one per sentence, an abbreviation not ending one', async () => {
    const a = await article('Bridge');
    const sentences = await call('articles.sentences', a.id);
    expect(sentences.map((s) => TEXT.slice(s.start, s.end))).toEqual([
      'The minister said the bridge would open in May.',
      'Critics doubt it.',
      '"We have the money," she told reporters on Monday.',
      'Mr. Lee, the engineer, said the steel arrived late.',
      'The council will vote on 3 June.',
    ]);
  });

  it('of an unknown article is a clear error', async () => {
    expect(await failure('articles.sentences', 999)).toMatchObject({ code: 'NOT_FOUND' });
    // @ts-expect-error -- the method takes no argument; main refuses a stray one at run time
    expect(await failure('suggestions.queue', 'all')).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
