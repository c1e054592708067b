// `claimdesk similar`: claims like a claim or a text, best first (contract: docs/cli.md).
import { archiveOption, parseId, type CliCommand } from '../command';
import { printJson, UsageError } from '../io';

export const similarCommand: CliCommand = {
  name: 'similar',
  usage: 'similar --archive DIR (--claim ID | --text TEXT) [--limit N] [--json]',
  summary: 'claims that say the same thing as a claim or a text, best first',
  options: { ...archiveOption, claim: { type: 'string' }, text: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const { claim, text, limit } = ctx.values;
    if ((claim === undefined) === (text === undefined)) throw new UsageError('similar: give exactly one of --claim ID or --text TEXT');
    const n = limit === undefined ? 10 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200)
      throw new UsageError(`similar: --limit must be a whole number from 1 to 200, got "${String(limit)}"`);
    const target = claim !== undefined ? { claimId: parseId(String(claim), '--claim') } : { text: String(text) };
    const s = await ctx.services();
    const hits = s.crossref.similar(target, { limit: n });
    if (ctx.json)
      printJson(
        ctx.io,
        hits.map(({ claimId, score, text: t, negationMismatch }) => ({ claimId, score, text: t, negationMismatch })),
      );
    else
      for (const h of hits)
        ctx.io.out(`#${h.claimId} ${h.score.toFixed(2)}${h.negationMismatch ? ' (negated)' : ''} ${h.text.replace(/\s+/g, ' ')}`);
  },
};

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search --archive DIR QUERY [--limit N] [--json]',
  summary: 'ranked claims and articles matching a query (words, "phrases", prefix*)',
  options: { ...archiveOption, limit: { type: 'string' } },
  async run(ctx) {
    const query = ctx.positionals.join(' ').trim();
    if (!query) throw new UsageError('search: QUERY is required');
    const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new UsageError(`search: --limit must be a whole number from 1 to 200, got "${String(ctx.values.limit)}"`);
    const s = await ctx.services();
    const result = s.crossref.search(query, { limit });
    if (ctx.json) printJson(ctx.io, result);
    else {
      for (const c of result.claims) ctx.io.out(`claim #${c.claimId} ${c.score.toFixed(2)} ${c.text.replace(/\s+/g, ' ')}`);
      for (const a of result.articles) ctx.io.out(`article #${a.articleId} ${a.title}${a.outlet ? ` (${a.outlet})` : ''}`);
    }
  },
};
