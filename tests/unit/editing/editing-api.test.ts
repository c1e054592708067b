// The editing API as the views use it, through the same dispatcher as the app: bulk changes and
// their undo, links and evidence, saved searches. Every failure must leave the archive untouched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';

let dir: string;
let services: Services;

const { call, failure } = dispatcherOf(() => services);

async function claim(statement: string, extra: Record<string, unknown> = {}) {
  return services.archive.claims.insert({ statement, ...extra } as never);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-editing-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('bulk changes', () => {
  it('changes status, verdict and tags of every selected claim and can put them back', async () => {
    const a = await claim('Troops crossed the border', { tags: ['troops'] });
    const b = await claim('Grain exports doubled');
    const result = await call('claims.bulkUpdate', [a.id, b.id], {
      status: 'done',
      verdict: { scale: 'claimdesk', verdict: 'false' },
      addTags: ['checked'],
      note: 'Contradicted by satellite images',
    });
    expect(result.updated).toBe(2);
    for (const id of [a.id, b.id]) {
      const c = services.archive.claims.get(id);
      expect(c.status).toBe('done');
      expect(c.verdict).toBe('false');
      expect(c.tags).toContain('checked');
    }
    const verdictChange = services.archive.claims.history(a.id).find((h) => h.field === 'verdict');
    expect(verdictChange?.note).toBe('Contradicted by satellite images');

    await call('claims.bulkRevert', result.before, 'Undo: bulk change');
    const restored = services.archive.claims.get(a.id);
    expect(restored.status).toBe('new');
    expect(restored.verdict).toBeNull();
    expect(restored.tags).toEqual(['troops']);
    expect(services.archive.claims.history(a.id).at(-1)?.note).toBe('Undo: bulk change');
  });

  it('moves new claims that get a verdict to done, keeps a status chosen before, and undoes both', async () => {
    const fresh = await claim('Troops crossed the border');
    const reviewing = await claim('Grain exports doubled', { status: 'needs_review' });
    const result = await call('claims.bulkUpdate', [fresh.id, reviewing.id], {
      verdict: { scale: 'claimdesk', verdict: 'mostly-false' },
      note: 'Satellite images show no crossing',
    });
    expect(services.archive.claims.get(fresh.id)).toMatchObject({ verdict: 'mostly-false', status: 'done' });
    expect(services.archive.claims.get(reviewing.id)).toMatchObject({ verdict: 'mostly-false', status: 'needs_review' });
    expect(services.archive.claims.history(fresh.id).find((h) => h.field === 'status')?.note).toBe('Satellite images show no crossing');

    // A status given with the verdict is the researcher's choice; clearing a verdict moves nothing.
    const other = await claim('Ports reopened');
    await call('claims.bulkUpdate', [other.id], { status: 'in_progress', verdict: { scale: 'claimdesk', verdict: 'true' }, note: 'Seen' });
    expect(services.archive.claims.get(other.id).status).toBe('in_progress');
    const unrated = await claim('Fuel prices fell');
    await call('claims.bulkUpdate', [unrated.id], { verdict: { scale: 'claimdesk', verdict: null }, note: 'Not rated yet' });
    expect(services.archive.claims.get(unrated.id).status).toBe('new');

    await call('claims.bulkRevert', result.before, 'Undo: bulk change');
    expect(services.archive.claims.get(fresh.id)).toMatchObject({ verdict: null, status: 'new' });
  });

  it('changes nothing when one selected claim does not exist', async () => {
    const a = await claim('Troops crossed the border');
    const err = await failure('claims.bulkUpdate', [a.id, 9999], { status: 'done' });
    expect(err.code).toBe('NOT_FOUND');
    expect(services.archive.claims.get(a.id).status).toBe('new');
  });

  it('refuses a verdict change without a note, and an empty change', async () => {
    const a = await claim('Troops crossed the border');
    expect((await failure('claims.bulkUpdate', [a.id], { verdict: { scale: 'claimdesk', verdict: 'true' } })).message).toMatch(
      /note is required/,
    );
    expect((await failure('claims.bulkUpdate', [a.id], {})).message).toMatch(/change is empty/);
    expect(services.archive.claims.get(a.id).verdict).toBeNull();
  });

  it('removes tags whatever their case', async () => {
    const a = await claim('Troops crossed the border', { tags: ['Urgent', 'troops'] });
    await call('claims.bulkUpdate', [a.id], { removeTags: ['urgent'] });
    expect(services.archive.claims.get(a.id).tags).toEqual(['troops']);
  });
});

describe('links, evidence and history', () => {
  it('lists links with the claim at the other end, and evidence with its article', async () => {
    const a = await claim('Troops crossed the border');
    const b = await claim('No troops have crossed');
    const link = await call('links.add', a.id, b.id, 'contradicts', 'opposite accounts');
    const fromB = await call('links.forClaim', b.id);
    expect(fromB).toHaveLength(1);
    expect(fromB[0]).toMatchObject({ id: link.id, outgoing: false, other: { id: a.id, statement: 'Troops crossed the border' } });
    await call('links.remove', link.id);
    expect(await call('links.forClaim', a.id)).toEqual([]);

    const article = await services.archive.articles.insert({
      title: 'Satellite images',
      text: 'Images show columns of trucks at the border.',
    } as never);
    await call('evidence.add', { claimId: a.id, articleId: article.id, stance: 'supports', start: 0, end: 6 });
    const evidence = await call('evidence.forClaim', a.id);
    expect(evidence[0]).toMatchObject({ quote: 'Images', articleTitle: 'Satellite images', stance: 'supports' });
  });

  it('answers the verdict a claim had on an earlier date', async () => {
    const a = await claim('Troops crossed the border');
    await services.archive.claims.setVerdict(a.id, 'claimdesk', 'mixed', 'early reports disagree');
    const today = new Date().toISOString().slice(0, 10);
    expect(await call('claims.verdictAsOf', a.id, today)).toMatchObject({ verdict: 'mixed', note: 'early reports disagree' });
    expect(await call('claims.verdictAsOf', a.id, '2000-01-01')).toMatchObject({ verdict: null });
  });

  it('saves, lists and removes a named search', async () => {
    const saved = await call('savedSearches.save', 'Open troop claims', { search: 'troops', status: ['new'] });
    expect((await call('savedSearches.list')).map((s) => s.name)).toEqual(['Open troop claims']);
    expect(saved.query).toMatchObject({ search: 'troops', status: ['new'] });
    await call('savedSearches.remove', saved.id);
    expect(await call('savedSearches.list')).toEqual([]);
    expect((await failure('savedSearches.save', '  ', {})).code).toBe('INVALID_ARGUMENT');
  });
});
