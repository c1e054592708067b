// `claimdesk verify REPORT.pdf [--archive DIR]`: re-checks a verifiable report's embedded bundle
// (ClaimReview JSON-LD, source hashes, verdict histories) and, given the archive, compares it with
// what the archive holds now. Exit 0 only when everything matches.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { readPdfFile, verifyReportPdf, type VerifyCheck, type VerifyResult } from '../../reports/verify';
import { printJson, UsageError, type CliIo } from '../io';
import { archiveOption, type CliCommand } from '../command';

const MARK = { match: '✓', differs: '✗', missing: '?' } as const;

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify REPORT.pdf [--archive DIR] [--json]',
  summary:
    'check a verifiable PDF report: its attached claimreview.jsonld, sources.json and verdict-history.json against manifest.json, and with --archive each source file, text and verdict against the archive; exit 0 only if all match',
  options: { ...archiveOption },
  async run(ctx) {
    if (ctx.positionals.length !== 1)
      throw new UsageError(`verify takes one PDF file, got ${ctx.positionals.length}. Usage: claimdesk ${this.usage}`);
    const file = ctx.positionals[0];
    const pdf = readPdfFile(resolve(file));
    let archive;
    if (typeof ctx.values.archive === 'string') {
      if (!existsSync(resolve(ctx.values.archive))) throw new AppError('NOT_FOUND', `No archive at ${ctx.values.archive}.`);
      archive = (await ctx.services()).archive;
    }
    const result = await verifyReportPdf(pdf, { archive, label: file });
    if (ctx.json) printJson(ctx.io, { file, ...result });
    else printResult(ctx.io, file, result);
    return result.ok ? 0 : 1;
  },
};

const line = (c: VerifyCheck) => `  ${MARK[c.status]} ${c.status.padEnd(7)} ${c.subject}: ${c.detail}`;

function printResult(io: CliIo, file: string, r: VerifyResult): void {
  const of = (...kinds: VerifyCheck['kind'][]) => r.checks.filter((c) => kinds.includes(c.kind));
  const lines = [
    `${file}: “${r.report.title}”, bundle ${r.report.reportId}, made ${r.report.created.slice(0, 16).replace('T', ' ')} UTC by ${r.report.generator}`,
    `Attached: ${r.attachments.map((a) => `${a.name} (${a.bytes.toLocaleString()} bytes)`).join(', ')}`,
    '',
    'The bundle itself:',
    ...of('attachment', 'claimreview').map(line),
  ];
  if (r.archive) {
    lines.push('', `Sources against the archive ${r.archive}:`, ...of('source-original', 'source-text').map(line));
    // Claims: a line for each that differs or is missing, one line for all that match.
    const claims = of('claim-statement', 'claim-verdict', 'claim-history');
    const subjects = [...new Set(claims.map((c) => c.subject))];
    const clean = subjects.filter((s) => claims.every((c) => c.subject !== s || c.status === 'match'));
    lines.push(`Claims against the archive (${subjects.length}):`);
    if (clean.length > 0)
      lines.push(
        `  ${MARK.match} match   ${clean.length === subjects.length ? 'all' : clean.length} claim${clean.length === 1 ? '' : 's'}: statement, verdict and verdict history as in the report`,
      );
    lines.push(...claims.filter((c) => c.status !== 'match').map(line));
  } else lines.push('', 'Checked the bundle only; add --archive DIR to compare its sources and verdicts with the archive.');
  const total = r.checks.length;
  lines.push(
    '',
    r.ok
      ? `Everything matches (${total} check${total === 1 ? '' : 's'}).`
      : `Does not match: ${r.counts.differs} differ${r.counts.differs === 1 ? 's' : ''}, ${r.counts.missing} missing, ${r.counts.match} of ${total} match.`,
  );
  io.out(lines.join('\n'));
}
