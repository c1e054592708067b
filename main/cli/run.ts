// `claimdesk`: the command-line tool over the same services as the app (see docs/cli.md).
import { parseArgs } from 'node:util';
import { toApiError } from '../../shared/errors';
import type { Services } from '../services';
import { APP_VERSION } from '../version';
import { commands } from './commands';
import type { CliCommand, CliContext } from './command';
import { processIo, terminalSafe, UsageError, type CliIo } from './io';
import { openArchiveForCli } from './archive-state';

function usage(): string {
  const rows = commands.map((c) => `  claimdesk ${c.usage}\n      ${c.summary}`);
  return [
    `Claimdesk ${APP_VERSION}: track the factual claims made in news articles.`,
    '',
    'Usage:',
    ...rows,
    '',
    'Every command accepts --json for machine-readable output on stdout; messages go to stderr.',
    'Exit status is 0 on success and non-zero on any failure.',
    '  claimdesk --help | --version',
  ].join('\n');
}

export async function runCli(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  const io = terminalSafe(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`claimdesk: unknown command "${name}". Run "claimdesk --help" for the list.`);
    return 2;
  }
  let services: Services | null = null;
  try {
    const { values, positionals } = parseCommandArgs(command, rest) as { values: CliContext['values']; positionals: string[] };
    if (values.help) {
      io.out(`Usage: claimdesk ${command.usage}\n${command.summary}`);
      return 0;
    }
    const ctx = {
      io,
      values,
      positionals,
      json: Boolean(values.json),
      services: async () => {
        if (!services) {
          if (typeof values.archive !== 'string' || !values.archive) throw new UsageError(`${command.name}: --archive DIR is required`);
          services = await openArchiveForCli(values.archive, io);
        }
        return services;
      },
    };
    const code = await command.run(ctx);
    return code ?? 0;
  } catch (err) {
    const e = toApiError(err);
    io.err(`claimdesk ${command.name}: ${e.message}`);
    return e.code === 'INVALID_ARGUMENT' ? 2 : 1;
  } finally {
    if (services) await (services as Services).close();
  }
}

function parseCommandArgs(command: CliCommand, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(`${command.name}: ${err instanceof Error ? err.message : String(err)}. Usage: claimdesk ${command.usage}`);
  }
}
