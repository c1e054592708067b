// Team sync against a server speaking CouchDB's replication protocol (docs/sync.md): two archives
// converge, concurrent verdicts become a conflict with both in history, a server going down
// mid-sync is a clear error and the next sync resumes, hostile documents never reach the archive.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportArchiveJson } from '../../../main/archive/exchange';
import type { Archive } from '../../../main/archive';
import { parseRemote, syncOnce } from '../../../main/sync/client';
import { open } from '../archive/helpers';
import { REVIEWER_REASON, startServer, type TestServer } from './server';

let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await startServer({ readOnly: ['rita'] });
});
afterAll(() => server.close());
beforeEach(async () => {
  await server.start();
  url = await server.database();
});

const ORIGINAL = Buffer.from('<html><body><h1>Tram depot</h1><p>The council said 400 homes.</p></body></html>\n', 'utf8');
const SHA = createHash('sha256').update(ORIGINAL).digest('hex');

/** An archive with an article and its original, two claims with entities and tags, a verdict. */
async function seeded(actor: string): Promise<Archive> {
  const a = await open(undefined, { actor });
  await a.originals.put(SHA, 'html', ORIGINAL);
  const article = await a.articles.insert({
    title: 'Old tram depot to become housing',
    outlet: 'Harrowgate Courier',
    text: 'The council said the depot would hold 400 homes. The mayor called it the largest scheme in a decade.',
    source: { sha256: SHA, name: 'depot.html', type: 'text/html', size: ORIGINAL.length },
  });
  await a.entities.upsert('Harrowgate Council', 'organisation', ['the council']);
  const [c1] = await a.claims.insertMany([
    {
      articleId: article.id,
      statement: 'The depot would hold 400 homes.',
      claimant: 'Harrowgate Council',
      tags: ['housing'],
      entities: [{ name: 'Harrowgate Council', type: 'organisation', role: 'claimant' }],
    },
    { articleId: article.id, statement: 'It is the largest scheme in a decade.', claimant: 'the mayor' },
  ]);
  await a.claims.setVerdict(c1.id, 'claimdesk', 'mostly-true', 'Planning filing says 396 homes.');
  return a;
}

/** What a researcher sees, without this device's local ids. */
function view(a: Archive) {
  const doc = exportArchiveJson(a, { exportedAt: '2026-01-01T00:00:00.000Z' });
  const title = new Map(doc.articles.map((r) => [r.id, r.title]));
  const entity = new Map(doc.entities.map((e) => [e.id, e.name]));
  const statement = new Map(doc.claims.map((c) => [c.id, c.statement]));
  return {
    articles: doc.articles.map(({ id: _id, duplicateOf: _d, ...rest }) => rest).sort((x, y) => x.title.localeCompare(y.title)),
    entities: doc.entities
      .map((e) => ({ name: e.name, type: e.type, aliases: [...e.aliases].sort() }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    claims: doc.claims
      .map(({ id: _id, articleId, entities, ...rest }) => ({
        ...rest,
        article: articleId === null ? null : title.get(articleId),
        entities: (entities ?? []).map((e) => `${entity.get(e.entityId)}/${e.role}`).sort(),
      }))
      .sort((x, y) => x.statement.localeCompare(y.statement)),
    history: doc.history
      .map((h) => ({
        claim: h.claimId === null ? null : statement.get(h.claimId),
        field: h.field,
        actor: h.actor,
        at: h.at,
        note: h.note,
        ...(h.field === 'verdict' ? { from: h.from, to: h.to } : {}),
      }))
      .sort((x, y) => `${x.at}${x.field}${x.claim}`.localeCompare(`${y.at}${y.field}${y.claim}`)),
  };
}

describe('team sync through a CouchDB-compatible server', () => {
  it('two archives converge: every article, original file, entity, claim and history entry, both ways', async () => {
    const alice = await seeded('alice');
    const bob = await open(undefined, { actor: 'bob' });

    const first = await syncOnce({ archive: alice, remote: url });
    expect(first).toMatchObject({ pushed: 7 + 0, originalsPushed: 1, rejected: [], conflicts: [] });
    const got = await syncOnce({ archive: bob, remote: url });
    expect(got).toMatchObject({ originalsPulled: 1, rejected: [], conflicts: [] });
    expect(view(bob)).toEqual(view(alice));
    expect(readFileSync(bob.originals.path(SHA)!)).toEqual(ORIGINAL);

    // Bob's edit goes back to Alice; a second round changes nothing more.
    const claim = exportArchiveJson(bob).claims.find((c) => c.statement.startsWith('It is the largest'))!;
    await bob.claims.setVerdict(claim.id, 'claimdesk', 'false', 'Two larger schemes were approved in 2019.');
    await bob.claims.addTags(claim.id, ['superlative']);
    await syncOnce({ archive: bob, remote: url });
    await syncOnce({ archive: alice, remote: url });
    expect(view(alice)).toEqual(view(bob));
    expect(view(alice).claims.find((c) => c.statement.startsWith('It is the largest'))).toMatchObject({
      verdict: 'false',
      tags: ['superlative'],
    });
    const again = await syncOnce({ archive: alice, remote: url });
    expect(again).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });

    // Changes that touch only a side table travel too: a new alias, an entity linked to a claim.
    const council = alice.entities.list({ search: 'harrowgate' })[0];
    await alice.entities.addAlias(council.id, 'HBC');
    const largest = exportArchiveJson(alice).claims.find((c) => c.statement.startsWith('It is the largest'))!;
    await alice.claims.linkEntity(largest.id, { name: 'Harrowgate Council', type: 'organisation' }, 'mentioned');
    expect(await syncOnce({ archive: alice, remote: url })).toMatchObject({ pushed: 3, pending: 0 }); // entity, claim, its history entry
    await syncOnce({ archive: bob, remote: url });
    expect(view(bob)).toEqual(view(alice));
    expect(view(bob).entities[0].aliases).toEqual(['HBC', 'the council']);
    expect(alice.info().counts).toEqual(bob.info().counts);
  });

  it('verdicts changed on two devices offline: the claim is marked conflict on both and both verdicts are in its history', async () => {
    const alice = await seeded('alice');
    const bob = await open(undefined, { actor: 'bob' });
    await syncOnce({ archive: alice, remote: url });
    await syncOnce({ archive: bob, remote: url });

    const idIn = (a: Archive) => exportArchiveJson(a).claims.find((c) => c.statement.startsWith('The depot'))!.id;
    await alice.claims.setVerdict(idIn(alice), 'claimdesk', 'true', 'The council confirmed 400.');
    await bob.claims.setVerdict(idIn(bob), 'claimdesk', 'false', 'The filing says 296, not 400.');

    await syncOnce({ archive: alice, remote: url });
    const bobRound = await syncOnce({ archive: bob, remote: url });
    expect(bobRound.conflicts).toEqual([idIn(bob)]);
    await syncOnce({ archive: alice, remote: url });

    for (const a of [alice, bob]) {
      const [conflict] = a.sync.conflicts();
      expect(conflict).toMatchObject({ claimId: idIn(a) });
      const verdicts = a.claims
        .history(idIn(a))
        .filter((h) => h.field === 'verdict')
        .map((h) => `${h.actor}: ${JSON.stringify(h.to)}`);
      expect(verdicts.some((v) => v.startsWith('alice') && v.includes('"true"'))).toBe(true);
      expect(verdicts.some((v) => v.startsWith('bob') && v.includes('"false"'))).toBe(true);
    }
    // Both devices show the same claim, and the other version is kept beside it.
    expect(view(alice)).toEqual(view(bob));
    const kept = alice.claims.get(idIn(alice)).verdict;
    const other = alice.sync.conflicts()[0].other.verdict;
    expect(new Set([kept, other])).toEqual(new Set(['true', 'false']));
  });

  it('a deletion wins over an unchanged claim, not over one edited meanwhile', async () => {
    const alice = await seeded('alice');
    const bob = await open(undefined, { actor: 'bob' });
    await syncOnce({ archive: alice, remote: url });
    await syncOnce({ archive: bob, remote: url });
    const idIn = (a: Archive, start: string) => exportArchiveJson(a).claims.find((c) => c.statement.startsWith(start))!.id;

    await alice.claims.delete(idIn(alice, 'The depot')); // Bob leaves it alone: deleted on both
    await alice.claims.delete(idIn(alice, 'It is the largest')); // Bob edits it meanwhile: stays
    await bob.claims.update(idIn(bob, 'It is the largest'), { notes: 'Check the 2019 approvals.' });
    await syncOnce({ archive: alice, remote: url });
    await syncOnce({ archive: bob, remote: url });
    await syncOnce({ archive: alice, remote: url });

    for (const a of [alice, bob]) {
      const statements = exportArchiveJson(a).claims.map((c) => c.statement);
      expect(statements).toEqual(['It is the largest scheme in a decade.']);
    }
    expect(bob.claims.get(idIn(bob, 'It is the largest')).notes).toBe('Check the 2019 approvals.');
  });

  it('the server going down mid-sync is a clear error; the next sync resumes without duplicates', async () => {
    const alice = await seeded('alice');
    await alice.transaction((tx) => {
      for (let i = 0; i < 30; i++) tx.claims.insert({ statement: `Claim number ${i} from the council meeting.` });
    });
    await syncOnce({ archive: alice, remote: url, batchSize: 10 });
    const bob = await open(undefined, { actor: 'bob' });

    // The server goes away when the second batch of changes is asked for: the first batch is in, the rest is not.
    server.failAt((method, u) => method === 'GET' && /\/_changes\?since=(?!0&)/.test(u));
    await expect(syncOnce({ archive: bob, remote: url, batchSize: 10 })).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringMatching(
        /^Cannot reach the sync server at http:\/\/127\.0\.0\.1:\d+\/claimdesk-team-[\d-]+ .*resumes where this one stopped/,
      ),
    });
    const partial = bob.info().counts.claims;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(alice.info().counts.claims);

    await server.start();
    const resumed = await syncOnce({ archive: bob, remote: url, batchSize: 10 });
    const carol = await open(undefined, { actor: 'carol' });
    const full = await syncOnce({ archive: carol, remote: url, batchSize: 10 });
    expect(resumed.pulled).toBeGreaterThan(0);
    expect(resumed.pulled).toBeLessThan(full.pulled); // what was left, not everything again
    expect(view(bob)).toEqual(view(alice));
  });

  it('a read-only reviewer: the server refuses their edits, which stay here as drafts, and the team’s work still comes in', async () => {
    const alice = await seeded('alice');
    await syncOnce({ archive: alice, remote: url, user: 'alice', password: 'a' });
    const rita = await open(undefined, { actor: 'rita' });
    const first = await syncOnce({ archive: rita, remote: url, user: 'rita', password: 'r' });
    expect(first).toMatchObject({ state: 'synced', refused: null, pending: 0 });

    const idIn = (a: Archive) => exportArchiveJson(a).claims.find((c) => c.statement.startsWith('The depot'))!.id;
    await rita.claims.setVerdict(idIn(rita), 'claimdesk', 'false', 'I disagree.');
    await alice.claims.addTags(idIn(alice), ['council']);
    await syncOnce({ archive: alice, remote: url, user: 'alice', password: 'a' });

    const refused = await syncOnce({ archive: rita, remote: url, user: 'rita', password: 'r' });
    expect(refused).toMatchObject({ state: 'refused', refused: REVIEWER_REASON, pushed: 0 });
    expect(refused.pending).toBeGreaterThan(0);
    expect(rita.claims.get(idIn(rita)).verdict).toBe('false'); // her draft is kept
    // Alice's change still arrived (kept beside Rita's draft as a conflict, nothing lost).
    expect(rita.sync.conflicts().map((c) => c.claimId)).toEqual([idIn(rita)]);
    await syncOnce({ archive: alice, remote: url, user: 'alice', password: 'a' });
    expect(alice.claims.get(idIn(alice)).verdict).toBe('mostly-true');
  });

  it('hostile documents from the server are refused and leave the archive untouched', async () => {
    const alice = await seeded('alice');
    await syncOnce({ archive: alice, remote: url });
    const bob = await open(undefined, { actor: 'bob' });
    await syncOnce({ archive: bob, remote: url });
    const before = view(bob);

    const claim = {
      type: 'claim',
      v: 1,
      article: null,
      quote: '',
      start: null,
      end: null,
      statement: 'A claim',
      claimant: null,
      attribution: [],
      kind: 'direct',
      claimDate: null,
      resolveBy: null,
      status: 'new',
      verdictScale: 'claimdesk',
      verdict: null,
      verdictNote: null,
      score: null,
      tags: [],
      notes: '',
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
      deletedAt: null,
      entities: [],
      conflict: null,
    };
    await server.put(url, { _id: 'claim:0b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a40', ...claim, statement: 42 });
    await server.put(url, { _id: 'claim:1b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a41', ...claim, notes: 'x'.repeat(2_000_000) });
    await server.put(url, {
      _id: 'claim:2b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a42',
      ...claim,
      statement: 'Fine <script>fetch("https://evil.example")</script>',
    });
    await server.put(url, { _id: 'claim:3b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a43', ...claim, admin: true });
    await server.put(url, { _id: 'claim:../../etc/passwd', ...claim });

    const round = await syncOnce({ archive: bob, remote: url });
    expect(round.pulled).toBe(0);
    expect(round.rejected.map((r) => r.id).sort()).toEqual([
      'claim:../../etc/passwd',
      'claim:0b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a40',
      'claim:1b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a41',
      'claim:2b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a42',
      'claim:3b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a43',
    ]);
    expect(round.rejected.find((r) => r.id.startsWith('claim:2b'))!.reason).toMatch(/statement: holds markup/);
    expect(round.rejected.find((r) => r.id.startsWith('claim:0b'))!.reason).toMatch(/^statement: /);
    expect(round.rejected.find((r) => r.id.startsWith('claim:1b'))!.reason).toMatch(/^notes: /);
    expect(round.rejected.find((r) => r.id.startsWith('claim:3b'))!.reason).toMatch(/admin/);
    expect(view(bob)).toEqual(before);
  });

  it('a server answering with the wrong shapes is a clear error, never a crash, and changes nothing', async () => {
    const alice = await seeded('alice');
    await syncOnce({ archive: alice, remote: url });
    const bob = await open(undefined, { actor: 'bob' });
    const junk: Record<string, unknown> = {
      _changes: { results: 'all of them', last_seq: {} },
      _bulk_get: { results: [{ id: 'claim:x', docs: 'none' }] },
    };
    for (const [endpoint, answer] of Object.entries(junk)) {
      const lying: typeof fetch = async (input, init) => {
        if (String(input).includes(`/${endpoint}`)) return new Response(JSON.stringify(answer), { status: 200 });
        return fetch(input, init);
      };
      await expect(syncOnce({ archive: bob, remote: url, fetch: lying })).rejects.toMatchObject({
        code: 'IO',
        message: expect.stringMatching(new RegExp(`sent a malformed answer to (GET|POST) ${endpoint} .*Nothing was changed`)),
      });
      expect(bob.info().counts).toEqual({ articles: 0, claims: 0, entities: 0 });
    }
    // Afterwards a well-formed document put by another peer (the server gives its revision) is taken as usual.
    await server.put(url, {
      _id: 'entity:4b6f1c52-3b1e-4c4e-9d55-6c1d1e2f3a44',
      type: 'entity',
      v: 1,
      name: 'Mayor',
      entityType: 'person',
      aliases: [],
    });
    const fine = await syncOnce({ archive: bob, remote: url });
    expect(fine.rejected).toEqual([]);
    expect(view(bob)).toEqual({
      ...view(alice),
      entities: [...view(alice).entities, { name: 'Mayor', type: 'person', aliases: [] }].sort((x, y) => x.name.localeCompare(y.name)),
    });
  });

  it('refuses plain http to another computer, and credentials in the URL', () => {
    expect(() => parseRemote('http://couch.example.org/team')).toThrow(/needs https:\/\//);
    expect(() => parseRemote('https://alice:secret@couch.example.org/team')).toThrow(/no user name or password in the URL/);
    expect(() => parseRemote('https://couch.example.org/')).toThrow(/must name the team database/);
    expect(parseRemote('http://127.0.0.1:5984/team').base).toBe('http://127.0.0.1:5984/team');
  });
});
