// Per-language claimant accuracy on the hand-written test articles (tests/fixtures/languages/):
// `npx tsx bench/eval-languages.ts` prints the share of attributed sentences proposed with the right
// claimant (and kind) in each language, and every miss.
import { HELD_OUT } from '../tests/fixtures/languages/heldout';
import { FIXTURES, scoreFixture, table } from '../tests/fixtures/languages/score';

const scores = FIXTURES.map(scoreFixture);
console.log(table(scores));
for (const s of scores)
  for (const m of s.misses)
    console.log(`  miss ${s.language}: "${m.sentence}…" expected ${m.expected}, got ${m.got ?? '(none)'} [${m.case}]`);

// Articles written after the rules were tuned (tests/fixtures/languages/heldout.ts).
const heldOut = HELD_OUT.map(scoreFixture);
console.log('\nheld-out articles\n' + table(heldOut));
for (const s of heldOut)
  for (const m of s.misses)
    console.log(`  miss ${s.language}: "${m.sentence}…" expected ${m.expected}, got ${m.got ?? '(none)'} [${m.case}]`);
