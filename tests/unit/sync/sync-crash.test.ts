// kill -9 during sync at random points, 50 times: two devices take turns (an edit, then sync rounds
// with the team server, as a child process SIGKILLed at a random moment); every next session resumes
// from what the kill left. At the end both archives and the server hold exactly the expected records:
// every acknowledged edit, nothing twice, no conflict. Seeded: the seed is in every failure message
// (rerun one with CLAIMDESK_SYNC_CRASH_SEED=<seed>).
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { buildSync } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../../main/archive';
import { exportArchiveJson } from '../../../main/archive/exchange';
import { syncOnce } from '../../../main/sync/client';
import { open, tempDir } from '../archive/helpers';
import { startServer, type TestServer } from './server';

const ROUNDS = 50;
const ARTICLES = 8;
const CLAIMS_PER_ARTICLE = 5;
const source = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const repoRoot = path.resolve(path.dirname(source), '../../..');
// The child bundled once (its packages left to node_modules): 50 starts of plain Node instead of tsx.
const child = path.join(repoRoot, 'node_modules', '.cache', `claimdesk-sync-crash-child-${process.pid}.mjs`);
const seed = Number(process.env.CLAIMDESK_SYNC_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ORIGINAL = Buffer.from('<html><body><p>The council said 400 homes.</p></body></html>\n', 'utf8');
const SHA = createHash('sha256').update(ORIGINAL).digest('hex');

let server: TestServer;
beforeAll(async () => {
  mkdirSync(path.dirname(child), { recursive: true });
  buildSync({
    entryPoints: [source],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  server = await startServer();
});
afterAll(async () => {
  rmSync(child, { force: true });
  await server.close();
});

interface Seen {
  attempted: Set<string>;
  acked: Set<string>;
  /** claim statement → rounds whose note was attempted, and the last acknowledged */
  notes: Map<string, { attempted: Set<number>; acked: number }>;
  kills: number;
}

const newSeen = (): Seen => ({ attempted: new Set(), acked: new Set(), notes: new Map(), kills: 0 });

/**
 * Runs one device's session as a child process; kills it `delayMs` after it opened its archive
 * (null: not killed from here; `env` may tell the child to kill itself at a precise point).
 */
function session(
  dir: string,
  remote: string,
  actor: string,
  round: number,
  pick: number,
  delayMs: number | null,
  seen: Seen,
  env: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, remote, actor, String(round), String(pick)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let buffer = '';
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (data) => {
      buffer += data;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [kind, what, statement, r] = line.split(' ');
        if (kind === 'ready' && delayMs !== null) setTimeout(() => proc.kill('SIGKILL'), delayMs);
        if (kind === 'E' && what.startsWith('new-')) seen.attempted.add(what);
        if (kind === 'C' && what.startsWith('new-')) seen.acked.add(what);
        if ((kind === 'E' || kind === 'C') && what === 'note') {
          const n = seen.notes.get(statement) ?? { attempted: new Set<number>(), acked: 0 };
          if (kind === 'E') n.attempted.add(Number(r));
          else n.acked = Math.max(n.acked, Number(r));
          seen.notes.set(statement, n);
        }
      }
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') seen.kills++;
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`seed ${seed}: round ${round} (${actor}) failed on its own (exit ${code}): ${stderr.slice(-2000)}`));
    });
  });
}

async function seeded(dir: string): Promise<Archive> {
  const a = await open(dir, { actor: 'alice' });
  await a.originals.put(SHA, 'html', ORIGINAL);
  for (let i = 0; i < ARTICLES; i++) {
    const article = await a.articles.insert({
      title: `Article ${i}`,
      outlet: 'Harrowgate Courier',
      text: `Article ${i}: the council said ${i * 100} homes would be built.`,
      ...(i === 0 ? { source: { sha256: SHA, name: 'depot.html', type: 'text/html', size: ORIGINAL.length } } : {}),
    });
    await a.claims.insertMany(
      Array.from({ length: CLAIMS_PER_ARTICLE }, (_, j) => ({
        articleId: article.id,
        statement: `seed-${i}-${j}`,
        tags: [j % 2 === 0 ? 'owner-alice' : 'owner-bob'],
        entities: [{ name: 'Harrowgate Council', type: 'organisation' as const, role: 'claimant' as const }],
      })),
    );
  }
  return a;
}

interface CouchDoc {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _conflicts?: string[];
  type?: string;
  statement?: string;
  notes?: string;
}

/** Every document on the server, with its other live revisions. */
async function serverDocs(remote: string): Promise<CouchDoc[]> {
  const all = (await (await fetch(`${remote}/_all_docs?include_docs=true&conflicts=true`)).json()) as {
    rows: { id: string; doc: CouchDoc }[];
  };
  return all.rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc);
}

/** Syncs in this process until a round moves nothing. */
async function settle(archive: Archive, remote: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await syncOnce({ archive, remote });
    if (r.pushed === 0 && r.pulled === 0) return;
  }
  throw new Error(`seed ${seed}: sync did not settle`);
}

describe('sync crash safety (kill -9)', () => {
  it(`resumes after ${ROUNDS} kills at random points: no duplicates, no loss`, async () => {
    let state = seed || 1;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const remote = await server.database();
    const dirs = { alice: tempDir(), bob: tempDir() };
    await (await seeded(dirs.alice)).close();
    const seen = newSeen();
    console.log(`sync-crash seed ${seed}`); // printed on a passing run too, so runs can be told apart
    for (let round = 1; round <= ROUNDS; round++) {
      const actor = round % 2 === 1 ? 'alice' : 'bob';
      // Kills spread over opening, the edit and the sync rounds (a first pull of everything takes longest).
      await session(dirs[actor], remote, actor, round, Math.floor(random() * 1000), Math.floor(random() * 500), seen);
    }

    const alice = await open(dirs.alice, { actor: 'alice' });
    const bob = await open(dirs.bob, { actor: 'bob' });
    await settle(alice, remote);
    await settle(bob, remote);
    await settle(alice, remote);
    const why = `seed ${seed} (rerun with CLAIMDESK_SYNC_CRASH_SEED=${seed})`;

    const a = exportArchiveJson(alice);
    const b = exportArchiveJson(bob);
    const statements = a.claims.map((c) => c.statement).sort();
    // Nothing twice on a device, the same records on both.
    expect(new Set(statements).size, why).toBe(statements.length);
    expect(b.claims.map((c) => c.statement).sort(), why).toEqual(statements);
    expect(a.articles.length, why).toBe(ARTICLES);
    expect(b.articles.length, why).toBe(ARTICLES);
    expect(b.entities.map((e) => e.name).sort(), why).toEqual(a.entities.map((e) => e.name).sort());
    expect(new Set(a.entities.map((e) => e.name)).size, why).toBe(a.entities.length);
    expect(b.history.length, why).toBe(a.history.length);
    expect(alice.info().counts, why).toEqual(bob.info().counts);
    expect(readFileSync(bob.originals.path(SHA)!), why).toEqual(ORIGINAL);
    // Exactly the expected claims: the seeded ones, every acknowledged new one, none never attempted.
    const added = statements.filter((s) => s.startsWith('new-'));
    for (const s of seen.acked) expect(added, `${why}: acknowledged ${s}`).toContain(s);
    for (const s of added) expect(seen.attempted.has(s), `${why}: ${s} was never made`).toBe(true);
    expect(statements.filter((s) => s.startsWith('seed-')).length, why).toBe(ARTICLES * CLAIMS_PER_ARTICLE);
    // Each note is the latest one written: at least as new as the last acknowledged, the same on both devices.
    const notesB = new Map(b.claims.map((c) => [c.statement, c.notes]));
    for (const claim of a.claims) {
      expect(notesB.get(claim.statement), `${why}: notes of ${claim.statement}`).toBe(claim.notes);
      const n = seen.notes.get(claim.statement);
      if (!n) continue;
      const round = claim.notes === '' ? 0 : Number(claim.notes.slice(2));
      expect(
        (round === 0 || n.attempted.has(round)) && round >= n.acked,
        `${why}: ${claim.statement} has "${claim.notes}", acknowledged n-${n.acked}`,
      ).toBe(true);
    }
    expect(alice.sync.conflicts(), why).toEqual([]);
    expect(bob.sync.conflicts(), why).toEqual([]);

    // The server: one document per record, one live revision each.
    const all = (await (await fetch(`${remote}/_all_docs?include_docs=true&conflicts=true`)).json()) as {
      rows: { id: string; doc: { type?: string; statement?: string; _conflicts?: string[] } }[];
    };
    const docs = all.rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc);
    expect(
      docs.filter((d) => d._conflicts?.length),
      why,
    ).toEqual([]);
    const ofType = (t: string) => docs.filter((d) => d.type === t);
    expect(
      ofType('claim')
        .map((d) => d.statement)
        .sort(),
      why,
    ).toEqual(statements);
    expect(ofType('article').length, why).toBe(ARTICLES);
    expect(ofType('entity').length, why).toBe(a.entities.length);
    expect(ofType('history').length, why).toBe(a.history.length);
    expect(ofType('original').length, why).toBe(1);

    // The test really killed syncs in flight, and edits were made and acknowledged.
    expect(seen.kills, why).toBeGreaterThan(ROUNDS / 2);
    expect(seen.acked.size, why).toBeGreaterThan(ROUNDS / 4);
  }, 600_000);
  it('an edit the server stored just before a kill is the parent of the next edit: no sibling, no conflict, nothing lost', async () => {
    const remote = await server.database();
    const dirs = { alice: tempDir(), bob: tempDir() };
    const first = await seeded(dirs.alice);
    await settle(first, remote);
    await first.close();
    const seen = newSeen();
    // Alice writes note n-1 on a claim of hers; the server stores it and her process dies before she records that.
    await session(dirs.alice, remote, 'alice', 1, 0, null, seen, { CLAIMDESK_SYNC_CRASH_AFTER_SENDING: '"notes":"n-1"' });
    expect(seen.kills).toBe(1);
    const stored = (await serverDocs(remote)).find((d) => d.notes === 'n-1')!;
    expect(stored).toBeDefined();
    // Her next session notes n-2 on the same claim (acknowledged) and syncs to the end; then Bob's first session.
    await session(dirs.alice, remote, 'alice', 2, 0, null, seen);
    await session(dirs.bob, remote, 'bob', 3, 0, null, seen);
    expect(seen.kills).toBe(1);
    expect(seen.notes.get(stored.statement!)?.acked).toBe(2);

    const alice = await open(dirs.alice, { actor: 'alice' });
    const bob = await open(dirs.bob, { actor: 'bob' });
    await settle(alice, remote);
    await settle(bob, remote);
    for (const device of [alice, bob]) {
      expect(exportArchiveJson(device).claims.find((c) => c.statement === stored.statement)?.notes).toBe('n-2');
      expect(device.sync.conflicts()).toEqual([]);
    }
    // On the server: one line of revisions, n-2 a child of the n-1 the dead session sent, no second live revision.
    expect((await serverDocs(remote)).filter((d) => d._conflicts?.length)).toEqual([]);
    const latest = (await (await fetch(`${remote}/${encodeURIComponent(stored._id)}?revs=true`)).json()) as CouchDoc;
    expect(latest.notes).toBe('n-2');
    expect(latest._revisions?.ids[1]).toBe(stored._rev.split('-')[1]);
    await alice.close();
    await bob.close();
  }, 180_000);

  it('a pulled revision that does not descend from the one this device agreed on never overwrites its record: conflict, both kept', async () => {
    const remote = await server.database();
    const alice = await seeded(tempDir());
    await settle(alice, remote);
    const bob = await open(tempDir(), { actor: 'bob' });
    await settle(bob, remote);
    const claimId = exportArchiveJson(bob).claims.find((c) => c.statement === 'seed-0-0')!.id;
    await bob.claims.update(claimId, { notes: 'bob checked the filing' });
    await syncOnce({ archive: bob, remote });
    // The state a device that lost track of what it sent leaves: a sibling of Bob's revision (made from the
    // revision before his) is the server's only live one, Bob's branch closed.
    const mine = (await serverDocs(remote)).find((d) => d.notes === 'bob checked the filing')!;
    const withRevs = (await (await fetch(`${remote}/${encodeURIComponent(mine._id)}?revs=true`)).json()) as CouchDoc;
    const { start, ids } = withRevs._revisions!;
    const { _id, _rev, _revisions, _conflicts, ...body } = withRevs;
    const sibling = {
      ...body,
      notes: 'an older note',
      _id,
      _rev: `${start}-${'f'.repeat(32)}`,
      _revisions: { start, ids: ['f'.repeat(32), ...ids.slice(1)] },
    };
    const closed = {
      _id,
      _rev: `${start + 1}-${'0'.repeat(32)}`,
      _revisions: { start: start + 1, ids: ['0'.repeat(32), ...ids] },
      _deleted: true,
    };
    const put = await fetch(`${remote}/_bulk_docs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ new_edits: false, docs: [sibling, closed] }),
    });
    expect(put.ok).toBe(true);
    expect(_rev).toBe(mine._rev);
    expect(_conflicts).toBeUndefined();

    await syncOnce({ archive: bob, remote });
    expect(exportArchiveJson(bob).claims.find((c) => c.id === claimId)?.notes).toBe('bob checked the filing');
    expect(bob.sync.conflicts()).toEqual([expect.objectContaining({ claimId, other: expect.objectContaining({ rev: sibling._rev }) })]);
    // His next round sends his version as the sibling's descendant: Alice gets it, marked the same way.
    expect((await syncOnce({ archive: bob, remote })).pushed).toBe(1);
    await syncOnce({ archive: alice, remote });
    const there = exportArchiveJson(alice).claims.find((c) => c.statement === 'seed-0-0')!;
    expect(there.notes).toBe('bob checked the filing');
    expect(alice.sync.conflicts()).toEqual([
      expect.objectContaining({ claimId: there.id, other: expect.objectContaining({ rev: sibling._rev }) }),
    ]);
    await alice.close();
    await bob.close();
  }, 180_000);
});
