// The verdict summary as a small inline SVG bar chart (no script, no external resources).
import type { VerdictCount } from './arrange';
import { esc } from './escape';
import { TONE_COLOURS } from './style';

const ROW = 26;
const LABEL_WIDTH = 170;
const BAR_MAX = 330;

export function verdictChartSvg(summary: VerdictCount[]): string {
  const total = summary.reduce((n, v) => n + v.count, 0);
  const max = Math.max(1, ...summary.map((v) => v.count));
  const height = summary.length * ROW + 8;
  const rows = summary.map((v, i) => {
    const y = i * ROW + 4;
    const width = Math.max(2, Math.round((v.count / max) * BAR_MAX));
    const pct = total ? Math.round((v.count / total) * 100) : 0;
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1d2433">${esc(v.label)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="16" rx="2" fill="${TONE_COLOURS[v.tone]}"/>`,
      `<text x="${LABEL_WIDTH + width + 8}" y="${y + 15}" font-size="12" fill="#5b6475">${v.count} · ${pct}%</text>`,
    ].join('');
  });
  return `<svg class="summary-chart" viewBox="0 0 600 ${height}" role="img" aria-label="Claims by verdict">${rows.join('')}</svg>`;
}
