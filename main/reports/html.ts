// The report as one self-contained HTML document: a pure function of the model. Every value is
// escaped, nothing runs and nothing loads (CSP), so printing it (Electron or Chromium, JS off) is safe.
import { plural } from '../../shared/plural';
import { arrangeReport, sourceLabel, type ArrangedReport, type ClaimGroup } from './arrange';
import { verdictChartSvg } from './chart';
import { BUNDLE_FILES } from './bundle-files';
import { claimReviewOf } from './claimreview';
import { anchorId, esc, escUser, formatDate, jsonForScript, paragraphs } from './escape';
import { showBidiControls } from '../util/bidi';
import { claimCard, claimReference, type CardContext } from './html-claim';
import { has, type ReportClaim, type ReportModel, type ReportArticle } from './model';
import { REPORT_CSS, SANS } from './style';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Reports at least this long get a table of contents. */
const TOC_MIN_CLAIMS = 10;

const GROUP_TITLES: Record<ReportModel['groupBy'], string> = {
  verdict: 'Claims by verdict',
  claimant: 'Claims by claimant',
  entity: 'Claims by entity',
  article: 'Claims by article',
  none: 'Claims',
};

export interface HtmlOptions {
  /**
   * Printed to a PDF: the verification data travels as attached files (bundle.ts), not as the
   * page's JSON-LD script, which printing drops; the text says so.
   */
  forPdf?: boolean;
}

export function renderReportHtml(model: ReportModel, opts: HtmlOptions = {}): string {
  const arranged = arrangeReport(model);
  const ctx: CardContext = { model, arranged, sources: new Map(model.sources.map((s) => [s.articleId, s])) };
  const shown = new Set<number>(); // claims already printed in full (entity groups repeat claims)
  const showSources = arranged.citations.length > 0 && (has(model, 'sources') || has(model, 'evidence'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(REPORT_CSP)}">
<meta name="generator" content="${esc(model.generator)}">
<title>${esc(showBidiControls(model.title))}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${cover(model, arranged, opts)}
${front(model, arranged, showSources)}
<main id="claims">
${arranged.groups.map((g, i) => groupSection(ctx, g, i, shown)).join('\n')}
</main>
${showSources ? sourcesSection(arranged) : ''}
${model.verifiable ? verificationSection(ctx, opts) : ''}
</body>
</html>
`;
}

function cover(model: ReportModel, arranged: ArrangedReport, opts: HtmlOptions): string {
  const meta: [string, string][] = [];
  if (model.author) meta.push(['Prepared by', escUser(model.author)]);
  if (model.organisation) meta.push(['Organisation', escUser(model.organisation)]);
  meta.push(['Date', esc(formatDate(model.date))]);
  meta.push(['Claims', String(arranged.claims.length)]);
  if (arranged.citations.length > 0) meta.push(['Sources', String(arranged.citations.length)]);
  const chips = arranged.summary.map((v) => `<span class="chip tone-${v.tone}"><b>${v.count}</b> ${escUser(v.label)}</span>`).join('');
  // The verdict mix at a glance: one bar, a segment per verdict, as wide as its share.
  const stack = arranged.summary.map((v) => `<span class="tone-${v.tone}" style="flex-grow:${v.count}"></span>`).join('');
  return `<section class="cover">
<div class="band"><div class="eyebrow">Claim review report</div><h1>${escUser(model.title)}</h1></div>
<div class="body">
${model.intro.trim() ? `<div class="intro">${paragraphs(model.intro)}</div>` : ''}
<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<div class="stack">${stack}</div>
<div class="chips">${chips}</div>
</div>
<div class="foot">${esc(model.generator)}${model.verifiable ? (opts.forPdf ? ' · verification files attached: ClaimReview JSON-LD, source hashes, verdict histories' : ' · includes verification data (ClaimReview JSON-LD, source hashes, verdict histories)') : ''}</div>
</section>`;
}

function front(model: ReportModel, arranged: ArrangedReport, showSources: boolean): string {
  const toc = arranged.claims.length >= TOC_MIN_CLAIMS ? contents(model, arranged, showSources) : '';
  // A long report opens its claims on a fresh page; a short one lets them follow the summary.
  return `<section class="front${toc ? ' break-after' : ''}">${toc}${summary(arranged)}</section>`;
}

function claimRange(arranged: ArrangedReport, group: ClaimGroup): string {
  const numbers = group.claims.map((c) => arranged.numberOf.get(c.id) ?? 0);
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  return lo === hi ? `claim ${lo}` : `claims ${lo}–${hi}`;
}

function contents(model: ReportModel, arranged: ArrangedReport, showSources: boolean): string {
  const item = (href: string, label: string, where = '', sub = false) =>
    `<li${sub ? ' class="sub"' : ''}><a class="label" href="#${href}">${label}</a><span class="where">${where}</span></li>`;
  const groups =
    model.groupBy === 'none'
      ? []
      : arranged.groups.map((g, i) => item(anchorId('group', i), escUser(g.label), claimRange(arranged, g), true));
  return `<h2>Contents</h2><ol class="toc">
${item('summary', 'Summary by verdict')}
${item('claims', GROUP_TITLES[model.groupBy], plural(arranged.claims.length, 'claim'))}
${groups.join('\n')}
${showSources ? item('sources', 'Sources', `${arranged.citations.length} cited`) : ''}
${model.verifiable ? item('verification', 'Verification data') : ''}
</ol>`;
}

function summary(arranged: ArrangedReport): string {
  const total = arranged.claims.length;
  const unrated = arranged.summary.find((v) => v.tone === 'none')?.count ?? 0;
  const outlets = new Set(arranged.citations.map((c) => c.source.outlet).filter(Boolean)).size;
  const facts = [
    `${plural(total, 'claim')} reviewed`,
    unrated ? `${total - unrated} with a verdict, ${unrated} awaiting one` : 'all with a verdict',
    arranged.citations.length ? `${plural(arranged.citations.length, 'source')}${outlets ? ` from ${plural(outlets, 'outlet')}` : ''}` : '',
  ].filter(Boolean);
  return `<h2 id="summary">Summary by verdict</h2>
<p class="muted">${facts.join(' · ')}.</p>
${verdictChartSvg(arranged.summary)}`;
}

function groupSection(ctx: CardContext, group: ClaimGroup, index: number, shown: Set<number>): string {
  const cards = group.claims.map((c) => {
    if (shown.has(c.id)) return claimReference(ctx, c);
    shown.add(c.id);
    return claimCard(ctx, c);
  });
  const heading =
    ctx.model.groupBy === 'none'
      ? `<h2>Claims</h2>`
      : `<h2 class="group${group.tone ? ` tone-${group.tone}` : ''}" id="${anchorId('group', index)}">${group.tone ? '<span class="swatch"></span>' : ''}${escUser(group.label)} <span class="count">${plural(group.claims.length, 'claim')}</span></h2>`;
  return `<section class="group">${heading}\n${cards.join('\n')}</section>`;
}

function sourceEntry(n: number, s: ReportArticle): string {
  const parts = [
    s.outlet ? `<b>${escUser(s.outlet)}</b>` : '',
    escUser(s.author),
    `“${escUser(s.title || sourceLabel(s))}”`,
    escUser(formatDate(s.published)),
    s.wireAgency ? `via ${escUser(s.wireAgency)}` : '',
  ].filter(Boolean);
  const url = s.url ? `<div class="mono">${escUser(s.url)}</div>` : '';
  const file = s.file ? `<div class="mono">File ${escUser(s.file.name)} · SHA-256 ${esc(s.file.sha256)}</div>` : '';
  return `<li id="${anchorId('src', n)}"><span class="n">[${n}]</span><div>${parts.join('. ')}.${url}${file}</div></li>`;
}

function sourcesSection(arranged: ArrangedReport): string {
  return `<section class="break-before"><h2 id="sources">Sources</h2>
<ol class="sources">${arranged.citations.map((c) => sourceEntry(c.n, c.source)).join('\n')}</ol></section>`;
}

function historyLine(h: ReportClaim['verdictHistory'][number]): string {
  const when = esc(h.at.slice(0, 16).replace('T', ' '));
  return `<li><span class="when">${when}</span> <span class="who">${escUser(h.actor)}</span> ${escUser(h.from ?? '—')} → <b>${escUser(h.to ?? '—')}</b>${h.note ? ` <span class="muted">· ${escUser(h.note)}</span>` : ''}</li>`;
}

function verificationSection(ctx: CardContext, opts: HtmlOptions): string {
  const rated = ctx.arranged.claims.filter((c) => c.verdict);
  const histories = rated.map((c) => {
    const n = ctx.arranged.numberOf.get(c.id) ?? 0;
    const lines = c.verdictHistory.map(historyLine).join('') || '<li class="muted">Rated when it was recorded; no later changes.</li>';
    return `<div class="history"><h3>Claim ${n}: ${escUser(c.statement)}</h3><ul>${lines}</ul></div>`;
  });
  const n = ctx.arranged.claims.length;
  const sources = ctx.model.sources.length;
  const eachOf = (k: number, word: string) =>
    k === 0 ? `each ${word} (this report has none)` : k === 1 ? `the one ${word}` : `each of the ${plural(k, word)}`;
  if (opts.forPdf) {
    // What bundle.ts attaches, file by file: the text must say exactly what the PDF carries.
    const files: [string, string][] = [
      [BUNDLE_FILES.claimreview, `a schema.org ClaimReview record (JSON-LD) for ${eachOf(rated.length, 'rated claim')}`],
      [
        BUNDLE_FILES.sources,
        `the ${plural(sources, 'cited article')}, each with the SHA-256 of its stored original file (when it was imported from one) and of the text the archive extracted from it`,
      ],
      [
        BUNDLE_FILES.history,
        `all ${plural(n, 'claim')} of this report with the verdict each had when it was printed and every verdict change`,
      ],
      [BUNDLE_FILES.manifest, 'the report’s id, when and by which version it was made, and the SHA-256 of each of the three files above'],
    ];
    return `<section class="break-before"><h2 id="verification">Verification data</h2>
<p>Four files are attached to this PDF (your PDF reader lists them under attachments):</p>
<dl class="bundle">${files.map(([name, what]) => `<dt class="mono">${esc(name)}</dt><dd>${what}</dd>`).join('')}</dl>
<p>To re-check them, run <span class="mono">claimdesk verify ${esc('REPORT.pdf')}</span>; with <span class="mono">--archive DIR</span> it also compares each source and verdict with the archive as it is now. The manifest is a checksum list, not a signature. Below, the history of each verdict: when it changed (UTC), who changed it and why.</p>
${histories.join('\n')}
</section>`;
  }
  // One data block for all reviews: inert (not JavaScript, and scripts are off when printing).
  const reviews = rated.map((c) => claimReviewOf(c, ctx.model, ctx.sources));
  return `<section class="break-before"><h2 id="verification">Verification data</h2>
<p>This page embeds a schema.org ClaimReview record for ${eachOf(rated.length, 'rated claim')} (machine-readable JSON-LD in the page), lists the SHA-256 of every source file under Sources, and below gives the history of each verdict: when it changed (UTC), who changed it and why.</p>
${histories.join('\n')}
${reviews.length > 0 ? `<script type="application/ld+json">${jsonForScript(reviews)}</script>` : ''}
</section>`;
}

/** Footer for printToPDF / page.pdf with displayHeaderFooter: the report title and "page X of Y". */
export function pdfFooterTemplate(title = ''): string {
  return `<div style="width:100%;margin:0 17mm;display:flex;justify-content:space-between;font-family:${esc(SANS)};font-size:7.5px;color:#5b6475;">
<span>${escUser(title)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
