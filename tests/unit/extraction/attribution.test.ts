// Who said it: direct quotes, reported speech, back-references, groups and attribution chains.
import { describe, expect, it } from 'vitest';
import { extractClaims, type ProposedClaim } from '../../../main/extraction/index';

function claims(text: string, extra: { wireAgency?: string; outlet?: string } = {}): ProposedClaim[] {
  return extractClaims({ text, published: '2024-03-08', ...extra }, { threshold: 0 }).claims;
}
const only = (text: string) => {
  const found = claims(text);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('attribution', () => {
  it('"…," said X, <role> → X, direct, role kept as an alias', () => {
    const text = '"Exports rose 12 percent last year," said Maria Lopez, the trade minister.';
    const c = only(text);
    expect(c).toMatchObject({ claimant: 'Maria Lopez', kind: 'direct', statement: 'Exports rose 12 percent last year.' });
  });

  it('X said that … → X, indirect, content as the statement', () => {
    const c = only('Finance Minister Anna Berg said on Thursday that inflation had fallen to 2.1 percent in February.');
    expect(c).toMatchObject({
      claimant: 'Anna Berg',
      kind: 'indirect',
      statement: 'Inflation had fallen to 2.1 percent in February.',
      date: '2024-03-07',
    });
  });

  it('"…," he said → the person introduced earlier', () => {
    const found = claims('Police chief Tom Reyes spoke to reporters on Monday. "Crime fell by a third in two years," he said.');
    expect(found.find((c) => c.quote.startsWith('"Crime'))).toMatchObject({ claimant: 'Tom Reyes', kind: 'direct' });
  });

  it('surname back-reference ("Reyes added") resolves to the full name', () => {
    const found = claims('Police chief Tom Reyes said arrests rose 40 percent. "We hired 200 officers," Reyes added.');
    expect(found.map((c) => c.claimant)).toEqual(['Tom Reyes', 'Tom Reyes']);
  });

  it('according to X → X as claimant when no one else speaks', () => {
    const c = only('The plant employs 4,000 people, according to the Ministry of Industry.');
    expect(c).toMatchObject({ claimant: 'Ministry of Industry', kind: 'indirect' });
    expect(c.statement).toBe('The plant employs 4,000 people.');
  });

  it('X accused Y of … and X has dismissed the claims → X', () => {
    expect(only('Ukraine accused Russia of shelling 30 villages overnight.').claimant).toBe('Ukraine');
    expect(only('The Kremlin has dismissed the claims.').claimant).toBe('Kremlin');
  });

  it('groups stay together as one claimant', () => {
    expect(only('Paris and Berlin have accused Moscow of interfering in 12 elections.').claimant).toBe('Paris and Berlin');
  });

  it('splits "…, with X saying …" into a second claim by X with its own exact span', () => {
    const text = 'Officials reported 300 new cases, with Health Minister Ravi Nair saying the outbreak would peak within two weeks.';
    const found = claims(text);
    const sub = found.find((c) => c.claimant === 'Ravi Nair')!;
    expect(sub.quote).toBe('Health Minister Ravi Nair saying the outbreak would peak within two weeks');
    expect(text.slice(sub.start, sub.end)).toBe(sub.quote);
    expect(sub.resolveBy).toBe('2024-03-22');
  });

  it('sentences without attribution are reported by the article; the chain names agency and outlet', () => {
    const c = claims('The dam holds 3 billion cubic metres of water.', { wireAgency: 'Reuters', outlet: 'Daily Planet' })[0];
    expect(c).toMatchObject({ claimant: null, kind: 'reported' });
    expect(c.attribution).toEqual([
      { name: 'Reuters', role: 'agency' },
      { name: 'Daily Planet', role: 'outlet' },
    ]);
  });

  it('takes the wire agency from a dateline when metadata names none', () => {
    const c = claims('KYIV, March 8 (Reuters) - Ukraine said it shot down 25 drones overnight.')[0];
    expect(c.attribution).toEqual([
      { name: 'Ukraine', role: 'speaker', cue: 'said' },
      { name: 'Reuters', role: 'agency' },
    ]);
  });

  it('proposes an attributed statement below the plain threshold, but not trivial quotes', () => {
    const text =
      'Defence Minister Ana Silva spoke at the summit. "I think it will be an act conforming with the law," Silva said. "Thank you," she said.';
    const proposed = extractClaims({ text, published: '2024-03-08' }).claims;
    expect(proposed.map((c) => c.quote)).toEqual(['"I think it will be an act conforming with the law," Silva said.']);
  });
});

describe('quote continuation', () => {
  it('gives an unattributed quote paragraph to the speaker of the quote just before it', () => {
    const text = '"Factories closed by the hundred," said union leader Eva Marsh.\n\n"Two thousand jobs were lost in 2023 alone."';
    const found = claims(text);
    expect(found.map((c) => [c.claimant, c.kind])).toEqual([
      ['Eva Marsh', 'direct'],
      ['Eva Marsh', 'direct'],
    ]);
  });
});

describe('speakers described by institution and title', () => {
  it('splits "Bank of England Governor Andrew Bailey" into the bank and the governor', () => {
    const result = extractClaims({
      text: 'Bank of England Governor Andrew Bailey warned that rates could stay at 5 percent.',
      published: '2024-03-08',
    });
    expect(result.claims[0].claimant).toBe('Andrew Bailey');
    expect(result.entities.map((e) => `${e.name}/${e.type}`)).toEqual(['Bank of England/organisation', 'Andrew Bailey/person']);
  });

  it('resolves "the opposition Labour Party" to the party, keeping "Labour Party" whole', () => {
    expect(only('The opposition Labour Party accused the government of cutting 20,000 nurses.').claimant).toBe('Labour Party');
  });

  it('treats "official data showed on Friday" as the source of a statistic', () => {
    const c = only('The economy shrank 0.3 percent in the fourth quarter, official data showed on Friday.');
    expect(c).toMatchObject({
      claimant: 'official data',
      kind: 'indirect',
      statement: 'The economy shrank 0.3 percent in the fourth quarter.',
    });
  });
});
