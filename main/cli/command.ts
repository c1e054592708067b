// What a `claimdesk` command is: its options, usage line and what it does over the services.
import type { ParseArgsConfig } from 'node:util';
import type { Services } from '../services';
import { UsageError, type CliIo } from './io';

export interface CliContext {
  io: CliIo;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  json: boolean;
  /** Opens the archive named by --archive (only for commands that need one). */
  services(): Promise<Services>;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CliContext): Promise<number | void>;
}

export const archiveOption = { archive: { type: 'string' } } as const;

/** Values of a repeatable or comma-separated option as one list. */
export function list(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);
}

/** A positive integer id from a positional argument, or a usage error naming it. */
export function parseId(value: string | undefined, what = 'ID'): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive whole number, got "${value ?? ''}"`);
  return n;
}
