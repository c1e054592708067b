// "About whom" on an existing claim: claims.linkEntity / claims.unlinkEntity through the same
// dispatcher as the app. Names go through the archive's entity lookup (aliases included), every
// change is journaled and in the claim's history, and a refused call writes nothing at all.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';

let dir: string;
let services: Services;

const { call, failure } = dispatcherOf(() => services);

/** Total size of the journal: a refused edit must not append a record. */
async function journalBytes(): Promise<number> {
  const folder = join(dir, 'journal');
  let total = 0;
  for (const name of await readdir(folder)) total += (await stat(join(folder, name))).size;
  return total;
}

const names = (claimId: number) => services.archive.claims.entities(claimId).map((e) => `${e.name}/${e.role}`);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-entity-links-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('claims.linkEntity', () => {
  it('reuses an existing entity when the name is one of its aliases, and records who and when', async () => {
    const kim = await services.archive.entities.upsert('Kim Jong Un', 'person', ['Kim', 'Kim Jong-un']);
    const claim = await services.archive.claims.insert({ statement: 'Pyongyang sent troops to Russia' });
    const before = services.archive.info().counts.entities;

    const result = await call('claims.linkEntity', claim.id, { name: '  kim ', type: 'person' }, 'subject');
    expect(result).toMatchObject({ entity: { id: kim.id, name: 'Kim Jong Un' }, role: 'subject', created: false });
    expect(services.archive.info().counts.entities).toBe(before);
    expect(names(claim.id)).toEqual(['Kim Jong Un/subject']);

    const entry = services.archive.claims.history(claim.id).at(-1)!;
    expect(entry).toMatchObject({
      field: 'entity',
      from: null,
      to: { entityId: kim.id, name: 'Kim Jong Un', type: 'person', role: 'subject' },
      actor: 'tester',
      note: null,
    });
    expect(Date.parse(entry.at)).not.toBeNaN();
    expect(services.archive.claims.get(claim.id).updatedAt).toBe(entry.at);
  });

  it('creates the entity when no name or alias of that type matches, and links by id', async () => {
    await services.archive.entities.upsert('Kim Jong Un', 'person', ['Kim']);
    const claim = await services.archive.claims.insert({ statement: 'Seoul confirmed the deployment' });

    const made = await call('claims.linkEntity', claim.id, { name: 'National Intelligence Service', type: 'organisation' }, 'claimant');
    expect(made).toMatchObject({ entity: { name: 'National Intelligence Service', type: 'organisation', aliases: [] }, created: true });
    // Names are looked up per type: "Kim" the place is not Kim the person.
    const place = await call('claims.linkEntity', claim.id, { name: 'Kim', type: 'place' }, 'mentioned');
    expect(place.created).toBe(true);

    const byId = await call('claims.linkEntity', claim.id, { entityId: made.entity.id }, 'subject');
    expect(byId).toMatchObject({ entity: { id: made.entity.id }, created: false });
    expect(names(claim.id)).toEqual(['National Intelligence Service/claimant', 'Kim/mentioned', 'National Intelligence Service/subject']);
    expect(services.archive.entities.list({ search: 'intelligence' })).toEqual([
      expect.objectContaining({ id: made.entity.id, claimCount: 1 }),
    ]);
    expect(services.crossref.entityProfile(made.entity.id)).toMatchObject({
      claimsBy: [{ claimId: claim.id }],
      claimsAbout: [{ claimId: claim.id }],
    });
  });

  it('refuses a link the claim already has, and invalid ids or arguments, writing nothing', async () => {
    const claim = await services.archive.claims.insert({ statement: 'The troops trained near Vladivostok' });
    const gone = await services.archive.claims.insert({ statement: 'Deleted claim' });
    await services.archive.claims.delete(gone.id);
    const { entity } = await call('claims.linkEntity', claim.id, { name: 'Vladivostok', type: 'place' }, 'mentioned');
    const state = () => ({
      entities: services.archive.entities.list().map((e) => [e.id, e.name, e.claimCount]),
      links: names(claim.id),
      history: services.archive.claims.history(claim.id).length,
      goneHistory: services.archive.claims.history(gone.id).length,
      updatedAt: services.archive.claims.get(claim.id).updatedAt,
    });
    const before = state();
    const bytes = await journalBytes();

    expect(await failure('claims.linkEntity', claim.id, { entityId: entity.id }, 'mentioned')).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('already linked'),
    });
    expect(await failure('claims.linkEntity', claim.id, { name: 'vladivostok', type: 'place' }, 'mentioned')).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure('claims.linkEntity', 9999, { name: 'Brand new entity', type: 'person' }, 'subject')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Claim 9999 does not exist.',
    });
    expect(await failure('claims.linkEntity', gone.id, { name: 'Brand new entity', type: 'person' }, 'subject')).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('is deleted'),
    });
    expect(await failure('claims.linkEntity', claim.id, { entityId: 9999 }, 'subject')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Entity 9999 does not exist.',
    });
    expect(await failure('claims.linkEntity', claim.id, { name: '   ', type: 'person' }, 'subject')).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await failure('claims.linkEntity', claim.id, { name: 'X', type: 'planet' as never }, 'subject')).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await failure('claims.linkEntity', claim.id, { entityId: entity.id }, 'author' as never)).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await failure('claims.linkEntity', claim.id, { entityId: entity.id, name: 'both' } as never, 'subject')).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await failure('claims.linkEntity', -1, { entityId: entity.id }, 'subject')).toMatchObject({ code: 'INVALID_ARGUMENT' });

    expect(state()).toEqual(before);
    expect(await journalBytes()).toBe(bytes);
  });
});

describe('claims.unlinkEntity', () => {
  it('removes one role of one entity, keeps the entity, and records it with the note', async () => {
    const claim = await services.archive.claims.insert({
      statement: 'Moscow denied the reports',
      entities: [
        { name: 'Kremlin', type: 'organisation', role: 'claimant' },
        { name: 'Kremlin', type: 'organisation', role: 'subject' },
      ],
    });
    const kremlin = services.archive.claims.entities(claim.id)[0];

    await call('claims.unlinkEntity', claim.id, kremlin.id, 'subject', 'Undo: Link “Kremlin” as subject');
    expect(names(claim.id)).toEqual(['Kremlin/claimant']);
    expect(services.archive.entities.get(kremlin.id).name).toBe('Kremlin');
    const entry = services.archive.claims.history(claim.id).at(-1)!;
    expect(entry).toMatchObject({
      field: 'entity',
      from: { entityId: kremlin.id, name: 'Kremlin', role: 'subject' },
      to: null,
      note: 'Undo: Link “Kremlin” as subject',
      actor: 'tester',
    });
    expect(services.crossref.entityProfile(kremlin.id).claimsAbout).toEqual([]);
  });

  it('fails clearly, writing nothing, for a link that is not there or ids that do not exist', async () => {
    const claim = await services.archive.claims.insert({
      statement: 'Moscow denied the reports',
      entities: [{ name: 'Kremlin', type: 'organisation', role: 'claimant' }],
    });
    const kremlin = services.archive.claims.entities(claim.id)[0];
    const history = services.archive.claims.history(claim.id).length;
    const bytes = await journalBytes();

    expect(await failure('claims.unlinkEntity', claim.id, kremlin.id, 'subject')).toMatchObject({
      code: 'NOT_FOUND',
      message: `“Kremlin” is not linked to claim ${claim.id} as subject.`,
    });
    expect(await failure('claims.unlinkEntity', claim.id, 9999, 'claimant')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Entity 9999 does not exist.',
    });
    expect(await failure('claims.unlinkEntity', 9999, kremlin.id, 'claimant')).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Claim 9999 does not exist.',
    });
    expect(await failure('claims.unlinkEntity', claim.id, kremlin.id, 'speaker' as never)).toMatchObject({ code: 'INVALID_ARGUMENT' });

    expect(names(claim.id)).toEqual(['Kremlin/claimant']);
    expect(services.archive.claims.history(claim.id)).toHaveLength(history);
    expect(await journalBytes()).toBe(bytes);
  });
});

it('link and unlink are journaled: they survive reopening the archive without a snapshot', async () => {
  const claim = await services.archive.claims.insert({ statement: 'Troops arrived in Kursk' });
  const { entity } = await call('claims.linkEntity', claim.id, { name: 'Kursk', type: 'place' }, 'mentioned');
  await call('claims.linkEntity', claim.id, { entityId: entity.id }, 'subject');
  await call('claims.unlinkEntity', claim.id, entity.id, 'mentioned');
  const journaled = await journalBytes();
  expect(journaled).toBeGreaterThan(0);

  // Copy the folder as a crash would leave it (no snapshot on close), then open the copy.
  const { cp } = await import('node:fs/promises');
  const copy = await mkdtemp(join(tmpdir(), 'claimdesk-entity-links-crash-'));
  await cp(dir, copy, { recursive: true });
  await rm(join(copy, 'LOCK'), { force: true });
  const reopened = await createServices({ archiveDir: copy, actor: 'tester' });
  try {
    expect(reopened.archive.claims.entities(claim.id).map((e) => `${e.name}/${e.role}`)).toEqual(['Kursk/subject']);
    expect(reopened.archive.claims.history(claim.id).filter((h) => h.field === 'entity')).toHaveLength(3);
  } finally {
    await reopened.close();
    await rm(copy, { recursive: true, force: true });
  }
});
