// Bad input gets a specific error, and odd input never crashes or hangs extraction.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { extractClaims, splitSentences, type ExtractInput } from '../../../main/extraction/index';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    return err instanceof AppError ? err.code : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('extraction input', () => {
  it('rejects non-text, bad dates, bad thresholds and oversized text with specific codes', () => {
    expect(codeOf(() => extractClaims({ text: 42 } as unknown as ExtractInput))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractClaims(null as unknown as ExtractInput))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractClaims({ text: 'Prices rose.', published: 20240101 } as unknown as ExtractInput))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractClaims({ text: 'Prices rose.', published: 'last Friday' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => extractClaims({ text: 'Prices rose.' }, { threshold: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => splitSentences('x'.repeat(5_000_001)))).toBe('TOO_LARGE');
  });

  it('handles empty text, text without punctuation and a missing publication date', () => {
    expect(extractClaims({ text: '' })).toEqual({ claims: [], entities: [], sentences: [] });
    const noDate = extractClaims({ text: 'The budget rose 40 percent to $3 billion in 2023, the ministry said.' });
    expect(noDate.claims[0]).toMatchObject({ claimant: 'the ministry', date: null, resolveBy: null });
    expect(extractClaims({ text: 'no punctuation at all here just words' }).sentences).toHaveLength(1);
  });

  it('survives unbalanced quotes, stray brackets and long runs of capitals (bounded fuzz)', () => {
    let seed = 99;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = [
      '"',
      '“',
      'said',
      'he',
      'Kim',
      'Jong',
      'UN',
      'according to',
      'with',
      'saying',
      ',',
      '.',
      'Mr.',
      'the',
      'North',
      'will',
      'Sunday',
      '(AFP)',
      '-',
      '\n\n',
      '40%',
    ];
    for (let round = 0; round < 150; round++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 80) }, () => words[Math.floor(random() * words.length)]).join(' ');
      const result = extractClaims({ text, published: '2024-01-01' }, { threshold: 0 });
      for (const c of result.claims) {
        expect(text.slice(c.start, c.end)).toBe(c.quote);
        expect(c.score >= 0 && c.score <= 1).toBe(true);
      }
    }
  });

  it('extracts a long article in bounded time without quadratic blow-up', () => {
    const paragraph =
      'Finance Minister Anna Berg said inflation fell to 2 percent. "Wages rose 4 percent," Berg added. The Central Bank of Erewhon held rates.\n\n';
    const result = extractClaims({ text: paragraph.repeat(400), published: '2024-01-01' });
    expect(result.sentences).toHaveLength(1200);
    expect(result.claims.filter((c) => c.claimant === 'Anna Berg').length).toBeGreaterThanOrEqual(400);
  });
});
