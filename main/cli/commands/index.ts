// Every `claimdesk` command, in the order --help lists them (contract: docs/cli.md).
import type { Command } from '../command';
import { claimsCommand, statusCommand, tagCommand, verdictCommand } from './claims';
import { importCommand } from './imports';

export const commands: Command[] = [importCommand, claimsCommand, statusCommand, verdictCommand, tagCommand];
