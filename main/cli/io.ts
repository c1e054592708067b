// Output helpers: results on stdout (JSON with --json), messages on stderr, errors as exit codes.
import { AppError } from '../../shared/errors';
import { escapeBidiInJson, showBidiControls } from '../util/bidi';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/**
 * The io every command writes through: bidi controls in archive text (a claimant "Kim <U+202E>gnoJ")
 * are shown as visible code points, so they cannot reorder a line on the terminal.
 */
export function terminalSafe(io: CliIo): CliIo {
  return { out: (text) => io.out(showBidiControls(text)), err: (text) => io.err(showBidiControls(text)), readStdin: () => io.readStdin() };
}

export class UsageError extends AppError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  // As \u202e escapes: the same string to any JSON reader, inert on a terminal.
  io.out(escapeBidiInJson(JSON.stringify(value, null, 2)));
}
