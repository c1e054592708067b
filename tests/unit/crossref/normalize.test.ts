import { describe, expect, it } from 'vitest';
import { analyse, cleanText } from '../../../main/crossref/text/normalize';

const terms = (text: string) => analyse(text).terms;
const numberTerms = (text: string) => terms(text).filter((t) => t.startsWith('n:') || t.startsWith('mag:'));

describe('number normalisation', () => {
  it('reads "70 per cent", "70%", "70 percent" and "seventy per cent" as the same figure', () => {
    for (const text of [
      '70 per cent of those arrested',
      '70% of those arrested',
      '70 percent of those arrested',
      'seventy per cent of those arrested',
    ]) {
      expect(numberTerms(text)).toEqual(['n:70%']);
    }
  });

  it('reads "3,000", "3k" and "three thousand" as one value with its order of magnitude', () => {
    for (const text of ['3,000 troops', '3k troops', 'three thousand troops']) {
      expect(numberTerms(text)).toEqual(['n:3000', 'mag:3']);
    }
  });

  it('lets a vague "thousands of troops" meet an exact "3,000 troops" on magnitude only', () => {
    expect(numberTerms('thousands of troops')).toEqual(['mag:3']);
    expect(numberTerms('tens of thousands of protesters')).toEqual(['mag:4']);
    expect(numberTerms('$1.5 billion in weapons')).toEqual(['n:1500000000', 'mag:9']);
  });

  it('keeps years as plain values (no magnitude that would match "thousands")', () => {
    expect(numberTerms('in 2024 the ministry said')).toEqual(['n:2024']);
  });

  it('does not treat words that merely look like object keys as numbers', () => {
    expect(terms('constructor toString')).toEqual(['constructor', 'tostr']);
  });
});

describe('negation', () => {
  it('marks negated claims and adds negated twins of the words in scope', () => {
    const a = analyse("North Korea didn't send troops to Russia");
    expect(a.negated).toBe(true);
    expect(a.terms).toContain('¬send');
    expect(a.terms).toContain('¬troop');
    expect(analyse('North Korea sent troops to Russia').negated).toBe(false);
  });

  it('ends the negation scope at a clause break', () => {
    const a = analyse('Pyongyang did not comment, but Seoul confirmed the deployment');
    expect(a.terms).toContain('¬comment');
    expect(a.terms).not.toContain('¬seoul');
  });

  it('flags denial words as negation', () => {
    expect(analyse('The UN mission dismissed the claims').negated).toBe(true);
    expect(analyse('Officials denied the report').negated).toBe(true);
  });
});

describe('names and cleanup', () => {
  it('folds spellings of the same name together', () => {
    expect(terms('Zelenskyy')).toEqual(terms('Zelensky'));
    expect(terms('Zelenskiy')).toEqual(terms('Zelensky'));
    expect(terms('Kim Jong-un')).toEqual(terms('Kim Jong Un'));
    expect(terms('the U.S. said')).toEqual(terms('the United States said'));
    expect(terms('US officials')).toEqual(terms('U.S. officials'));
    expect(terms('Café Müller')).toEqual(terms('Cafe Muller'));
  });

  it('does not read the pronoun "us" as the United States', () => {
    expect(terms('they told us')).not.toContain('usa');
  });

  it('removes links and twitter chrome but keeps who tweeted and words in handles and hashtags', () => {
    const cleaned = cleanText(
      'Kids in cages. pic.twitter.com/OAnvr9cl3P https://t.co/x #ImpeachTrump @IvankaTrump — Jose Vargas (@joseiswriting) June 12, 2018',
    );
    expect(cleaned).not.toMatch(/pic\.twitter|https|t\.co|@|joseiswriting/);
    expect(cleaned).toContain('impeach trump');
    expect(cleaned).toContain('ivanka trump');
    expect(cleaned).toContain('jose vargas');
    expect(cleaned).toContain('2018');
  });

  it('stems inflections together', () => {
    expect(terms('deployed')).toEqual(terms('deploy'));
    expect(terms('troops')).toEqual(terms('troop'));
    expect(terms('confirming')).toEqual(terms('confirmed'));
  });
});
