// What a reader sees of counts and quotations: "1 claim", never "1 claims"; and a quote taken with
// its own quotation marks is not wrapped in a second pair (no “"…" in the PDF).
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { plural } from '../../../shared/plural';
import { quoteMarks } from '../../../main/reports/escape';
import { renderReportHtml } from '../../../main/reports/html';
import { renderMarkdown } from '../../../main/reports/markdown';
import { claim, sampleModel } from './fixtures';

describe('count words', () => {
  it('use the singular for one only', () => {
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(0, 'article')).toBe('0 articles');
    expect(plural(2, 'actor')).toBe('2 actors');
    expect(plural(1, 'entity', 'entities')).toBe('1 entity');
    expect(plural(3, 'entity', 'entities')).toBe('3 entities');
  });

  it('in a report: one claim reads "1 claim", and no rated claim is not "each of the 0 rated claims"', () => {
    const model = sampleModel({ claims: [claim(1, { verdict: null })], groupBy: 'verdict', verifiable: true });
    const text = parseHTML(renderReportHtml(model)).document.body.textContent ?? '';
    expect(text).toContain('1 claim');
    expect(text).not.toMatch(/\b1 claims\b/);
    expect(text).not.toContain('each of the 0');
    expect(text).toContain('each rated claim (this report has none)');
  });
});

describe('quotation marks', () => {
  it('are added around a bare quote and not around one that brings its own', () => {
    expect(quoteMarks('about 10,000 troops')).toBe('“about 10,000 troops”');
    expect(quoteMarks('"It is legal," said Kim')).toBe('"It is legal," said Kim');
    expect(quoteMarks('“It is legal”')).toBe('“It is legal”');
    expect(quoteMarks('„Das ist legal“')).toBe('„Das ist legal“');
  });

  it('are never doubled in the report or its Markdown', () => {
    const own = '"It is an act conforming with international law," said Kim Jong Gyu.';
    const model = sampleModel({
      claims: [
        claim(1, {
          quote: own,
          evidence: [{ articleId: 1, quote: '"No troops," he said.', note: 'denial', stance: 'contradicts' } as never],
        }),
      ],
    });
    const html = renderReportHtml(model);
    const doc = parseHTML(html).document;
    expect(doc.querySelector('blockquote.quote')?.textContent).toBe(own);
    expect(html).not.toMatch(/“\s*(<[^>]+>)*\s*"/);
    expect(renderMarkdown(model)).not.toMatch(/“\\?"/);
    const bare = parseHTML(renderReportHtml(sampleModel())).document.querySelector('blockquote.quote')?.textContent;
    expect(bare).toBe('“about 10,000 North Korean troops are now in Russia”');
  });
});
