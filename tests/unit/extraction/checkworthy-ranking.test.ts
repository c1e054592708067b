// How proposals rank in a real article: a named person's quoted statements are on the record and must
// not sink below the article's own background sentences (the sentence model, trained on debates, reads
// an official's "I think it will be…" as chatter).
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../main/extraction/index';
import { readSample } from '../../../bench/sample-article';

const { text, published } = readSample();
const result = extractClaims({ text, published, wireAgency: 'AFP' }, { threshold: 0 });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

describe('ranking of the sample article (North Korean troops, 2024-10-25)', () => {
  // Background: sentences that quote no one and are not captions.
  const background = result.sentences.filter((s) => !s.isCaption && !/["“”]/.test(text.slice(s.start, s.end))).map((s) => s.score);
  const quoted = result.claims.filter((c) => c.claimant === 'Kim Jong Gyu' && c.statement.split(/\s+/).length >= 5);

  it('has background sentences and several substantial statements quoted from Kim Jong Gyu', () => {
    expect(background.length).toBeGreaterThanOrEqual(3);
    expect(quoted.length).toBeGreaterThanOrEqual(3);
  });

  it("scores each of Kim Jong Gyu's quoted statements at least as high as the median background sentence", () => {
    const level = median(background);
    for (const claim of quoted) expect(claim.score, claim.quote).toBeGreaterThanOrEqual(level);
  });

  it('proposes them at the default "Accept all" threshold (70%)', () => {
    for (const claim of quoted) expect(claim.score, claim.quote).toBeGreaterThanOrEqual(0.7);
  });

  it('still ranks the quoted statements among themselves by content (scores are not all equal)', () => {
    expect(new Set(quoted.map((c) => c.score.toFixed(4))).size).toBeGreaterThan(1);
  });

  it("does not lift a named person's questions or short fragments: they keep their own score", () => {
    const r = extractClaims(
      {
        text: 'The city budget grew 5% in 2023, officials said. Taxes rose by $200 million. "Why would anyone believe that?" said John Smith, the mayor. "We did it," said John Smith.',
      },
      { threshold: 0 },
    );
    const bySmith = r.claims.filter((c) => c.claimant === 'John Smith');
    expect(bySmith.length).toBe(2);
    for (const claim of bySmith) expect(claim.score, claim.statement).toBeLessThan(0.5);
  });
});
