import { describe, expect, it } from 'vitest';
import { NewClaim } from '../../../shared/domain';
import { parseBytes } from '../../../main/importers/parse';
import { parseDelimited } from '../../../main/importers/formats/csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function claimsOf(name: string, content: string) {
  const parsed = await parseBytes(name, utf8(content));
  if (parsed.kind !== 'claims') throw new Error('expected claims');
  parsed.claims.forEach((c) => expect(NewClaim.safeParse(c).success).toBe(true));
  return parsed.claims;
}

describe('RFC 4180 parsing', () => {
  it('handles quotes, escaped quotes, delimiters and line breaks inside quotes, CRLF', () => {
    const rows = parseDelimited('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\r\nplain,,end\r\n', ',');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['plain', '', 'end'],
    ]);
  });
});

describe('CSV/TSV claim lists', () => {
  it('maps headers by name, whatever their order and case', async () => {
    const csv = [
      'Speaker,Claim,Date,Rating,URL,Tags,Quote',
      '"Kim Jong Gyu","Any troop deployment would conform with international law",2024-10-25,False,https://example.org/fc/1,"russia; north-korea","it will be an act conforming with the regulations of international law"',
      'Jane Doe,"Unemployment fell to 3%, the lowest ""ever""",25 October 2024,Half True,,,',
    ].join('\n');
    const claims = await claimsOf('list.csv', csv);
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatchObject({
      statement: 'Any troop deployment would conform with international law',
      claimant: 'Kim Jong Gyu',
      claimDate: '2024-10-25',
      verdictScale: 'claimdesk',
      verdict: 'false',
      tags: ['russia', 'north-korea'],
      quote: 'it will be an act conforming with the regulations of international law',
    });
    expect(claims[0].notes).toContain('https://example.org/fc/1');
    expect(claims[1]).toMatchObject({
      statement: 'Unemployment fell to 3%, the lowest "ever"',
      claimDate: '2024-10-25',
      verdictScale: 'politifact',
      verdict: 'half-true',
    });
  });

  it('reads TSV and keeps an unknown rating as a note instead of guessing', async () => {
    const claims = await claimsOf('list.tsv', 'statement\tclaimant\tverdict\nThe bridge will open in May\tMayor\tToo early to tell\n');
    expect(claims[0]).toMatchObject({ statement: 'The bridge will open in May', claimant: 'Mayor', verdict: null });
    expect(claims[0].verdictNote).toContain('Original rating: Too early to tell');
  });

  it('names the missing column and the bad row', async () => {
    await expect(parseBytes('x.csv', utf8('name,when\nfoo,2024-01-01\n'))).rejects.toThrow(/CSV has no claim column.*found: name, when/);
    await expect(parseBytes('y.csv', utf8('claim,date\nA claim,2024-01-01\nAnother,not a date\n'))).rejects.toThrow(
      'CSV row 3: "not a date" is not a date',
    );
    await expect(parseBytes('z.csv', utf8('claim\n"unclosed\n'))).rejects.toThrow('CSV has an unclosed quote');
  });
});

const REVIEW = (claim: string, rating: Record<string, unknown>) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example.org/review',
  claimReviewed: claim,
  author: { '@type': 'Organization', name: 'Example Fact Check' },
  datePublished: '2024-10-28',
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Kim Jong Gyu' }, datePublished: '2024-10-25' },
  reviewRating: { '@type': 'Rating', ...rating },
});

describe('ClaimReview JSON-LD', () => {
  it('reads a single review, with claimant, date and verdict', async () => {
    const [c] = await claimsOf(
      'r.jsonld',
      JSON.stringify(REVIEW('No troops were sent to Russia', { alternateName: 'Mostly false', ratingValue: 2 })),
    );
    expect(c).toMatchObject({
      statement: 'No troops were sent to Russia',
      claimant: 'Kim Jong Gyu',
      claimDate: '2024-10-25',
      verdictScale: 'claimdesk',
      verdict: 'mostly-false',
    });
    expect(c.verdictNote).toContain('Reviewed by Example Fact Check');
  });

  it('reads arrays and @graph, mapping a bare numeric rating onto the default scale', async () => {
    const doc = {
      '@context': 'https://schema.org',
      '@graph': [
        REVIEW('Claim one', { ratingValue: 5, bestRating: 5, worstRating: 1 }),
        REVIEW('Claim two', { ratingValue: 1, alternateName: 'Ridiculous' }),
      ],
    };
    const claims = await claimsOf('g.json', JSON.stringify(doc));
    expect(claims.map((c) => [c.statement, c.verdict])).toEqual([
      ['Claim one', 'true'],
      ['Claim two', 'false'],
    ]);
    expect(claims[1].verdictNote).toContain('Original rating: Ridiculous');
    expect(
      await claimsOf('a.json', JSON.stringify([REVIEW('A', { alternateName: 'True' }), REVIEW('B', { alternateName: 'Pants on Fire' })])),
    ).toHaveLength(2);
  });

  it('refuses invalid JSON and JSON without claims', async () => {
    await expect(parseBytes('bad.json', utf8('{"@type": "ClaimReview",'))).rejects.toThrow(/^JSON is not valid: /);
    await expect(parseBytes('none.json', utf8('{"hello": "world"}'))).rejects.toThrow('JSON has no schema.org ClaimReview objects');
  });
});
