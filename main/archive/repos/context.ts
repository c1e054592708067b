// What every repository needs: SQL access, the durable write wrapper, who is acting, and a clock.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { Sql } from '../engine/database';

/** What the repository functions read and write with. */
export interface RepoBase {
  sql: Sql;
  actor: string;
  /** ISO timestamp, strictly increasing within the process (history order follows it). */
  now(): string;
}

/**
 * 'async': every write is its own durable transaction and returns a promise (the normal API).
 * 'sync': inside archive.transaction(tx => …), writes return their value at once and become
 * durable together when the transaction's promise resolves.
 */
export type WriteMode = 'async' | 'sync';
export type Written<M extends WriteMode, T> = M extends 'sync' ? T : Promise<T>;

export interface RepoContext<M extends WriteMode = 'async'> extends RepoBase {
  /** Runs synchronous SQL as one transaction (see Store.write), or as part of the open one. */
  write<T>(fn: () => T): Written<M, T>;
}

export function monotonicClock(): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last).toISOString();
  };
}

/** Validates input with its zod schema; failures become INVALID_ARGUMENT with the field named. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new AppError('INVALID_ARGUMENT', `Invalid ${what}${where}: ${issue.message}`);
}

export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} does not exist.`);
}

/** A LIKE pattern for "starts with `text`", wildcards in it escaped (used with ESCAPE '\\'). */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
