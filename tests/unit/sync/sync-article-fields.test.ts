// Article documents carry what schema 7 added (docs/sync.md §2): where each page of a PDF starts,
// the researcher's notes and tags. Made on one device they arrive on the other (its claims show the
// same page, its tag filter finds the article), and edits come back; script in a note is refused.
import { describe, expect, it } from 'vitest';
import { pageAt } from '../../../shared/domain';
import { syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { teamDatabasePerTest } from './team-database';

const team = teamDatabasePerTest();

const TEXT = 'Page one: the council met. Page two: 400 homes were promised. Page three: the vote.';

describe('team sync of article page starts, notes and tags', () => {
  it('travel both ways: the page of a claim, the note and the tag filter are the same on both devices', async () => {
    const alice = await open(undefined, { actor: 'alice' });
    const article = await alice.articles.insert({
      title: 'Council minutes',
      outlet: 'Harrowgate Council',
      text: TEXT,
      pageStarts: [0, 27, 62],
      notes: 'Scanned PDF, page two is the one that matters.',
      tags: ['housing', 'Council'],
    });
    const start = TEXT.indexOf('400 homes');
    await alice.claims.insertMany([
      { articleId: article.id, statement: '400 homes were promised.', quote: '400 homes were promised', start, end: start + 23 },
    ]);
    const bob = await open(undefined, { actor: 'bob' });
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });

    const there = bob.articles.list({ tag: 'HOUSING' }).items;
    expect(there.map((a) => a.title)).toEqual(['Council minutes']);
    const got = bob.articles.get(there[0].id);
    expect(got).toMatchObject({
      pageStarts: [0, 27, 62],
      notes: 'Scanned PDF, page two is the one that matters.',
      tags: ['housing', 'Council'],
    });
    const claim = bob.claims.list({ limit: 10 }).items[0];
    expect(pageAt(got.pageStarts ?? [], claim.start)).toBe(2);
    expect(bob.articles.tags()).toEqual(alice.articles.tags());

    // Bob edits the note and the tags: Alice gets both, and her tag filter follows.
    await bob.articles.update(got.id, { notes: 'Checked against the audio.', tags: ['housing', 'checked'] });
    expect(await syncOnce({ archive: bob, remote: team.url })).toMatchObject({ rejected: [], pending: 0 });
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ rejected: [], conflicts: [] });
    expect(alice.articles.get(article.id)).toMatchObject({
      pageStarts: [0, 27, 62],
      notes: 'Checked against the audio.',
      tags: ['housing', 'checked'],
    });
    expect(alice.articles.list({ tag: 'checked' }).items.map((a) => a.id)).toEqual([article.id]);
    expect(alice.articles.list({ tag: 'Council' }).items).toEqual([]);
    expect(await syncOnce({ archive: alice, remote: team.url })).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  it('an article whose note holds script, or whose page starts go backwards, is refused and changes nothing', async () => {
    const bob = await open(undefined, { actor: 'bob' });
    const article = {
      type: 'article',
      v: 1,
      title: 'Council minutes',
      outlet: null,
      author: null,
      published: null,
      url: null,
      language: 'en',
      wireAgency: null,
      text: TEXT,
      textQuality: 'ok',
      textWarning: null,
      importedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      source: null,
    };
    await team.server.put(team.url, {
      _id: 'article:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
      ...article,
      notes: '<script>alert(1)</script>',
    });
    await team.server.put(team.url, { _id: 'article:1d2e3f4a-5b6c-4d7e-9f80-91a2b3c4d5e6', ...article, pageStarts: [0, 40, 20] });
    const report = await syncOnce({ archive: bob, remote: team.url });
    expect(report.rejected.map((r) => r.reason).sort()).toEqual([
      expect.stringMatching(/^notes: holds markup/),
      expect.stringMatching(/^pageStarts: page starts must not decrease/),
    ]);
    expect(bob.info().counts.articles).toBe(0);
  });
});
