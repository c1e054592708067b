import { describe, expect, it } from 'vitest';
import { csvCell, renderCsv } from '../../../main/reports/csv';
import { claimReviews, renderClaimReviewJson } from '../../../main/reports/claimreview';
import { mdEscape, renderMarkdown } from '../../../main/reports/markdown';
import { parseClaimTable, parseDelimited } from '../../../main/importers/formats/csv';
import { parseClaimJson } from '../../../main/importers/formats/claimreview';
import { claim, CYRILLIC, KOREAN, sampleModel, source, verdict, XSS_IMG, XSS_SCRIPT } from './fixtures';

describe('CSV export', () => {
  it('quotes per RFC 4180 and reads back to the same cells', () => {
    const tricky = 'He said "no", then\r\nleft; 50,000 troops';
    const csv = renderCsv(sampleModel({ claims: [claim(1, { statement: tricky, quote: `${KOREAN} ${CYRILLIC}` })] }));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toMatch(/^id,statement,quote,claimant,/);
    const rows = parseDelimited(csv, ',');
    expect(rows).toHaveLength(2);
    const header = rows[0];
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(row.statement).toBe(tricky);
    expect(row.quote).toBe(`${KOREAN} ${CYRILLIC}`);
    expect(row.verdict).toBe('False');
    expect(row['rating value']).toBe('1');
    expect(row['source sha256']).toBe('01'.repeat(32));
    expect(csv).toContain('"He said ""no"", then');
  });

  it('defuses cells that a spreadsheet would run as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}cmd|' /C calc'!A0`).replace(/^"/, '')).toMatch(new RegExp(`^'${start}`));
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('plain')).toBe('plain');
    const csv = renderCsv(sampleModel({ claims: [claim(1, { statement: '=2+5', claimant: '@SUM(A1)', notes: '-3' })], fields: ['notes'] }));
    const cells = parseDelimited(csv, ',')[1];
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain("'=2+5");
  });

  it('is read back by Claimdesk’s own claim-list import with verdicts intact', () => {
    const model = sampleModel();
    const parsed = parseClaimTable(renderCsv(model), { tsv: false });
    expect(parsed.map((p) => p.statement).sort()).toEqual(model.claims.map((c) => c.statement).sort());
    const pentagon = parsed.find((p) => p.claimant === 'Pentagon');
    expect(pentagon?.verdict).toBe('true');
  });
});

/** A ClaimReview as read back from JSON: nested objects looked into by the assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Review = Record<string, any>;

describe('ClaimReview export', () => {
  const model = sampleModel();
  const reviews = claimReviews(model);

  it('has one schema.org ClaimReview per rated claim with the required fields', () => {
    expect(reviews).toHaveLength(model.claims.filter((c) => c.verdict).length);
    const r = reviews.find((x) => x.claimReviewed === 'North Korea has sent about 10,000 troops to Russia.') as Review;
    expect(r['@context']).toBe('https://schema.org');
    expect(r['@type']).toBe('ClaimReview');
    expect(r.itemReviewed).toMatchObject({
      '@type': 'Claim',
      author: { '@type': 'Organization', name: 'Pentagon' },
      datePublished: '2024-10-25',
    });
    expect(r.itemReviewed.appearance.map((a: { url: string }) => a.url)).toEqual([
      'https://example.org/news/1',
      'https://example.org/news/2',
    ]);
    expect(r.itemReviewed.firstAppearance).toMatchObject({
      '@type': 'CreativeWork',
      url: 'https://example.org/news/1',
      headline: source(1).title,
    });
    expect(r.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'True' });
    expect(r.author).toEqual({ '@type': 'Organization', name: 'Claimdesk Fact Lab' });
    expect(r.datePublished).toBe('2024-11-02');
  });

  it('maps each verdict through its scale and names people as Person', () => {
    const misleading = reviews.find((x) => String(x.claimReviewed).includes(KOREAN)) as Review;
    expect(misleading.reviewRating.ratingValue).toBe(2);
    expect(misleading.itemReviewed.author['@type']).toBe('Person');
    const unprovable = reviews.find((x) => String(x.claimReviewed).includes('as early as Sunday')) as Review;
    expect(unprovable.reviewRating.ratingValue).toBeUndefined();
    expect(unprovable.reviewRating.alternateName).toBe('Unprovable');
    const pants = claimReviews(
      sampleModel({ claims: [claim(9, { verdict: verdict('pants-on-fire', 'politifact') })], organisation: null }),
    )[0] as Review;
    expect(pants.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Pants on Fire' });
    expect(pants.author).toEqual({ '@type': 'Person', name: 'Alice Researcher' });
  });

  it('is read back by Claimdesk’s ClaimReview import', () => {
    const parsed = parseClaimJson(renderClaimReviewJson(model));
    expect(parsed).toHaveLength(reviews.length);
    expect(parsed.find((p) => p.claimant === 'Pentagon')?.verdict).toBe('true');
  });
});

describe('Markdown export', () => {
  it('escapes markup so hostile text stays text', () => {
    expect(mdEscape('*bold* [link](x) <b>')).toBe('\\*bold\\* \\[link\\]\\(x\\) \\<b\\>');
    expect(mdEscape('- not a list')).toBe('\\- not a list');
    expect(mdEscape('1. not a list')).toBe('1\\. not a list');
    const md = renderMarkdown(sampleModel());
    expect(md).not.toContain(XSS_SCRIPT);
    expect(md).not.toContain(XSS_IMG);
    expect(md).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
  });

  it('lists every claim with verdict, claimant and numbered sources', () => {
    const md = renderMarkdown(sampleModel());
    expect(md.startsWith('# North Korean troops in Russia: what was claimed, October 2024\n')).toBe(true);
    for (const c of sampleModel().claims.filter((x) => x.id !== 4)) expect(md).toContain(mdEscape(c.statement));
    expect(md).toContain('- **Verdict:** True');
    expect(md).toContain(`- **Claimant:** ${CYRILLIC}`);
    expect(md).toMatch(/^1\. \*\*AFP\*\*\. Jo Doe\..*<https:\/\/example\.org\/news\/1>/m);
    expect(md).not.toContain('<javascript:');
    expect(md).toContain('| True | 1 | 14% |');
  });
});
