// Runs the CLI in-process as a script would: captured stdout, stderr and exit code.
import { runCli } from '../../../main/cli/run';
import type { CliIo } from '../../../main/cli/io';

export async function cli(args: string[], stdin = '') {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
    readStdin: async () => stdin,
  };
  const code = await runCli(args, io as CliIo);
  return { code, stdout: io.stdout, stderr: io.stderr, json: () => JSON.parse(io.stdout) };
}
