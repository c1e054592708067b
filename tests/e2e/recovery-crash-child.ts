// Child process of the recovery drill: a researcher's session that ends in a crash. It saves work,
// takes a snapshot (with a verified backup), journals more edits, prints what it saved, then is
// killed before it can fold the journal into a new snapshot.
//   node --import tsx tests/e2e/recovery-crash-child.ts <archive-dir>
import { openArchive } from '../../main/archive';
import { NewArticle, NewClaim } from '../../shared/domain';

const dir = process.argv[2];
if (!dir) throw new Error('usage: recovery-crash-child.ts <archive-dir>');

const archive = await openArchive({ dir, actor: 'drill', backupIntervalMs: 0, idleSnapshotMs: 3_600_000 });
const article = await archive.articles.insert(
  NewArticle.parse({
    title: 'Troops sent to Russia, Seoul says',
    outlet: 'Drill News',
    published: '2024-10-25',
    text: 'Seoul says North Korea sent troops to Russia.',
  }),
);
const before = await archive.claims.insert(
  NewClaim.parse({ articleId: article.id, statement: 'Claim saved before the backup', claimant: 'Seoul' }),
);
await archive.snapshot(); // snapshot + backup: the newest good backup holds `before`

const verdict = await archive.claims.setVerdict(before.id, 'claimdesk', 'false', 'Journaled verdict after the backup');
const after = await archive.claims.insert(NewClaim.parse({ statement: 'Claim journaled after the backup', claimant: 'Moscow' }));
process.stdout.write(`${JSON.stringify({ before: before.id, after: after.id, verdict: verdict.verdict })}\n`);
process.kill(process.pid, 'SIGKILL'); // no close(), no final snapshot: the last edits live only in the journal
