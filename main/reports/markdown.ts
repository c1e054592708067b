// The report as Markdown: same order, groups and citations as the HTML, for editors who paste
// into a CMS or a wiki. Every value is escaped so it reads as text, never as markup.
import { arrangeReport, type ArrangedReport } from './arrange';
import { formatDate, quoteMarks } from './escape';
import { has, pageMark, type ReportClaim, type ReportModel, type ReportArticle } from './model';
import { WORKFLOW_STATUS_LABELS } from '../../shared/verdicts';
import { showBidiControls } from '../util/bidi';

/**
 * Backslash-escapes Markdown punctuation (and line-start markers); newlines become spaces. Bidi
 * controls show as `<U+202E>`: Markdown has no isolation, so they would reorder the text around them.
 */
export function mdEscape(text: string | null | undefined): string {
  if (!text) return '';
  return showBidiControls(text)
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_{}[\]<>()#|&~!]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=]|\d+[.)])/, (_m, space: string, marker: string) => `${space}${marker.replace(/([-+=.)])$/, '\\$1')}`);
}

/** A web address as an autolink; anything else (javascript:, spaces) as plain escaped text. */
function mdUrl(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : mdEscape(url);
}

function cite(arranged: ArrangedReport, articleId: number | null): string {
  const n = articleId !== null ? arranged.citationOf.get(articleId) : undefined;
  return n ? ` [${n}]` : '';
}

function claimLines(model: ReportModel, arranged: ArrangedReport, sources: Map<number, ReportArticle>, c: ReportClaim): string[] {
  const n = arranged.numberOf.get(c.id);
  const lines = [`#### ${n}. ${mdEscape(c.statement)}`, ''];
  if (has(model, 'quote') && c.quote.trim() && c.quote.trim() !== c.statement.trim()) lines.push(`> ${mdEscape(c.quote)}`, '');
  const item = (label: string, value: string) => value && lines.push(`- **${label}:** ${value}`);
  if (has(model, 'verdict')) item('Verdict', c.verdict ? mdEscape(c.verdict.label) : 'no verdict yet');
  if (has(model, 'verdictNote')) item('Why', mdEscape(c.verdictNote));
  if (has(model, 'claimant')) item('Claimant', mdEscape(c.claimant));
  if (has(model, 'attribution')) item('Attribution', c.attribution.map((h) => `${mdEscape(h.name)} (${h.role})`).join(' → '));
  const date = c.claimDate ?? (c.articleId !== null ? (sources.get(c.articleId)?.published ?? null) : null);
  if (has(model, 'date')) item('Date', mdEscape(formatDate(date)));
  if (has(model, 'sources')) {
    const appearsIn = [...new Set([c.articleId, ...c.appearances])].filter((id): id is number => id !== null && sources.has(id));
    item(
      'Source',
      appearsIn
        .map((id) => `${mdEscape(sources.get(id)!.outlet ?? sources.get(id)!.title)}${pageMark(c, id)}${cite(arranged, id)}`)
        .join('; '),
    );
  }
  if (has(model, 'entities')) item('Entities', c.entities.map((e) => `${mdEscape(e.name)} (${e.role})`).join(', '));
  if (has(model, 'status')) item('Status', WORKFLOW_STATUS_LABELS[c.status]);
  if (has(model, 'tags')) item('Tags', c.tags.map(mdEscape).join(', '));
  if (has(model, 'notes')) item('Notes', mdEscape(c.notes));
  if (has(model, 'evidence') && c.evidence.length > 0) {
    lines.push('- **Evidence:**');
    for (const e of c.evidence) {
      const text = [e.quote ? mdEscape(quoteMarks(e.quote)) : '', mdEscape(e.note)].filter(Boolean).join(' — ');
      lines.push(`  - ${e.stance}: ${text}${cite(arranged, e.articleId)}`);
    }
  }
  lines.push('');
  return lines;
}

function sourceLine(model: ReportModel, n: number, s: ReportArticle): string {
  const parts = [
    s.outlet ? `**${mdEscape(s.outlet)}**` : '',
    mdEscape(s.author),
    `“${mdEscape(s.title)}”`,
    mdEscape(formatDate(s.published)),
  ].filter(Boolean);
  const extra = [
    s.url ? mdUrl(s.url) : '',
    s.file ? `file ${mdEscape(s.file.name)}, SHA-256 \`${s.file.sha256.replace(/[^0-9a-f]/gi, '')}\`` : '',
  ].filter(Boolean);
  const line = `${n}. ${parts.join('. ')}.${extra.length ? ` ${extra.join(' · ')}` : ''}`;
  const tags = has(model, 'tags') && s.tags?.length ? `   - **Tags:** ${s.tags.map(mdEscape).join(', ')}` : '';
  const notes = has(model, 'notes') && s.notes?.trim() ? `   - **Notes:** ${mdEscape(s.notes)}` : '';
  const highlights = has(model, 'notes')
    ? (s.highlights ?? []).map((h) => `   - **Highlight:** “${mdEscape(h.quote)}”${h.note.trim() ? ` — ${mdEscape(h.note)}` : ''}`)
    : [];
  return [line, tags, notes, ...highlights].filter(Boolean).join('\n');
}

export function renderMarkdown(model: ReportModel): string {
  const arranged = arrangeReport(model);
  const sources = new Map(model.sources.map((s) => [s.articleId, s]));
  const meta = [
    model.author && `**Prepared by** ${mdEscape(model.author)}`,
    model.organisation && `**Organisation** ${mdEscape(model.organisation)}`,
    `**Date** ${formatDate(model.date)}`,
  ];
  const out = [`# ${mdEscape(model.title)}`, '', meta.filter(Boolean).join(' · '), ''];
  for (const p of model.intro
    .split(/\r?\n\s*\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean))
    out.push(mdEscape(p), '');
  const total = arranged.claims.length;
  out.push('## Summary by verdict', '', '| Verdict | Claims | Share |', '| --- | ---: | ---: |');
  for (const v of arranged.summary) out.push(`| ${mdEscape(v.label)} | ${v.count} | ${total ? Math.round((v.count / total) * 100) : 0}% |`);
  out.push(`| **Total** | **${total}** | 100% |`, '', '## Claims', '');
  const shown = new Set<number>();
  for (const group of arranged.groups) {
    if (model.groupBy !== 'none') out.push(`### ${mdEscape(group.label)} (${group.claims.length})`, '');
    for (const c of group.claims) {
      if (shown.has(c.id)) out.push(`- See claim ${arranged.numberOf.get(c.id)}: ${mdEscape(c.statement)}`, '');
      else out.push(...claimLines(model, arranged, sources, c));
      shown.add(c.id);
    }
  }
  if (arranged.citations.length > 0) {
    out.push('## Sources', '', ...arranged.citations.map((c) => sourceLine(model, c.n, c.source)), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
