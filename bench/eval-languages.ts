// Per-language claimant accuracy on the hand-written test articles (tests/fixtures/languages/):
// `npx tsx bench/eval-languages.ts` prints the share of attributed sentences proposed with the right
// claimant (and kind) in each language, and every miss.
import { FIXTURES, scoreFixture, table } from '../tests/fixtures/languages/score';

const scores = FIXTURES.map(scoreFixture);
console.log(table(scores));
for (const s of scores)
  for (const m of s.misses)
    console.log(`  miss ${s.language}: "${m.sentence}…" expected ${m.expected}, got ${m.got ?? '(none)'} [${m.case}]`);
