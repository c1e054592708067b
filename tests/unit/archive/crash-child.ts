// Child process for crash.test.ts: makes a stream of edits and prints each one once acknowledged.
// The parent kills it with SIGKILL at a random moment. Usage: crash-child.ts <dir> <round>
import { openArchive } from '../../../main/archive';

const [dir, roundArg] = process.argv.slice(2);
const round = Number(roundArg);
const archive = await openArchive({ dir, actor: 'crash-child', snapshotEvery: 20, idleSnapshotMs: 30, backupIntervalMs: 100 });
const say = (line: string) => process.stdout.write(`${line}\n`);
let counter = round * 1_000_000;
const acked: number[] = [];

/** One transaction of three changes: after a crash it must be there completely or not at all. */
async function createClaim(): Promise<void> {
  const n = ++counter;
  const id = await archive.transaction((tx) => {
    const claim = tx.claims.insert({ statement: `s-${n}`, tags: [`t-${n}`] });
    tx.claims.setStatus(claim.id, 'in_progress', `n-${n}`);
    tx.claims.addTags(claim.id, ['x']);
    return claim.id;
  });
  acked.push(id);
  say(`C ${id} ${n}`);
}

async function updateNotes(): Promise<void> {
  if (acked.length === 0) return;
  const id = acked[Math.floor(Math.random() * acked.length)];
  const n = ++counter;
  await archive.claims.update(id, { notes: `v-${n}` });
  say(`U ${id} ${n}`);
}

async function worker(): Promise<never> {
  for (;;) await (Math.random() < 0.5 ? createClaim() : updateNotes());
}

say('ready');
await Promise.all([worker(), worker(), worker(), worker()]);
