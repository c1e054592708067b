// Sentence segmentation: spans are exact and survive the usual traps of news text.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../main/extraction/index';
import { segment } from '../../../main/extraction/segment';

const sentencesOf = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('does not break after titles, initials, decimals or abbreviations inside a sentence', () => {
    expect(sentencesOf('Mr. Smith met Dr. J. R. Ewing at 3.5 p.m. on Oct. 5 in the U.S. capital. Then he left.')).toEqual([
      'Mr. Smith met Dr. J. R. Ewing at 3.5 p.m. on Oct. 5 in the U.S. capital.',
      'Then he left.',
    ]);
  });

  it('breaks after an abbreviation when a new sentence clearly starts', () => {
    expect(sentencesOf('The firm moved to the U.S. The move cost $5 million.')).toEqual([
      'The firm moved to the U.S.',
      'The move cost $5 million.',
    ]);
  });

  it('keeps a quotation spanning several sentences together with its attribution', () => {
    expect(sentencesOf('"We will fight. We will win," he said. Nobody answered.')).toEqual([
      '"We will fight. We will win," he said.',
      'Nobody answered.',
    ]);
  });

  it('ends a sentence after closing quotes and starts the next at an opening quote', () => {
    expect(sentencesOf('He said "yes." "No," she replied.')).toEqual(['He said "yes."', '"No," she replied.']);
  });

  it('drops a dateline from the first sentence', () => {
    expect(sentencesOf('SEOUL, Oct 25 (AFP) - North Korea said on Friday it had sent no troops.')).toEqual([
      'North Korea said on Friday it had sent no troops.',
    ]);
    expect(sentencesOf('WASHINGTON (Reuters) — The Senate voted 52-48 on Tuesday.')).toEqual(['The Senate voted 52-48 on Tuesday.']);
  });

  it('flags photo captions, credits and bylines', () => {
    const text =
      'Troops gathered near the border. North Korean leader Kim Jong Un (AFP file)\n\nPhoto: John Doe / Reuters\nBy Jane Roe\n\nThe talks failed.';
    const segs = segment(text).map((s) => [text.slice(s.start, s.end), s.isCaption]);
    expect(segs).toEqual([
      ['Troops gathered near the border.', false],
      ['North Korean leader Kim Jong Un (AFP file)', true],
      ['Photo: John Doe / Reuters', true],
      ['By Jane Roe', true],
      ['The talks failed.', false],
    ]);
  });

  it('joins hard-wrapped lines but splits at blank lines', () => {
    const text =
      'A wrapped line that is rather long and continues on the next line because it was hard\nwrapped at seventy characters. Next one.\n\nNew paragraph.';
    expect(sentencesOf(text)).toEqual([
      'A wrapped line that is rather long and continues on the next line because it was hard\nwrapped at seventy characters.',
      'Next one.',
      'New paragraph.',
    ]);
  });

  it('handles empty, whitespace-only and CRLF text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
    expect(sentencesOf('One claim.\r\n\r\nTwo claims.')).toEqual(['One claim.', 'Two claims.']);
  });

  it('returns ordered, non-overlapping, trimmed spans for arbitrary text (bounded fuzz)', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      'Mr.',
      'U.S.',
      '"',
      '“',
      '”',
      'said',
      'Kim',
      '.',
      '!',
      '?',
      '\n',
      '\n\n',
      ' ',
      'the',
      'AFP',
      '(',
      ')',
      '-',
      '3.5',
      'Oct.',
      'A.',
      '…',
    ];
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join(
        random() < 0.5 ? ' ' : '',
      );
      let previousEnd = 0;
      for (const { start, end } of splitSentences(text)) {
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(text.length);
        expect(text.slice(start, end).trim()).toBe(text.slice(start, end));
        previousEnd = end;
      }
    }
  });
});
