// Reviewing extraction suggestions, and drafting a claim from a selected span of the sample article.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';
import type { Article } from '../../../shared/domain';

const SAMPLE = readFileSync(resolve(import.meta.dirname, '../../../resources/samples/nk-troops-russia-2024-10-25.txt'), 'utf8');
const KIM_QUOTE = 'I think it will be an act conforming with the regulations of international law';

let dir: string;
let services: Services;
let article: Article;

const { call, failure } = dispatcherOf(() => services);

function suggestion(statement: string, score: number, quote: string) {
  const start = article.text.indexOf(quote);
  return {
    statement,
    score,
    quote,
    start,
    end: start + quote.length,
    claimant: 'Kim Jong Gyu',
    kind: 'direct' as const,
    entities: [{ name: 'Kim Jong Gyu', type: 'person' as const, role: 'claimant' as const }],
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-suggest-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
  article = await services.archive.articles.insert({
    title: 'North Korea says troop deployment would be legal',
    text: SAMPLE,
    published: '2024-10-25',
  } as never);
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('suggestions', () => {
  it('accepting creates the claim with its entities, once', async () => {
    const [s] = await services.archive.suggestions.add(article.id, [
      suggestion('Deployment would conform with international law', 0.9, KIM_QUOTE),
    ]);
    const { claim, suggestion: accepted } = await call('suggestions.accept', article.id, s.id, {
      statement: 'Any deployment would be lawful',
    });
    expect(claim.statement).toBe('Any deployment would be lawful');
    expect(claim.claimant).toBe('Kim Jong Gyu');
    expect(claim.quote).toBe(KIM_QUOTE);
    expect(accepted).toMatchObject({ state: 'accepted', claimId: claim.id });
    expect(services.archive.claims.entities(claim.id).map((e) => e.name)).toContain('Kim Jong Gyu');
    expect((await failure('suggestions.accept', article.id, s.id)).code).toBe('CONFLICT');
    expect(services.archive.claims.list({ articleId: article.id } as never).total).toBe(1);
  });

  it('accepts only the pending suggestions at or above the threshold', async () => {
    const added = await services.archive.suggestions.add(article.id, [
      suggestion('High', 0.9, KIM_QUOTE),
      suggestion('Low', 0.3, 'stopped short of confirming'),
      suggestion('Border', 0.7, 'North Korea said Friday'),
    ]);
    await call('suggestions.reject', article.id, added[2].id);
    const { accepted } = await call('suggestions.acceptAbove', article.id, 0.5);
    expect(accepted.map((a) => a.suggestionId)).toEqual([added[0].id]);
    const states = (await call('suggestions.list', article.id)).map((s) => s.state);
    expect(states).toEqual(['accepted', 'pending', 'rejected']);
  });

  it('undo puts a suggestion back to pending without its claim; redo brings the same claim back', async () => {
    const [s] = await services.archive.suggestions.add(article.id, [suggestion('High', 0.9, KIM_QUOTE)]);
    const { claim } = await call('suggestions.accept', article.id, s.id);
    await call('suggestions.revert', article.id, [{ id: s.id, state: 'pending' }]);
    expect(services.archive.claims.list({ articleId: article.id } as never).total).toBe(0);
    expect((await call('suggestions.list', article.id))[0].state).toBe('pending');
    await call('suggestions.revert', article.id, [{ id: s.id, state: 'accepted', claimId: claim.id }]);
    expect(services.archive.claims.get(claim.id).statement).toBe('High');
    expect((await call('suggestions.list', article.id))[0]).toMatchObject({ state: 'accepted', claimId: claim.id });
  });

  it('names a suggestion that is not in the article', async () => {
    const err = await failure('suggestions.reject', article.id, 424242);
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect(err.message).toMatch(/424242/);
  });
});

describe('a claim drafted from a selection', () => {
  it('takes claimant, kind and entities from the overlapping suggestion', async () => {
    const [s] = await services.archive.suggestions.add(article.id, [suggestion('Deployment would be lawful', 0.9, KIM_QUOTE)]);
    const start = article.text.indexOf('act conforming');
    const draft = await call('claims.draftFromSpan', article.id, start, start + 'act conforming'.length);
    expect(draft).toMatchObject({ source: 'suggestion', suggestionId: s.id });
    expect(draft.claim).toMatchObject({
      quote: 'act conforming',
      start,
      claimant: 'Kim Jong Gyu',
      kind: 'direct',
      statement: 'act conforming',
    });
    expect(draft.claim.entities.map((e) => e.name)).toContain('Kim Jong Gyu');
  });

  it('runs extraction on the span when no suggestion covers it', async () => {
    const start = article.text.indexOf('"If there is such a thing');
    const end = article.text.indexOf('Korean Central News Agency.') + 'Korean Central News Agency.'.length;
    const draft = await call('claims.draftFromSpan', article.id, start, end);
    expect(draft.source).toBe('extraction');
    expect(draft.claim.claimant).toBe('Kim Jong Gyu');
    expect(draft.claim.kind).toBe('direct');
    expect(draft.claim.quote).toBe(article.text.slice(start, end));
  });

  it('trims the selection and refuses an empty or out-of-range one', async () => {
    const start = article.text.indexOf(' international law');
    const draft = await call('claims.draftFromSpan', article.id, start, start + ' international law'.length);
    expect(draft.claim.quote).toBe('international law');
    const blank = article.text.indexOf('\n\n');
    expect((await failure('claims.draftFromSpan', article.id, blank, blank + 2)).message).toMatch(/white space/);
    expect((await failure('claims.draftFromSpan', article.id, 0, article.text.length + 5)).code).toBe('INVALID_ARGUMENT');
  });
});
