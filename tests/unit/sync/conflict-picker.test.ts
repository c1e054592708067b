// The conflict picker's API (#20, docs/sync.md §4), through the app's dispatcher and team sync against
// the CouchDB-compatible test server: two researchers change one claim's verdict offline, sync marks
// it conflict on both, the API shows both versions with who/when/why, the claims list flags and filters
// it; a researcher keeps one version (or merges field by field), the pick syncs like any edit and both
// devices end with the same claim, no mark, and a history holding both verdicts and the resolution.
// Undo reopens the conflict; a resolve without a conflict, or malformed, changes nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from '../editing/dispatch-fixture';
import { startServer, type TestServer } from './server';
import { cli } from '../foundation/cli-run';

let server: TestServer;
let team: { server: string; database: string };
const dirs: string[] = [];
const opened: Services[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.start();
  const url = new URL(await server.database());
  team = { server: url.origin, database: url.pathname.slice(1) };
});
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function device(actor: string) {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-conflict-'));
  dirs.push(dir);
  const services = await createServices({ archiveDir: dir, actor });
  opened.push(services);
  const api = dispatcherOf(() => services);
  await api.call('team.configure', { ...team, user: null });
  return { services, dir, ...api, sync: () => api.call('team.syncNow') };
}
type Device = Awaited<ReturnType<typeof device>>;

const DEPOT = 'The depot employs 400 people.';
const idOf = async (d: Device) => (await d.call('claims.list', { search: 'depot' })).items[0].id;

/** Alice writes the claim, both get it, then each sets a different verdict offline and they sync: a conflict. */
async function concurrentVerdicts() {
  const alice = await device('alice');
  const bob = await device('bob');
  await alice.call('claims.create', { statement: DEPOT });
  await alice.sync();
  await bob.sync();
  await alice.call('claims.setVerdict', await idOf(alice), 'claimdesk', 'true', 'The council confirmed 400.');
  await bob.call('claims.setVerdict', await idOf(bob), 'claimdesk', 'false', 'The filing says 296, not 400.');
  await alice.sync();
  await bob.sync();
  await alice.sync();
  return { alice, bob };
}

describe('the conflict picker', () => {
  it('both versions are shown with who, when and why; keeping one syncs and both devices converge with no mark', async () => {
    const { alice, bob } = await concurrentVerdicts();
    const id = await idOf(alice);

    // The claims list flags it, the filter finds it, the count says so; a claim not in conflict is not flagged.
    await alice.call('claims.create', { statement: 'Ridership doubled in a year.' });
    const inConflict = await alice.call('claims.list', { conflict: true });
    expect(inConflict.items.map((c) => [c.statement, c.conflict])).toEqual([[DEPOT, true]]);
    expect((await alice.call('claims.list', { conflict: false })).items.map((c) => [c.statement, c.conflict])).toEqual([
      ['Ridership doubled in a year.', false],
    ]);
    expect(await alice.call('claims.conflictCount')).toBe(1);

    // Alice's own version is "mine", Bob's "theirs", each with who, when and why.
    const conflict = (await alice.call('claims.conflict', id))!;
    expect(conflict.differs).toEqual(['verdict']);
    expect(conflict.theirs).toMatchObject({
      verdict: 'false',
      verdictNote: 'The filing says 296, not 400.',
      who: 'bob',
      why: 'The filing says 296, not 400.',
    });
    expect(conflict.mine).toMatchObject({ verdict: 'true', who: 'alice', why: 'The council confirmed 400.' });
    expect(Date.parse(conflict.theirs.when)).toBeGreaterThanOrEqual(Date.parse(conflict.mine.when));
    // On Bob's device it is the other way round.
    const onBob = (await bob.call('claims.conflict', await idOf(bob)))!;
    expect([onBob.mine.who, onBob.mine.verdict, onBob.theirs.who, onBob.theirs.verdict]).toEqual(['bob', 'false', 'alice', 'true']);

    // Alice keeps Bob's verdict.
    const done = await alice.call('claims.resolveConflict', { claimId: id, keep: 'theirs' });
    expect(done).toMatchObject({ claimId: id, deleted: false, note: 'Conflict resolved: kept bob’s version' });
    expect(await alice.call('claims.conflict', id)).toBeNull();
    expect(await alice.call('claims.conflictCount')).toBe(0);

    await alice.sync();
    await bob.sync();
    for (const d of [alice, bob]) {
      const claimId = await idOf(d);
      expect(await d.call('claims.get', claimId)).toMatchObject({ verdict: 'false', verdictNote: 'The filing says 296, not 400.' });
      expect(await d.call('claims.conflict', claimId)).toBeNull();
      expect((await d.call('claims.list', { conflict: true })).total).toBe(0);
      const history = await d.call('claims.history', claimId);
      const verdicts = history.filter((h) => h.field === 'verdict').map((h) => `${h.actor}:${(h.to as { verdict: string }).verdict}`);
      expect(verdicts).toEqual(expect.arrayContaining(['alice:true', 'bob:false']));
      expect(history.find((h) => h.field === 'conflict')).toMatchObject({ actor: 'alice', note: done.note });
    }
  });

  it('merge picks a field from each version; undo reopens the conflict as it was; the merged claim converges', async () => {
    const { alice, bob } = await concurrentVerdicts();
    const id = await idOf(alice);
    // Bob also rewrote the statement and moved the status before the two synced again.
    await bob.call('claims.update', await idOf(bob), { statement: 'The depot employs 296 people.' }, 'Per the filing.');
    await bob.call('claims.setStatus', await idOf(bob), 'needs_review');
    await bob.sync();
    await alice.call('claims.update', id, { statement: 'The depot employs 400 staff.' });
    await alice.sync();
    await bob.sync();
    await alice.sync();

    const before = (await alice.call('claims.conflict', id))!;
    expect(before.differs).toEqual(expect.arrayContaining(['statement', 'status']));
    expect([before.mine.who, before.mine.statement, before.theirs.who, before.theirs.statement]).toEqual([
      'alice',
      'The depot employs 400 staff.',
      'bob',
      'The depot employs 296 people.',
    ]);
    const claimBefore = await alice.call('claims.get', id);

    // Alice's statement, Bob's status and verdict.
    const merged = { statement: 'mine', verdict: 'theirs', status: 'theirs', deleted: 'mine' } as const;
    const verdict = before.theirs.verdict;
    const done = await alice.call('claims.resolveConflict', { claimId: id, keep: 'merged', merged });
    expect(done.note).toMatch(/^Conflict resolved: merged \(statement: alice’s, .*status: bob’s/);
    expect(await alice.call('claims.get', id)).toMatchObject({
      statement: 'The depot employs 400 staff.',
      status: 'needs_review',
      verdict,
    });

    // Undo: the claim as it showed and the conflict back, with the same two versions.
    const reopened = await alice.call('claims.reopenConflict', id);
    expect(await alice.call('claims.get', id)).toMatchObject({
      statement: claimBefore.statement,
      status: claimBefore.status,
      verdict: claimBefore.verdict,
    });
    expect([reopened.mine.statement, reopened.theirs.statement, reopened.theirs.verdict]).toEqual([
      before.mine.statement,
      before.theirs.statement,
      before.theirs.verdict,
    ]);
    expect(await alice.call('claims.conflictCount')).toBe(1);
    // Undo again has nothing to undo; redo is the same pick.
    expect(await alice.failure('claims.reopenConflict', id)).toMatchObject({ code: 'CONFLICT' });
    await alice.call('claims.resolveConflict', { claimId: id, keep: 'merged', merged });

    await alice.sync();
    await bob.sync();
    for (const d of [alice, bob]) {
      expect(await d.call('claims.get', await idOf(d))).toMatchObject({
        statement: 'The depot employs 400 staff.',
        status: 'needs_review',
        verdict,
      });
      expect((await d.call('claims.list', { conflict: true })).total).toBe(0);
    }
  });

  it('notes and tags changed on the other device are in its version, marked as differing, and a merge can take them', async () => {
    const alice = await device('alice');
    const bob = await device('bob');
    await alice.call('claims.create', { statement: DEPOT });
    await alice.sync();
    await bob.sync();
    // Offline, each sets a verdict and writes their own note and tags.
    const id = await idOf(alice);
    await alice.call('claims.setVerdict', id, 'claimdesk', 'true', 'The council confirmed 400.');
    await alice.call('claims.update', id, { notes: 'Called the council press office.', tags: ['council'] });
    const onBob = await idOf(bob);
    await bob.call('claims.setVerdict', onBob, 'claimdesk', 'false', 'The filing says 296, not 400.');
    await bob.call('claims.update', onBob, { notes: 'Filing, page 3.', tags: ['jobs', 'filing'] });
    await alice.sync();
    await bob.sync();
    await alice.sync();

    // Both notes and both tag sets are there, not only in the server's revision history.
    const before = (await alice.call('claims.conflict', id))!;
    expect(before.differs).toEqual(['verdict', 'notes', 'tags']);
    expect(before.mine).toMatchObject({ who: 'alice', notes: 'Called the council press office.', tags: ['council'] });
    expect(before.theirs).toMatchObject({ who: 'bob', notes: 'Filing, page 3.', tags: ['jobs', 'filing'] });
    // The claim shows one whole line (whichever the server settled on: CouchDB picks its winner by
    // revision, not by who pushed last), never a splice of the two; the other is kept aside.
    const line = (c: { verdict: unknown; notes: unknown; tags: unknown }) => ({ verdict: c.verdict, notes: c.notes, tags: c.tags });
    const shown = line(await alice.call('claims.get', id));
    expect([
      { verdict: 'true', notes: 'Called the council press office.', tags: ['council'] },
      { verdict: 'false', notes: 'Filing, page 3.', tags: ['jobs', 'filing'] },
    ]).toContainEqual(shown);
    const shownTags = ['council', 'jobs'].map((tag) => ((shown.tags as string[]).includes(tag) ? 1 : 0));

    // Alice keeps her verdict and tags, and takes Bob's note.
    const merged = { statement: 'mine', verdict: 'mine', status: 'mine', deleted: 'mine', notes: 'theirs', tags: 'mine' } as const;
    const done = await alice.call('claims.resolveConflict', { claimId: id, keep: 'merged', merged });
    expect(done.note).toBe('Conflict resolved: merged (verdict: alice’s, notes: bob’s, tags: alice’s)');
    const result = { verdict: 'true', notes: 'Filing, page 3.', tags: ['council'] };
    expect(await alice.call('claims.get', id)).toMatchObject(result);
    const tagged = async (d: Device, tag: string) => (await d.call('claims.list', { tag })).total;
    expect([await tagged(alice, 'council'), await tagged(alice, 'jobs')]).toEqual([1, 0]);

    // Undo: the claim as it showed (its tags too), the other version aside again.
    const reopened = await alice.call('claims.reopenConflict', id);
    expect(line(await alice.call('claims.get', id))).toEqual(shown);
    expect([await tagged(alice, 'council'), await tagged(alice, 'jobs')]).toEqual(shownTags);
    expect([reopened.mine.notes, reopened.theirs.notes]).toEqual([before.mine.notes, before.theirs.notes]);

    await alice.call('claims.resolveConflict', { claimId: id, keep: 'merged', merged });
    await alice.sync();
    await bob.sync();
    for (const d of [alice, bob]) {
      const claimId = await idOf(d);
      expect(await d.call('claims.get', claimId)).toMatchObject(result);
      expect(await tagged(d, 'council')).toBe(1);
      expect(await d.call('claims.conflict', claimId)).toBeNull();
    }
  });

  it('deleted on one device, edited on the other: keeping the deletion deletes the claim, and undo brings it back in conflict', async () => {
    const alice = await device('alice');
    const bob = await device('bob');
    await alice.call('claims.create', { statement: DEPOT });
    await alice.sync();
    await bob.sync();
    await alice.call('claims.delete', await idOf(alice));
    await bob.call('claims.setVerdict', await idOf(bob), 'claimdesk', 'false', 'The filing says 296, not 400.');
    await bob.sync();
    await alice.sync();

    // The edit won over the deletion: the claim is back here, with Alice's deletion kept as her version.
    const id = await idOf(alice);
    const conflict = (await alice.call('claims.conflict', id))!;
    expect(conflict.differs).toEqual(expect.arrayContaining(['verdict', 'deleted']));
    expect(conflict.mine).toMatchObject({ deleted: true, who: 'alice' });
    expect(conflict.theirs).toMatchObject({ deleted: false, verdict: 'false', who: 'bob' });

    expect(await alice.call('claims.resolveConflict', { claimId: id, keep: 'mine' })).toMatchObject({ deleted: true });
    expect((await alice.call('claims.list', { search: 'depot' })).total).toBe(0);
    expect(await alice.call('claims.conflictCount')).toBe(0);

    await alice.call('claims.reopenConflict', id);
    expect(await alice.call('claims.get', id)).toMatchObject({ statement: DEPOT, verdict: 'false' });
    expect(await alice.call('claims.conflictCount')).toBe(1);
  });

  it('claimdesk claims --conflict lists the claims in conflict, marked in words', async () => {
    const { alice } = await concurrentVerdicts();
    await alice.call('claims.create', { statement: 'Ridership doubled in a year.' });
    await alice.services.close();
    opened.splice(opened.indexOf(alice.services), 1);

    const text = await cli(['claims', '--archive', alice.dir, '--conflict']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/depot employs 400 people\. \(in conflict: changed on two devices\)$/),
    ]);
    const json = (await cli(['claims', '--archive', alice.dir, '--json'])).json();
    expect(json.claims.map((c: { statement: string; conflict: boolean }) => [c.statement, c.conflict])).toEqual([
      [DEPOT, true],
      ['Ridership doubled in a year.', false],
    ]);
  });

  it('claimdesk conflict shows both versions and settles one field by field; the pick syncs to the other device', async () => {
    const { alice, bob } = await concurrentVerdicts();
    const id = await idOf(alice);
    const other = await alice.call('claims.create', { statement: 'Ridership doubled in a year.' });
    await alice.services.close();
    opened.splice(opened.indexOf(alice.services), 1);
    const archive = ['--archive', alice.dir];

    // Seen: both verdicts with their notes and who set them. Which is "mine" depends on who the command
    // line runs as (here not Alice's app) and on the version the claim shows, so the test reads it.
    const shown = await cli(['conflict', ...archive, String(id)]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Claim #${id} was changed on two devices; it differs in verdict.`);
    const { conflict } = (await cli(['conflict', ...archive, String(id), '--json'])).json();
    expect(conflict).toMatchObject({ claimId: id, differs: ['verdict'] });
    const line = { true: 'true (The council confirmed 400.)', false: 'false (The filing says 296, not 400.)' } as Record<string, string>;
    expect([conflict.mine.who, conflict.theirs.who].sort()).toEqual(['alice', 'bob']);
    expect(shown.stdout).toMatch(new RegExp(`mine {2}: ${conflict.mine.who}, .*\\n.*theirs: ${conflict.theirs.who}, `));
    expect(shown.stdout).toContain(`mine:   ${line[conflict.mine.verdict]}`);
    expect(shown.stdout).toContain(`theirs: ${line[conflict.theirs.verdict]}`);

    // Bad picks are refused by name and change nothing.
    const both = await cli(['conflict', ...archive, String(id), '--keep', 'both']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--keep: say mine or theirs, got "both"')]);
    const field = await cli(['conflict', ...archive, String(id), '--take', 'author=theirs']);
    expect([field.code, field.stderr]).toEqual([2, expect.stringContaining('"author" is not a field of a claim in conflict')]);
    const calm = await cli(['conflict', ...archive, String(other.id), '--keep', 'mine']);
    expect([calm.code, calm.stderr]).toEqual([1, expect.stringContaining(`Claim #${other.id} is not in conflict`)]);
    const missing = await cli(['conflict', ...archive, '9999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Claim 9999 does not exist/);
    expect((await cli(['claims', ...archive, '--conflict', '--json'])).json().claims).toHaveLength(1);

    // Settled: the other version's verdict; the mark is gone.
    const settled = await cli(['conflict', ...archive, String(id), '--take', 'verdict=theirs']);
    expect(settled.code).toBe(0);
    expect(settled.stderr).toMatch(new RegExp(`Claim #${id}: Conflict resolved: .*The next sync round sends it\\.`));
    expect((await cli(['claims', ...archive, '--conflict', '--json'])).json().claims).toEqual([]);

    // Alice's next round sends the pick; Bob gets the same claim and no mark.
    const again = await createServices({ archiveDir: alice.dir, actor: 'alice' });
    opened.push(again);
    const aliceAgain = dispatcherOf(() => again);
    await aliceAgain.call('team.syncNow');
    await bob.sync();
    for (const d of [aliceAgain, bob]) {
      expect(await d.call('claims.get', id)).toMatchObject({ statement: DEPOT, verdict: conflict.theirs.verdict });
      expect(await d.call('claims.conflictCount')).toBe(0);
    }
  });

  it('a resolve on a claim without a conflict, on no claim, or malformed is refused clearly and changes nothing', async () => {
    const alice = await device('alice');
    const claim = await alice.call('claims.create', { statement: DEPOT });
    const history = await alice.call('claims.history', claim.id);

    expect(await alice.call('claims.conflict', claim.id)).toBeNull();
    const none = await alice.failure('claims.resolveConflict', { claimId: claim.id, keep: 'theirs' });
    expect(none).toMatchObject({ code: 'CONFLICT' });
    expect(none.message).toMatch(/is not in conflict.*nothing was changed/);
    expect(await alice.failure('claims.resolveConflict', { claimId: 9999, keep: 'mine' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await alice.failure('claims.conflict', 9999)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await alice.failure('claims.reopenConflict', claim.id)).toMatchObject({ code: 'NOT_FOUND' });

    const noFields = await alice.failure('claims.resolveConflict', { claimId: claim.id, keep: 'merged' });
    expect(noFields).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(noFields.message).toMatch(/merged/);
    // @ts-expect-error -- a side that does not exist
    expect(await alice.failure('claims.resolveConflict', { claimId: claim.id, keep: 'both' })).toMatchObject({ code: 'INVALID_ARGUMENT' });

    expect(await alice.call('claims.get', claim.id)).toEqual(claim);
    expect(await alice.call('claims.history', claim.id)).toEqual(history);
  });
});
