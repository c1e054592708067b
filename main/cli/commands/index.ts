// Every `claimdesk` command, in the order --help lists them (contract: docs/cli.md).
import type { Command } from '../command';
import { claimsCommand, statusCommand, tagCommand, verdictCommand } from './claims';

export const commands: Command[] = [claimsCommand, statusCommand, verdictCommand, tagCommand];
