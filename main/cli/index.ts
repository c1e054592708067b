#!/usr/bin/env node
// Entry of the `claimdesk` binary. The logic is in run.ts so tests can drive it in-process.
import { runCli } from './run';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
