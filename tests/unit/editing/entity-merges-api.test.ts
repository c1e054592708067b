// entities.merge / entities.mergedFrom / entities.unmerge through the app's dispatcher: the entity
// pages (crossref.entityProfile) show each entity's own claims again after a split, and the errors
// reach the renderer with their codes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';

let dir: string;
let services: Services;

const { call, failure } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-entity-merges-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const page = (id: number) => {
  const p = services.crossref.entityProfile(id);
  return { by: p.claimsBy.map((c) => c.statement), about: p.claimsAbout.map((c) => c.statement) };
};

describe('entities.unmerge through the API', () => {
  it('merge, then split: each entity page lists its own claims again', async () => {
    const { archive } = services;
    await archive.claims.insertMany([
      { statement: 'Troops will be sent.', entities: [{ name: 'Kim Jong Un', type: 'person', role: 'claimant' }] },
      {
        statement: 'The deployment is legal.',
        entities: [
          { name: 'Kim Jong Gyu', type: 'person', role: 'claimant' },
          { name: 'Kim Jong Un', type: 'person', role: 'subject' },
        ],
      },
    ]);
    const [un, gyu] = ['Kim Jong Un', 'Kim Jong Gyu'].map((n) => archive.entities.list({ search: n })[0]);
    const before = [page(un.id), page(gyu.id)];
    expect(before[0]).toEqual({ by: ['Troops will be sent.'], about: ['The deployment is legal.'] });

    await call('entities.merge', gyu.id, un.id);
    expect(page(gyu.id).by).toEqual(['Troops will be sent.', 'The deployment is legal.']);
    expect(await failure('crossref.entityProfile', un.id)).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/was merged into “Kim Jong Gyu”/),
    });
    expect(await call('entities.mergedFrom', gyu.id)).toEqual([
      { id: un.id, name: 'Kim Jong Un', type: 'person', mergedInto: gyu.id, mergedAt: expect.any(String) },
    ]);

    const result = await call('entities.unmerge', un.id);
    expect(result).toMatchObject({ restored: { id: un.id, name: 'Kim Jong Un', aliases: [] }, kept: { id: gyu.id, aliases: [] } });
    expect([page(un.id), page(gyu.id)]).toEqual(before);
  });

  it('answers NOT_FOUND, CONFLICT and INVALID_ARGUMENT with their reasons', async () => {
    const kim = await services.archive.entities.upsert('Kim Jong Un', 'person');
    expect(await failure('entities.unmerge', 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('entities.unmerge', kim.id)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('“Kim Jong Un”'),
    });
    expect(await failure('entities.unmerge', -1 as number)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await failure('entities.mergedFrom', 404)).toMatchObject({ code: 'NOT_FOUND' });
  });
});
