// Import commands: files into an archive, one file to claims without an archive, and scoring.
import { resolve } from 'node:path';
import { extractClaims, scoreSentences } from '../../extraction';
import { parseFile } from '../../importers';
import { AppError } from '../../../shared/errors';
import { acceptAbove } from '../../app/suggestions';
import { describeArchiveImport } from '../../../shared/import-summary';
import { openPaths } from '../../app/open-paths';
import { printJson, UsageError } from '../io';
import { archiveOption, type CliCommand } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import --archive DIR PATH... [--accept-above T] [--json]',
  summary:
    'import files and folders (folders recurse; creates the archive if missing); a .claimdesk archive file is restored into an empty archive or merged into this one; proposed claims wait for review unless --accept-above T accepts those scoring at least T; non-zero exit if any file failed',
  options: { ...archiveOption, 'accept-above': { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import: at least one PATH is required');
    const acceptRaw = ctx.values['accept-above'];
    const accept = acceptRaw === undefined ? null : Number(acceptRaw);
    if (accept !== null && !(accept >= 0 && accept <= 1)) throw new UsageError('--accept-above must be a number from 0 to 1');
    const s = await ctx.services();
    // The same path as files dropped on the app, so a .claimdesk file merges here too.
    // Duplicates too: an article stored by an interrupted run still has its suggestions pending.
    const articles: number[] = [];
    const paths = ctx.positionals.map((p) => resolve(p));
    const summary = await openPaths(s, paths, { onArticle: (id) => articles.push(id) });
    if (accept !== null) for (const id of articles) await acceptAbove(s.archive, id, accept);
    const { imported, duplicates, failed, archives } = summary;
    // `archives` only when .claimdesk files were given: the documented shape stays as it was.
    if (ctx.json) printJson(ctx.io, { imported, duplicates, failed, ...(archives ? { archives } : {}) });
    else {
      ctx.io.out(`${imported} imported, ${duplicates} duplicate${duplicates === 1 ? '' : 's'} skipped, ${failed.length} failed`);
      for (const a of archives ?? []) ctx.io.out(describeArchiveImport(a));
      for (const f of failed) ctx.io.err(`failed: ${f.path}: ${f.error}`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};

export const extractCommand: CliCommand = {
  name: 'extract',
  usage: 'extract FILE [--threshold T] [--json]',
  summary: 'read one article and print its metadata and proposed claims, without any archive',
  options: { threshold: { type: 'string' } },
  async run(ctx) {
    const [file] = ctx.positionals;
    if (!file || ctx.positionals.length > 1) throw new UsageError('extract: exactly one FILE is required');
    const threshold = ctx.values.threshold === undefined ? undefined : Number(ctx.values.threshold);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UsageError('--threshold must be a number from 0 to 1');
    const parsed = await parseFile(resolve(file));
    if (parsed.kind !== 'article')
      throw new AppError('UNSUPPORTED_FORMAT', `${parsed.source.name} is a claim list, not an article: use "claimdesk import" for it`);
    const { title, outlet, author, published, language, url, text, wireAgency } = parsed.article;
    const { claims } = extractClaims({ text, published, language, wireAgency, outlet }, { threshold });
    const out = {
      article: { title, outlet, author, published, language, url, wireAgency, text },
      claims: claims.map(({ quote, start, end, statement, claimant, attribution, kind, score, entities, date, resolveBy }) => ({
        quote,
        start,
        end,
        statement,
        claimant,
        attribution,
        kind,
        score,
        entities,
        date,
        resolveBy,
      })),
    };
    if (ctx.json) printJson(ctx.io, out);
    else {
      ctx.io.out(`${title}${outlet ? ` (${outlet})` : ''}${published ? `, ${published}` : ''}`);
      for (const c of out.claims) ctx.io.out(`- [${c.score.toFixed(2)}] ${c.claimant ?? 'the article'}: ${c.statement}`);
    }
  },
};

export const checkworthyCommand: CliCommand = {
  name: 'checkworthy',
  usage: 'checkworthy < sentences.txt',
  summary: 'score sentences (one per line on stdin) for check-worthiness; prints one score in [0,1] per line, same order',
  options: {},
  async run(ctx) {
    const input = await ctx.io.readStdin();
    const lines = input.split(/\r?\n/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    const scores = scoreSentences(lines);
    if (ctx.json) printJson(ctx.io, scores);
    else if (scores.length) ctx.io.out(scores.map((s) => s.toFixed(4)).join('\n'));
  },
};
