// Bidi spoofing in reports (issue #13, item 12): a claimant "Kim <U+202E>gnoJ" must not reorder the
// report text after it (it showed as "gnoJ miK Verdict: false").
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { pdfFooterTemplate, renderReportHtml } from '../../../main/reports/html';
import { renderMarkdown } from '../../../main/reports/markdown';
import { renderCsv } from '../../../main/reports/csv';
import { BIDI_CONTROLS } from '../../../main/util/bidi';
import { claim, sampleModel, source, verdict } from './fixtures';

const RLO = '\u202E';
const SPOOF = `Kim ${RLO}gnoJ`;
const ANY_CONTROL = new RegExp(BIDI_CONTROLS.source);

function spoofedModel() {
  const c = claim(1, {
    statement: `Troops were sent ${RLO}eurt`,
    claimant: SPOOF,
    attribution: [{ name: SPOOF, role: 'speaker' }],
    entities: [{ name: SPOOF, type: 'person', role: 'claimant' }],
    tags: [`t${RLO}ag`],
    notes: `note ${RLO}x`,
    verdict: verdict('false'),
    verdictNote: `why ${RLO}y`,
    verdictHistory: [{ at: '2024-10-26T10:00:00Z', actor: SPOOF, from: null, to: 'false', note: `n${RLO}` }],
  });
  return sampleModel({
    title: `Report ${RLO}title`,
    author: SPOOF,
    intro: `Intro ${RLO}text`,
    claims: [c],
    sources: [source(1, { outlet: `Out${RLO}let`, title: `Title ${RLO}x`, author: SPOOF })],
    groupBy: 'claimant',
    verifiable: true,
  });
}

describe('bidi controls in report text', () => {
  it('isolates every piece of archive text in the HTML report in a <bdi>', () => {
    const html = renderReportHtml(spoofedModel());
    const { document } = parseHTML(html);
    const claimant = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Claimant')!.nextElementSibling!;
    expect(claimant.innerHTML).toBe(`<bdi>${SPOOF}</bdi>`);
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    let spoofable = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!ANY_CONTROL.test(node.textContent ?? '')) continue;
      spoofable++;
      expect(node.parentElement?.closest('bdi, script[type="application/ld+json"]'), node.textContent!).not.toBeNull();
    }
    expect(spoofable).toBeGreaterThan(10);
    expect(document.querySelector('title')?.textContent).toBe('Report <U+202E>title');
    expect(html).toMatch(/bdi \{ unicode-bidi: isolate; \}/);
    expect(pdfFooterTemplate(`Report ${RLO}title`)).toContain(`<bdi>Report ${RLO}title</bdi>`);
  });

  it('shows the controls visibly in Markdown, and keeps the data in CSV', () => {
    const md = renderMarkdown(spoofedModel());
    expect(md).not.toMatch(ANY_CONTROL);
    expect(md).toContain('Kim \\<U+202E\\>gnoJ');
    expect(renderCsv(spoofedModel())).toContain(SPOOF);
  });
});
