// The report's look: print-first CSS (A4 paged media), verdict colours, fonts that cover Latin,
// Cyrillic and Hangul with system fonts only (nothing is loaded: the CSP forbids it).
import type { Tone } from './arrange';

export const TONE_COLOURS: Record<Tone, string> = {
  true: '#1b7f3b',
  'mostly-true': '#5f9a2c',
  mixed: '#b88a00',
  'mostly-false': '#d9661a',
  false: '#c0322b',
  neutral: '#6b7280',
  none: '#a8afbb',
};

// Latin/Cyrillic faces first, then the CJK ones: browsers fall back glyph by glyph, so Hangul in a
// name comes from the Korean font while the Latin text keeps its own (better-spaced) face.
export const SANS = `"Noto Sans", "Liberation Sans", Arial, "DejaVu Sans", "Noto Sans CJK KR", "Noto Sans KR", "Nanum Gothic", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif`;
const SERIF = `"Noto Serif", "Liberation Serif", Georgia, "DejaVu Serif", "Noto Serif CJK KR", "Noto Sans CJK KR", "Nanum Myeongjo", serif`;

const toneRules = (Object.entries(TONE_COLOURS) as [Tone, string][])
  .map(([tone, colour]) => `.tone-${tone} { --tone: ${colour}; }`)
  .join('\n');

export const REPORT_CSS = `
${toneRules}
:root { --ink: #1d2433; --muted: #5b6475; --rule: #dde1e8; --soft: #f4f6f9; --accent: #1f4e79; }
@page { size: A4; margin: 18mm 17mm 20mm 17mm; }
@page :first { margin: 0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
bdi { unicode-bidi: isolate; } /* archive text: its bidi controls stay inside it */
body { margin: 0; font-family: ${SANS}; font-size: 10pt; line-height: 1.45; color: var(--ink); word-break: keep-all; overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 16pt; color: var(--accent); margin: 0 0 4mm; padding-bottom: 2mm; border-bottom: 1.5pt solid var(--accent); }
h2.group { font-size: 13pt; display: flex; align-items: baseline; gap: 3mm; margin-top: 7mm; }
h2.group .count { font-size: 9pt; font-weight: normal; color: var(--muted); }
h2.group .swatch { width: 3.2mm; height: 3.2mm; border-radius: 50%; background: var(--tone, var(--accent)); flex: none; align-self: center; }
p { margin: 0 0 2.5mm; }
a { color: inherit; text-decoration: none; }
.muted { color: var(--muted); }
.break-before { break-before: page; page-break-before: always; }

/* Cover */
.cover { height: 297mm; padding: 0; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.cover .band { background: var(--accent); color: #fff; padding: 38mm 20mm 14mm; }
.cover .eyebrow { font-size: 9pt; letter-spacing: 0.18em; text-transform: uppercase; opacity: 0.85; margin-bottom: 5mm; }
.cover h1 { font-size: 27pt; font-weight: 700; line-height: 1.15; }
.cover .body { padding: 12mm 20mm 0; flex: 1; }
.cover .intro { font-family: ${SERIF}; font-size: 11.5pt; line-height: 1.55; max-width: 150mm; }
.cover dl.meta { display: grid; grid-template-columns: 34mm 1fr; gap: 1.6mm 4mm; margin: 8mm 0 0; font-size: 10pt; }
.cover dl.meta dt { color: var(--muted); text-transform: uppercase; font-size: 8pt; letter-spacing: 0.08em; padding-top: 0.6mm; }
.cover dl.meta dd { margin: 0; }
.cover .stack { display: flex; height: 5mm; margin-top: 10mm; border-radius: 1mm; overflow: hidden; gap: 0.6mm; }
.cover .stack span { flex-basis: 0; background: var(--tone); }
.cover .chips { display: flex; flex-wrap: wrap; gap: 2mm; margin-top: 4mm; }
.cover .foot { padding: 0 20mm 14mm; font-size: 8pt; color: var(--muted); }
.chip { display: inline-flex; align-items: center; gap: 1.5mm; border: 0.8pt solid var(--tone, var(--rule)); border-radius: 10pt; padding: 0.6mm 2.6mm; font-size: 8.5pt; }
.chip b { color: var(--tone, var(--ink)); }

/* Contents and summary */
.break-after { break-after: page; page-break-after: always; }
.front { margin-bottom: 6mm; }
ol.toc { list-style: none; padding: 0; margin: 0 0 9mm; }
ol.toc li { display: flex; gap: 2mm; padding: 1.2mm 0; border-bottom: 0.5pt dotted var(--rule); }
ol.toc li.sub { padding-left: 6mm; font-size: 9.5pt; }
ol.toc .label { flex: 1; }
ol.toc .where { color: var(--muted); font-variant-numeric: tabular-nums; }
.summary-chart { width: 100%; max-width: 170mm; margin: 2mm 0 5mm; }
.summary-chart text { font-family: ${SANS}; }
table.figures { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
table.figures th, table.figures td { text-align: left; padding: 1.4mm 2mm; border-bottom: 0.5pt solid var(--rule); }
table.figures td.num, table.figures th.num { text-align: right; font-variant-numeric: tabular-nums; }

/* Claims */
.claim { break-inside: avoid; page-break-inside: avoid; border: 0.6pt solid var(--rule); border-left: 3pt solid var(--tone, var(--rule)); border-radius: 1.5mm; padding: 3.2mm 4mm 2.6mm; margin: 0 0 4mm; }
.claim-head { display: flex; align-items: flex-start; gap: 3mm; margin-bottom: 2mm; }
.claim-no { flex: none; min-width: 7mm; height: 7mm; border-radius: 3.5mm; background: var(--soft); color: var(--muted); font-size: 8.5pt; font-weight: 700; display: flex; align-items: center; justify-content: center; padding: 0 1.5mm; }
.statement { flex: 1; font-size: 11pt; font-weight: 700; }
.pill { flex: none; background: var(--tone); color: #fff; font-size: 8pt; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; border-radius: 1mm; padding: 1mm 2.2mm; white-space: nowrap; }
.pill.none { background: transparent; color: var(--muted); border: 0.6pt solid var(--rule); }
blockquote.quote { font-family: ${SERIF}; font-style: italic; font-size: 10.5pt; margin: 0 0 2.5mm 10mm; padding: 0.5mm 0 0.5mm 3mm; border-left: 1.2pt solid var(--rule); color: #2d3545; }
dl.facts { display: grid; grid-template-columns: 24mm 1fr; gap: 0.8mm 3mm; margin: 0 0 2mm 10mm; font-size: 9pt; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.bundle { display: grid; grid-template-columns: 40mm 1fr; gap: 1.2mm 4mm; margin: 2mm 0 4mm; font-size: 9pt; }
dl.bundle dt { padding-top: 0.4mm; }
dl.bundle dd { margin: 0; }
.hop-role { color: var(--muted); font-size: 8pt; }
.arrow { color: var(--muted); padding: 0 1mm; }
.cite { color: var(--accent); font-size: 7.5pt; vertical-align: super; line-height: 0; padding-left: 0.4mm; }
.note { margin: 0 0 2mm 10mm; padding: 2mm 3mm; background: var(--soft); border-radius: 1mm; font-size: 9.5pt; }
.note .why { font-weight: 700; color: var(--tone, var(--ink)); }
.evidence { margin: 0 0 1.5mm 10mm; font-size: 9pt; }
.evidence h4, .notes h4 { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 1mm; }
.evidence ul { list-style: none; margin: 0; padding: 0; }
.evidence li { padding: 0.8mm 0; }
.stance { display: inline-block; min-width: 19mm; font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
.stance-supports { color: ${TONE_COLOURS.true}; }
.stance-contradicts { color: ${TONE_COLOURS.false}; }
.stance-context { color: ${TONE_COLOURS.neutral}; }
.evidence q, .evidence .evidence-quote { font-family: ${SERIF}; font-style: italic; }
.tags { margin: 0 0 0 10mm; display: flex; flex-wrap: wrap; gap: 1.5mm; }
.tag { font-size: 7.5pt; background: var(--soft); border-radius: 1mm; padding: 0.3mm 1.8mm; color: var(--muted); }
.notes { margin: 1.5mm 0 0 10mm; font-size: 9pt; }
.claim-ref { margin: 0 0 3mm; padding: 1.5mm 3mm; font-size: 9pt; border-left: 3pt solid var(--tone, var(--rule)); background: var(--soft); }

/* Sources and verification */
ol.sources { list-style: none; padding: 0; margin: 0; font-size: 9pt; }
ol.sources li { display: flex; gap: 3mm; padding: 1.6mm 0; border-bottom: 0.5pt solid var(--rule); break-inside: avoid; page-break-inside: avoid; }
ol.sources .n { flex: none; width: 8mm; color: var(--accent); font-weight: 700; }
.mono { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 7.5pt; word-break: break-all; color: var(--muted); }
.history { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }
.history h3 { font-size: 9.5pt; margin: 0 0 1mm; }
.history ul { list-style: none; margin: 0; padding: 0 0 0 4mm; font-size: 8.5pt; }
.history .when { font-variant-numeric: tabular-nums; color: var(--muted); }
.history .who { font-weight: 700; }
`;
