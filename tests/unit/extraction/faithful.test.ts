// The faithfulness rule: a statement is the quote's own words, only the attribution frame removed,
// every other change marked in [brackets].
import { describe, expect, it } from 'vitest';
import { DRIFT_WARNING, faithfulness } from '../../../main/extraction/faithful';

const ALLIANCE =
  'The Kremlin has long sought to weaken the U.S. alliance with South Korea, which it views as an important bulwark against North Korea, China and Russia.';
const HEEDED = 'In the first mention of the issue, vice minister Pak Chol said he had "heeded the rumour of the dispatch of troops".';

describe('faithfulness', () => {
  it('accepts the sentence itself, with quote marks, capitalisation and end punctuation changed', () => {
    expect(faithfulness(ALLIANCE, ALLIANCE).faithful).toBe(true);
    expect(faithfulness('"the bridge will reopen in May," the mayor said.', 'The bridge will reopen in May.')).toMatchObject({
      faithful: true,
      drift: 0,
    });
  });

  it('accepts removing only the attribution frame', () => {
    expect(faithfulness('The mayor said on Friday that the bridge will reopen in May.', 'The bridge will reopen in May.').faithful).toBe(
      true,
    );
    expect(faithfulness('Demand for them, Kaplan says, is always consistent.', 'Demand for them, is always consistent.').faithful).toBe(
      true,
    );
    expect(faithfulness('Prices rose by 4%, according to the statistics office, in March.', 'Prices rose by 4%, in March.').faithful).toBe(
      true,
    );
  });

  it('refuses joining clauses across an unmarked gap (a relative clause cut out)', () => {
    const result = faithfulness(ALLIANCE, 'U.S. alliance with South Korea, China and Russia.');
    expect(result.faithful).toBe(false);
    expect(result.problems[0]).toMatch(/without marking/);
  });

  it('accepts the same cut when it is marked with […]', () => {
    expect(
      faithfulness(ALLIANCE, 'The Kremlin has long sought to weaken the U.S. alliance with South Korea […], China and Russia.').faithful,
    ).toBe(true);
  });

  it('accepts a resolved pronoun in brackets, refuses it unmarked', () => {
    expect(faithfulness(HEEDED, '[Pak Chol] had heeded the rumour of the dispatch of troops.').faithful).toBe(true);
    expect(faithfulness(HEEDED, 'Pak Chol had heeded the rumour of the dispatch of troops.').faithful).toBe(false);
  });

  it('refuses a dropped lead-in or tail that is not attribution, unless marked', () => {
    expect(faithfulness('Were it to exist, it would be legal.', 'It would be legal.').faithful).toBe(false);
    expect(faithfulness('Were it to exist, it would be legal.', '[…] it would be legal.').faithful).toBe(true);
    expect(faithfulness('That request includes your cookies.', 'Request includes your cookies.').faithful).toBe(false);
  });

  it("keeps the source's own brackets as words", () => {
    expect(faithfulness('The report states: "[T]he lottery matters more."', '[T]he lottery matters more.').faithful).toBe(true);
    expect(faithfulness('Tested at p[0.20 [MP2 / SP', 'Tested at p[0.20 [MP2 / SP.').faithful).toBe(true);
    const note = 'A foot [the US measure] is 12 inches.';
    expect(faithfulness(note, note).faithful).toBe(true);
    expect(faithfulness("He called it 'inescapable.'", "He called it 'inescapable.'.").faithful).toBe(true);
  });

  it('refuses a bracketed name standing for many words', () => {
    const r = faithfulness('He met the deputy head of the regional council on Monday.', 'He met [Ana Ruiz] on Monday.');
    expect(r.faithful).toBe(false);
    expect(r.problems[0]).toMatch(/leaves out/);
  });

  it('measures drift: 0 for the quote, high for a rewrite, and names a word that is not in the quote', () => {
    expect(faithfulness(ALLIANCE, ALLIANCE).drift).toBe(0);
    const rewrite = faithfulness(ALLIANCE, 'Moscow wants Seoul and Washington to split up.');
    expect(rewrite.drift).toBeGreaterThanOrEqual(DRIFT_WARNING);
    expect(rewrite.problems[0]).toMatch(/"Moscow" is not in the quote/);
    const light = faithfulness(ALLIANCE, 'The Kremlin has long sought to weaken the U.S. alliance with South Korea.');
    expect(light.drift).toBeLessThan(DRIFT_WARNING);
  });

  it('decides a very long quote in bounded time', () => {
    const long = Array.from({ length: 6000 }, (_, i) => `word${i % 7}`).join(' ');
    const t0 = performance.now();
    expect(faithfulness(long, long).faithful).toBe(true);
    expect(faithfulness(long, `${long} extra`).faithful).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
