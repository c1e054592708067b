import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Archive, ArchiveRecords } from '../../../main/archive';
import { scanSegment } from '../../../main/archive/engine/journal-format';
import { ARTICLE_TEXT, crashImage, journalFiles, open, seedArticle } from './helpers';

const QUOTE = 'about 10,000 North Korean troops are now in Russia';
const START = ARTICLE_TEXT.indexOf(QUOTE);

/** Records as another archive would have written them: ids with gaps, their own times and actors. */
function records(): ArchiveRecords {
  const claim = {
    articleId: 3,
    quote: QUOTE,
    start: START,
    end: START + QUOTE.length,
    claimant: 'Pentagon',
    attribution: [{ name: 'Pentagon', role: 'speaker' as const }],
    kind: 'reported' as const,
    claimDate: '2024-10-25',
    resolveBy: null,
    score: 0.9,
    notes: 'from the briefing',
  };
  return {
    articles: [
      {
        id: 7,
        title: 'Copy of the wire story',
        outlet: 'Copy',
        author: null,
        published: null,
        url: null,
        language: null,
        wireAgency: null,
        source: null,
        text: ARTICLE_TEXT,
        importedAt: '2024-10-26T08:00:00.000Z',
        duplicateOf: 3,
        textQuality: 'ok' as const,
        textWarning: null,
        pageStarts: [],
        notes: '',
        tags: [],
      },
      {
        id: 3,
        title: 'Wire story',
        outlet: 'Wire',
        author: 'A. Writer',
        published: '2024-10-25',
        url: 'https://example.org/1',
        language: 'en',
        wireAgency: 'AP',
        source: { sha256: 'cd'.repeat(32), name: 'wire.html', type: 'text/html', size: 99 },
        text: ARTICLE_TEXT,
        importedAt: '2024-10-25T08:00:00.000Z',
        duplicateOf: null,
        textQuality: 'ocr' as const,
        textWarning: 'Pages 2–3 were read by OCR',
        pageStarts: [0, 50],
        notes: 'The agency confirmed the figure by phone.',
        tags: ['wire', 'troops'],
      },
    ],
    entities: [
      { id: 2, name: 'Pentagon', type: 'organisation', aliases: ['US Department of Defense'] },
      { id: 5, name: 'Russia', type: 'place', aliases: [] },
    ],
    claims: [
      {
        ...claim,
        id: 4,
        statement: 'About 10,000 North Korean troops are in Russia.',
        status: 'done',
        verdictScale: 'claimdesk',
        verdict: 'true',
        verdictNote: 'NATO confirmed it.',
        tags: ['troops', 'Russia'],
        createdAt: '2024-10-25T09:00:00.000Z',
        updatedAt: '2024-10-27T10:00:00.000Z',
        entities: [
          { entityId: 2, role: 'claimant' },
          { entityId: 5, role: 'subject' },
        ],
      },
      {
        id: 9,
        articleId: null,
        quote: '',
        start: null,
        end: null,
        statement: 'Moscow denied the deployment.',
        claimant: null,
        attribution: [],
        kind: 'indirect',
        claimDate: null,
        resolveBy: null,
        status: 'new',
        verdictScale: 'claimdesk',
        verdict: null,
        verdictNote: null,
        score: null,
        tags: [],
        notes: '',
        createdAt: '2024-10-25T09:05:00.000Z',
        updatedAt: '2024-10-25T09:05:00.000Z',
        entities: [],
      },
    ],
    links: [{ id: 6, fromClaimId: 4, toClaimId: 9, type: 'contradicts', note: 'denial', createdAt: '2024-10-25T09:06:00.000Z' }],
    evidence: [
      {
        id: 11,
        claimId: 4,
        articleId: 7,
        quote: 'Moscow denied it.',
        start: ARTICLE_TEXT.indexOf('Moscow'),
        end: ARTICLE_TEXT.length,
        stance: 'context',
        note: '',
        createdAt: '2024-10-25T09:07:00.000Z',
      },
    ],
    history: [
      {
        id: 20,
        claimId: 4,
        field: 'created',
        from: null,
        to: { status: 'new', verdictScale: 'claimdesk', verdict: null, verdictNote: null },
        note: null,
        actor: 'alice',
        at: '2024-10-25T09:00:00.000Z',
      },
      {
        id: 31,
        claimId: 4,
        field: 'verdict',
        from: { scale: 'claimdesk', verdict: null, note: null },
        to: { scale: 'claimdesk', verdict: 'true', note: 'NATO confirmed it.' },
        note: 'NATO confirmed it.',
        actor: 'carol',
        at: '2024-10-27T10:00:00.000Z',
      },
    ],
    collections: [{ id: 2, name: 'Deployment', createdAt: '2024-10-26T00:00:00.000Z', claimIds: [4, 9] }],
    savedSearches: [
      {
        id: 3,
        name: 'Troops',
        query: { search: 'troops', sort: 'relevance', order: 'desc', offset: 0, limit: 50 },
        createdAt: '2024-10-26T01:00:00.000Z',
        updatedAt: '2024-10-26T02:00:00.000Z',
      },
    ],
  };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** What a user sees of the restored records. */
function view(a: Archive) {
  return {
    articles: [a.articles.get(3), a.articles.get(7)],
    claims: [a.claims.get(4), a.claims.get(9)],
    entities: a.claims.entities(4),
    links: a.links.forClaim(4),
    evidence: a.evidence.forClaim(4),
    history: a.claims.history(4),
    collections: a.collections.list(),
    savedSearches: a.savedSearches.list(),
  };
}

describe('restoring records verbatim into an empty archive', () => {
  it('keeps ids, timestamps, history, aliases and memberships, searchable at once', async () => {
    const a = await open();
    expect(await a.restore.records(records())).toMatchObject({ articles: 2, claims: 2, history: 2 });
    const rec = records();
    expect(a.articles.get(7)).toEqual(rec.articles[0]);
    const { entities: _e, ...claim } = rec.claims[0];
    expect(a.claims.get(4)).toEqual(claim);
    expect(a.claims.history(4)).toEqual(rec.history);
    expect(a.entities.get(2).aliases).toEqual(['US Department of Defense']);
    expect(a.evidence.forClaim(4)).toEqual(rec.evidence);
    expect(a.collections.list()).toEqual([
      { id: 2, name: 'Deployment', createdAt: '2024-10-26T00:00:00.000Z', claimCount: 2, articleCount: 0 },
    ]);
    expect(a.savedSearches.list()).toEqual(rec.savedSearches);
    expect(a.claims.verdictAsOf(4, '2024-10-26')).toEqual({ scale: 'claimdesk', verdict: null, note: null });
    // The FTS indexes took the rows in: search finds claims, tags and articles.
    expect(a.claims.list({ search: 'troops' }).items.map((c) => c.id)).toEqual([4]);
    expect(a.claims.list({ search: 'denied' }).items.map((c) => c.id)).toEqual([9]);
    expect(a.articles.list({ search: 'copy' }).items.map((x) => x.id)).toEqual([7]);
    // New records get ids after the restored ones, and the archive's own actor.
    const next = await a.claims.insert({ statement: 'Written after the restore.' });
    expect(next.id).toBe(10);
    expect(a.claims.history(next.id)[0].actor).toBe('tester');
    expect((await seedArticle(a)).id).toBe(8);
  });

  it('is journaled as one record: a crash right after it reopens with everything', async () => {
    const a = await open();
    await a.restore.records(records());
    const journal = journalFiles(a.dir).flatMap((f) => scanSegment(readFileSync(f)).records);
    expect(journal).toHaveLength(1);
    const b = await open(crashImage(a.dir));
    expect(b.logs.join('\n')).toMatch(/Recovered 1 journaled change/);
    expect(view(b)).toEqual(view(a));
    expect(b.claims.list({ search: 'troops' }).items.map((c) => c.id)).toEqual([4]);
    expect((await b.claims.insert({ statement: 'after the crash' })).id).toBe(10);
  });

  it('joins an open archive.transaction', async () => {
    const a = await open();
    await a.transaction((tx) => {
      tx.restore.records(records());
      tx.claims.setStatus(9, 'in_progress', 'picked up');
    });
    expect(a.claims.get(9).status).toBe('in_progress');
    expect(a.claims.get(4).createdAt).toBe('2024-10-25T09:00:00.000Z');
  });

  it('restores a deleted original of a live copy as deleted: out of lists and search', async () => {
    const a = await open();
    const rec = records();
    rec.articles[1] = { ...rec.articles[1], deletedAt: '2024-10-28T00:00:00.000Z' };
    rec.claims = rec.claims.filter((c) => c.articleId === null);
    rec.history = [];
    rec.evidence = [];
    rec.links = [];
    rec.collections = [];
    await a.restore.records(rec);
    expect(a.articles.getWithDeleted(3).deletedAt).toBe('2024-10-28T00:00:00.000Z');
    expect(a.articles.get(7).duplicateOf).toBe(3);
    expect(a.articles.list({}).items.map((x) => x.id)).toEqual([7]);
    expect(a.articles.list({ search: 'Pentagon' }).items.map((x) => x.id)).toEqual([7]);
    // A live claim in a deleted article would be a contradiction: refused.
    const b = await open();
    const bad = records();
    bad.articles[1] = { ...bad.articles[1], deletedAt: '2024-10-28T00:00:00.000Z' };
    expect((await errorOf(b.restore.records(bad))).message).toMatch(/claim 4: its article 3 is deleted/);
  });

  it('refuses an archive that holds anything, even only deleted records, and changes nothing', async () => {
    const a = await open();
    const article = await seedArticle(a);
    const err = await errorOf(a.restore.records(records()));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/new, empty archive: this one already holds 1 articles and 0 claims/);
    await a.articles.delete(article.id);
    expect((await errorOf(a.restore.records(records()))).code).toBe('CONFLICT');
    expect(() => a.claims.get(4)).toThrow(/does not exist/);
  });

  it('refuses a bad record by name and rolls the whole restore back', async () => {
    const a = await open();
    const dangling = { ...records(), evidence: [{ ...records().evidence[0], articleId: 99 }] };
    const err = await errorOf(a.restore.records(dangling));
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(err.message).toMatch(/evidence item 11/);
    const clash = {
      ...records(),
      entities: [...records().entities, { id: 8, name: 'us department of defense', type: 'organisation' as const, aliases: [] }],
    };
    expect((await errorOf(a.restore.records(clash))).message).toMatch(
      /entity 8: its name "us department of defense" already names entity 2/,
    );
    const loop = { ...records(), articles: records().articles.map((x) => ({ ...x, duplicateOf: x.id === 3 ? 7 : 3 })) };
    expect((await errorOf(a.restore.records(loop))).message).toMatch(/a copy of itself/);
    expect(a.info().counts).toEqual({ articles: 0, claims: 0, entities: 0 });
    // ...and the same archive then takes the good records.
    await a.restore.records(records());
    expect(a.info().counts).toEqual({ articles: 2, claims: 2, entities: 2 });
  });
});
