// Import commands: files into an archive, one file to claims without an archive, and scoring.
import { resolve } from 'node:path';
import { printJson, UsageError } from '../io';
import { archiveOption, type Command } from '../command';

export const importCommand: Command = {
  name: 'import',
  usage: 'import --archive DIR PATH... [--json]',
  summary: 'import files and folders (folders recurse; creates the archive if missing); non-zero exit if any file failed',
  options: { ...archiveOption },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import: at least one PATH is required');
    const s = await ctx.services();
    const summary = await s.imports.importPaths(ctx.positionals.map((p) => resolve(p)));
    const { imported, duplicates, failed } = summary;
    if (ctx.json) printJson(ctx.io, { imported, duplicates, failed });
    else {
      ctx.io.out(`${imported} imported, ${duplicates} duplicate${duplicates === 1 ? '' : 's'} skipped, ${failed.length} failed`);
      for (const f of failed) ctx.io.err(`failed: ${f.path}: ${f.error}`);
    }
    return failed.length > 0 ? 1 : 0;
  },
};

