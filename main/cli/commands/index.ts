// Every `claimdesk` command, in the order --help lists them (contract: docs/cli.md).
import type { CliCommand } from '../command';
import { claimsCommand, statusCommand, tagCommand, verdictCommand } from './claims';
import { searchCommand, similarCommand } from './crossref';
import { exportCommand } from './exports';
import { checkworthyCommand, extractCommand, importCommand } from './imports';
import { verifyCommand } from './verify';
import { collectionsCommand } from './collections';
import { syncCommand } from './sync';
import { conflictCommand } from './conflicts';

export const commands: CliCommand[] = [
  importCommand,
  extractCommand,
  checkworthyCommand,
  claimsCommand,
  statusCommand,
  verdictCommand,
  tagCommand,
  collectionsCommand,
  searchCommand,
  similarCommand,
  exportCommand,
  verifyCommand,
  syncCommand,
  conflictCommand,
];
