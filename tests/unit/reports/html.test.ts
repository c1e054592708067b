import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { pdfFooterTemplate, renderReportHtml, REPORT_CSP } from '../../../main/reports/html';
import { arrangeReport } from '../../../main/reports/arrange';
import { bigModel, claim, CYRILLIC, KOREAN, sampleModel, verdict, XSS_IMG, XSS_SCRIPT } from './fixtures';

const parse = (html: string) => parseHTML(html).document;

describe('report HTML', () => {
  const html = renderReportHtml(sampleModel());
  const doc = parse(html);

  it('shows hostile claim text as text: no injected elements or handlers', () => {
    const body = doc.body.textContent ?? '';
    expect(body).toContain(`A hostile claim ${XSS_SCRIPT} with ${XSS_IMG} in it`);
    expect(body).toContain(`Mallory ${XSS_IMG}`);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) expect(attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`).toBe(false);
    }
    // The only script elements are inert JSON-LD data blocks.
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s.getAttribute('type')).toBe('application/ld+json');
    expect(html).not.toMatch(/<script>alert/i);
  });

  it('declares a CSP that loads nothing remote, and links nowhere outside the document', () => {
    const meta = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    for (const el of doc.querySelectorAll('[src], [href]')) {
      const target = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
      expect(target, `${el.tagName} points to ${target}`).toMatch(/^(#|data:)/);
    }
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:|file:|javascript:)/i);
    // The source URL is shown as text for the reader.
    expect(doc.querySelector('#sources')?.parentElement?.textContent).toContain('https://example.org/news/1');
  });

  it('keeps every claim, Korean and Cyrillic names, verdict notes and numbered citations', () => {
    const text = doc.body.textContent ?? '';
    for (const c of sampleModel().claims) expect(text).toContain(c.statement);
    expect(text).toContain(KOREAN);
    expect(text).toContain(CYRILLIC);
    expect(text).toContain('Confirmed by NATO and South Korean intelligence on 28 October.');
    const sources = [...doc.querySelectorAll('ol.sources li')];
    expect(sources.map((li) => li.id)).toEqual(['src-1', 'src-2', 'src-3']);
    expect(sources[0].textContent).toContain('SHA-256 ' + '01'.repeat(32));
    for (const cite of doc.querySelectorAll('a.cite')) expect(doc.getElementById(cite.getAttribute('href')!.slice(1))).not.toBeNull();
  });

  it('embeds one parseable ClaimReview per rated claim when verifiable, with verdict histories', () => {
    const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const blocks = JSON.parse(scripts[0].textContent ?? '') as { claimReviewed: string }[];
    const rated = sampleModel().claims.filter((c) => c.verdict);
    expect(blocks).toHaveLength(rated.length);
    expect(blocks.map((b) => b.claimReviewed).sort()).toEqual(rated.map((c) => c.statement).sort());
    expect(doc.querySelector('#verification')?.parentElement?.textContent).toContain('Mostly true → True');
    expect(parse(renderReportHtml(sampleModel({ verifiable: false }))).querySelectorAll('script')).toHaveLength(0);
  });

  it('keeps a rated claim that tries to close the JSON-LD block inside it', () => {
    const breakout = `</script><script>alert(1)</script><!--`;
    const d = parse(renderReportHtml(sampleModel({ claims: [claim(1, { statement: breakout })] })));
    const scripts = [...d.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0].textContent ?? '')[0].claimReviewed).toBe(breakout);
  });

  it('groups by verdict in scale order with a chart bar per verdict', () => {
    const groups = [...doc.querySelectorAll('h2.group')].map((h) => h.firstChild?.nextSibling?.textContent?.trim() ?? h.textContent);
    expect(groups.map((g) => g?.replace(/\s+\d+ claims?$/, ''))).toEqual([
      'True',
      'Mostly true',
      'Mixed',
      'Misleading',
      'False',
      'Unprovable',
      'No verdict yet',
    ]);
    expect(doc.querySelectorAll('svg.summary-chart rect')).toHaveLength(7);
  });

  it('adds a table of contents to long reports and not to short ones', () => {
    expect(doc.querySelector('ol.toc')).toBeNull();
    const long = parse(renderReportHtml(bigModel(40)));
    const entries = [...long.querySelectorAll('ol.toc a')].map((a) => a.getAttribute('href')!);
    expect(entries).toContain('#summary');
    expect(entries).toContain('#sources');
    for (const href of entries) expect(long.getElementById(href.slice(1)), href).not.toBeNull();
    expect(long.querySelectorAll('article.claim')).toHaveLength(40);
  });

  it('prints a claim in several entity groups once, pointing to it elsewhere', () => {
    const both = claim(1, {
      entities: [
        { name: 'Pentagon', type: 'organisation', role: 'claimant' },
        { name: 'NATO', type: 'organisation', role: 'subject' },
      ],
    });
    const model = sampleModel({ claims: [both, claim(2)], groupBy: 'entity' });
    const d = parse(renderReportHtml(model));
    expect(d.querySelectorAll('article.claim')).toHaveLength(2);
    expect(d.querySelector('.claim-ref')?.textContent).toContain('See claim');
  });

  it('shows only the chosen fields', () => {
    const d = parse(renderReportHtml(sampleModel({ fields: ['verdict'] })));
    expect(d.querySelector('blockquote.quote')).toBeNull();
    expect(d.querySelector('.evidence')).toBeNull();
    expect(d.querySelector('.pill')).not.toBeNull();
  });

  it('sorts by claimant and by verdict', () => {
    const claims = [
      claim(1, { claimant: 'Zed', verdict: verdict('true') }),
      claim(2, { claimant: 'Amy', verdict: verdict('false') }),
      claim(3, { claimant: null, verdict: null }),
    ];
    const byClaimant = arrangeReport(sampleModel({ claims, groupBy: 'none', sort: 'claimant' }));
    expect(byClaimant.claims.map((c) => c.id)).toEqual([2, 1, 3]);
    const byVerdict = arrangeReport(sampleModel({ claims, groupBy: 'none', sort: 'verdict' }));
    expect(byVerdict.claims.map((c) => c.id)).toEqual([1, 2, 3]);
  });

  it('escapes the title in the PDF footer template, which keeps the page number slots', () => {
    const footer = pdfFooterTemplate(`Report ${XSS_SCRIPT}`);
    expect(footer).toContain('&lt;script&gt;');
    expect(footer).not.toContain('<script>');
    expect(footer).toContain('class="pageNumber"');
    expect(footer).toContain('class="totalPages"');
  });
});
