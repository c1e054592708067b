// `claimdesk export`: a report or an exchange file of the archive (or the claims a search finds).
// PDF is printed by a Chromium found on this machine ($CHROMIUM_PATH or the system one).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportArchive, EXPORT_FORMATS } from '../../reports';
import { printJson, UsageError } from '../io';
import { archiveOption, type CliCommand } from '../command';
import { checkOverwrite } from '../archive-state';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `export --archive DIR --format ${EXPORT_FORMATS.join('|')} [--search Q] [--title T] [--author A] [--verifiable] --out FILE [--force] [--json]`,
  summary:
    "write a report (pdf, html, md), an exchange file (csv, json, claimreview) or citations of the claims' source articles (csl-json, bibtex, ris)",
  options: {
    ...archiveOption,
    format: { type: 'string' },
    search: { type: 'string' },
    query: { type: 'string' },
    out: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string' },
    verifiable: { type: 'boolean' },
    force: { type: 'boolean' },
  },
  async run(ctx) {
    const { format, out, title, author, verifiable } = ctx.values;
    if (typeof format !== 'string') throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
    if (typeof out !== 'string' || !out) throw new UsageError('--out FILE is required');
    const search =
      typeof ctx.values.search === 'string' ? ctx.values.search : typeof ctx.values.query === 'string' ? ctx.values.query : undefined;
    const s = await ctx.services();
    checkOverwrite(s.archive.info(), existsSync(resolve(out)), out, ctx.values.force === true);
    const result = await exportArchive(s.archive, {
      format,
      out: resolve(out),
      search,
      report: {
        ...(typeof title === 'string' ? { title } : {}),
        ...(typeof author === 'string' ? { author } : {}),
        verifiable: verifiable === true,
      },
    });
    if (ctx.json) printJson(ctx.io, result);
    else if (result.articles !== undefined)
      ctx.io.err(
        `Wrote citations of ${result.articles} article${result.articles === 1 ? '' : 's'} (the sources of ${result.claims} claim${result.claims === 1 ? '' : 's'}) as ${result.format} to ${result.out} (${result.bytes.toLocaleString()} bytes).`,
      );
    else
      ctx.io.err(
        `Wrote ${result.claims} claim${result.claims === 1 ? '' : 's'} as ${result.format} to ${result.out} (${result.bytes.toLocaleString()} bytes).`,
      );
  },
};
