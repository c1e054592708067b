// Team sync measurement (not part of npm test, not yet in npm run bench). Prints JSON.
//   npx tsx bench/sync.ts [--claims 2000]
// One device with --claims claims (ten per article) pushes to the in-memory test server
// (tests/unit/sync/server.ts, in this process), an empty device pulls everything, then an idle
// round shows the cost of finding nothing to do. RSS includes the server's in-memory copy.
// The targets (100k claims / 10k articles from empty, ≤ 600 MB; 1,000 edits round trip p95)
// are not measured here yet: see docs/sync.md §6.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive } from '../main/archive';
import { syncOnce } from '../main/sync/client';
import { startServer } from '../tests/unit/sync/server';

const { values } = parseArgs({ options: { claims: { type: 'string', default: '2000' } } });
const claims = Math.max(10, Number(values.claims));
const server = await startServer();
const url = await server.database();
const dirs = [mkdtempSync(path.join(os.tmpdir(), 'claimdesk-sync-a-')), mkdtempSync(path.join(os.tmpdir(), 'claimdesk-sync-b-'))];
try {
  const a = await openArchive({ dir: dirs[0], actor: 'alice' });
  await a.transaction((tx) => {
    for (let i = 0; i < claims / 10; i++) {
      const article = tx.articles.insert({ title: `Article ${i}`, outlet: 'Courier', text: `Text of article ${i}. `.repeat(50) });
      for (let j = 0; j < 10; j++)
        tx.claims.insert({ articleId: article.id, statement: `Claim ${i}-${j}: the council said ${j * 100} homes.`, tags: ['housing'] });
    }
  });
  let t = performance.now();
  const up = await syncOnce({ archive: a, remote: url });
  const pushMs = performance.now() - t;
  const b = await openArchive({ dir: dirs[1], actor: 'bob' });
  t = performance.now();
  const down = await syncOnce({ archive: b, remote: url });
  const pullMs = performance.now() - t;
  t = performance.now();
  const idle = await syncOnce({ archive: a, remote: url });
  const idleMs = performance.now() - t;
  console.log(
    JSON.stringify(
      {
        claims,
        articles: claims / 10,
        push: { documents: up.pushed, ms: Math.round(pushMs), claimsPerSecond: Math.round(claims / (pushMs / 1000)) },
        pull: { documents: down.pulled, ms: Math.round(pullMs), claimsPerSecond: Math.round(claims / (pullMs / 1000)) },
        idleRound: { ms: Math.round(idleMs), pushed: idle.pushed, pulled: idle.pulled },
        converged: JSON.stringify(a.info().counts) === JSON.stringify(b.info().counts),
        rssMB: Math.round(process.memoryUsage().rss / 1e6),
      },
      null,
      2,
    ),
  );
  await a.close();
  await b.close();
} finally {
  await server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
