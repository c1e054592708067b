// One claim as a report card: statement and verdict, quote, who said it and through whom, when,
// why the verdict, the evidence and the numbered sources.
import type { ArrangedReport } from './arrange';
import { verdictLabel } from './arrange';
import { anchorId, esc, escUser, escUserLines, formatDate, quoteMarks } from './escape';
import { has, pageMark, type ReportClaim, type ReportModel, type ReportArticle } from './model';
import { WORKFLOW_STATUS_LABELS } from '../../shared/verdicts';

export interface CardContext {
  model: ReportModel;
  arranged: ArrangedReport;
  sources: Map<number, ReportArticle>;
}

const STANCE_LABELS = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' } as const;

export function citeMark(ctx: CardContext, articleId: number | null): string {
  const n = articleId !== null ? ctx.arranged.citationOf.get(articleId) : undefined;
  return n ? `<a class="cite" href="#${anchorId('src', n)}">[${n}]</a>` : '';
}

function toneClass(claim: ReportClaim): string {
  return `tone-${claim.verdict?.tone ?? 'none'}`;
}

function attributionHtml(claim: ReportClaim): string {
  return claim.attribution
    .map((hop) => `${escUser(hop.name)} <span class="hop-role">${esc(hop.role)}</span>`)
    .join('<span class="arrow">→</span>');
}

function sourceLine(ctx: CardContext, claim: ReportClaim): string {
  const ids = [...new Set([claim.articleId, ...claim.appearances].filter((id): id is number => id !== null))];
  return ids
    .map((id) => ctx.sources.get(id))
    .filter((s): s is ReportArticle => !!s)
    .map(
      (s) =>
        `${escUser(s.outlet ?? s.title)}${s.published ? `, ${escUser(formatDate(s.published))}` : ''}${pageMark(claim, s.articleId)}${citeMark(ctx, s.articleId)}`,
    )
    .join('; ');
}

function facts(ctx: CardContext, claim: ReportClaim): string {
  const { model } = ctx;
  const rows: [string, string][] = [];
  if (has(model, 'claimant') && claim.claimant) rows.push(['Claimant', escUser(claim.claimant)]);
  if (has(model, 'attribution') && claim.attribution.length > 0) rows.push(['Attribution', attributionHtml(claim)]);
  const date = claim.claimDate ?? (claim.articleId !== null ? (ctx.sources.get(claim.articleId)?.published ?? null) : null);
  if (has(model, 'date') && date) rows.push(['Date', escUser(formatDate(date))]);
  if (has(model, 'sources')) {
    const line = sourceLine(ctx, claim);
    if (line) rows.push([claim.appearances.length > 1 ? 'Appears in' : 'Source', line]);
  }
  if (has(model, 'entities') && claim.entities.length > 0) {
    rows.push(['Entities', claim.entities.map((e) => `${escUser(e.name)} <span class="hop-role">${esc(e.role)}</span>`).join(', ')]);
  }
  if (has(model, 'status')) rows.push(['Status', esc(WORKFLOW_STATUS_LABELS[claim.status] ?? claim.status)]);
  if (rows.length === 0) return '';
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function evidenceHtml(ctx: CardContext, claim: ReportClaim): string {
  if (!has(ctx.model, 'evidence') || claim.evidence.length === 0) return '';
  const items = claim.evidence.map((e) => {
    const source = ctx.sources.get(e.articleId);
    const parts = [
      e.quote ? `<span class="evidence-quote">${escUser(quoteMarks(e.quote))}</span>` : '',
      escUser(e.note),
      source ? `<span class="muted">${escUser(source.outlet ?? source.title)}</span>` : '',
    ];
    return `<li><span class="stance stance-${e.stance}">${STANCE_LABELS[e.stance]}</span>${parts.filter(Boolean).join(' — ')}${citeMark(ctx, e.articleId)}</li>`;
  });
  return `<section class="evidence"><h4>Evidence</h4><ul>${items.join('')}</ul></section>`;
}

function verdictPill(claim: ReportClaim, show: boolean): string {
  if (!show) return '';
  return claim.verdict
    ? `<span class="pill">${escUser(claim.verdict.label)}</span>`
    : `<span class="pill none">${esc(verdictLabel(null))}</span>`;
}

function verdictNote(ctx: CardContext, claim: ReportClaim): string {
  if (!has(ctx.model, 'verdictNote') || !claim.verdictNote) return '';
  const why = claim.verdict ? `<span class="why">Why “${escUser(claim.verdict.label)}”:</span> ` : '';
  return `<div class="note">${why}${escUserLines(claim.verdictNote)}</div>`;
}

export function claimCard(ctx: CardContext, claim: ReportClaim): string {
  const n = ctx.arranged.numberOf.get(claim.id) ?? 0;
  const showQuote = has(ctx.model, 'quote') && claim.quote.trim() && claim.quote.trim() !== claim.statement.trim();
  const tags =
    has(ctx.model, 'tags') && claim.tags.length > 0
      ? `<div class="tags">${claim.tags.map((t) => `<span class="tag">${escUser(t)}</span>`).join('')}</div>`
      : '';
  const notes = has(ctx.model, 'notes') && claim.notes.trim() ? `<div class="notes"><h4>Notes</h4>${escUserLines(claim.notes)}</div>` : '';
  return `<article class="claim ${toneClass(claim)}" id="${anchorId('claim', n)}">
<div class="claim-head"><span class="claim-no">${n}</span><h3 class="statement">${escUser(claim.statement)}</h3>${verdictPill(claim, has(ctx.model, 'verdict'))}</div>
${showQuote ? `<blockquote class="quote">${escUserLines(quoteMarks(claim.quote))}</blockquote>` : ''}
${facts(ctx, claim)}${verdictNote(ctx, claim)}${evidenceHtml(ctx, claim)}${tags}${notes}
</article>`;
}

/** A claim shown a second time (entity grouping): a pointer to its card, not a copy. */
export function claimReference(ctx: CardContext, claim: ReportClaim): string {
  const n = ctx.arranged.numberOf.get(claim.id) ?? 0;
  return `<p class="claim-ref ${toneClass(claim)}">See claim <a href="#${anchorId('claim', n)}">${n}</a>: ${escUser(claim.statement)}</p>`;
}
