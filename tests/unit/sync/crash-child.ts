// Child process for sync-crash.test.ts: one device's session — an edit, then sync rounds with the
// team server until nothing is left to move — printing each step once acknowledged. The parent
// kills it with SIGKILL at a random moment. Usage: crash-child.ts <dir> <remote> <actor> <round> <pick>
// With CLAIMDESK_SYNC_CRASH_AFTER_SENDING=<text> set, the child kills itself the moment the server has
// answered a `_bulk_docs` request whose body holds that text: the server stored those revisions and
// the device is gone before it could record that (the exact interleaving of the data-loss bug).
import { openArchive } from '../../../main/archive';
import { syncOnce } from '../../../main/sync/client';

const [dir, remote, actor, roundArg, pickArg] = process.argv.slice(2);
const round = Number(roundArg);
const say = (line: string) => process.stdout.write(`${line}\n`);
const crashAfter = process.env.CLAIMDESK_SYNC_CRASH_AFTER_SENDING;
const crashingFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (String(input).endsWith('/_bulk_docs') && typeof init?.body === 'string' && init.body.includes(crashAfter!)) {
    say('killed after _bulk_docs');
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {}); // never resumes: the signal ends the process
  }
  return res;
};
const archive = await openArchive({ dir, actor, snapshotEvery: 20, idleSnapshotMs: 30, backupIntervalMs: 3_600_000 });
say('ready');

// A new claim, linked to an entity and tagged, in one transaction: after a kill it is there whole or not at all.
say(`E new-${round}`);
await archive.claims.insertMany([
  {
    statement: `new-${round}`,
    tags: [actor],
    entities: [{ name: `Desk ${actor}`, type: 'organisation', role: 'mentioned' }],
  },
]);
say(`C new-${round}`);
// A note on one of this device's own seeded claims (the two devices never edit the same claim here).
const mine = archive.claims
  .list({ limit: 1000, sort: 'createdAt' })
  .items.filter((c) => c.statement.startsWith('seed-') && c.tags.includes(`owner-${actor}`));
if (mine.length > 0) {
  const claim = mine[Number(pickArg) % mine.length];
  say(`E note ${claim.statement} ${round}`);
  await archive.claims.update(claim.id, { notes: `n-${round}` });
  say(`C note ${claim.statement} ${round}`);
}
// Small batches: many requests and many pull transactions, so a kill lands between or inside them.
for (;;) {
  const report = await syncOnce({ archive, remote, batchSize: 7, ...(crashAfter ? { fetch: crashingFetch } : {}) });
  say(`S ${report.pushed} ${report.pulled}`);
  if (report.pushed === 0 && report.pulled === 0) break;
}
await archive.close();
say('done');
