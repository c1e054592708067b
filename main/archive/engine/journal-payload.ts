// What a journal record holds, checked when it is read (the framing's checksum only proves the bytes
// are the ones written, not that they are a change Claimdesk wrote): {s: change number, v: schema
// version it was written under (absent in journals of older versions), q: recorded statements}.
// A record that fails is reported by its place in the journal and never applied.
import { z } from 'zod';
import type { RecordedStatement } from './database';

/** The only statements the archive journals (Database.run): row writes, never schema or pragmas. */
const WRITE_OP = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

const Param = z.union([z.string(), z.number(), z.null()], { error: 'a parameter must be a string, a number or null' });

const Statement = z.tuple(
  [
    z.string({ error: 'the SQL must be a string' }).regex(WRITE_OP, {
      error: (issue) => `unknown operation "${firstWord(issue.input)}" (a change only inserts, updates or deletes rows)`,
    }),
    z.array(Param, { error: 'the parameters must be a list' }),
    z.number({ error: 'the row id must be a number' }).int({ error: 'the row id must be a whole number' }).optional(),
  ],
  { error: 'a statement must be [sql, parameters, row id?]' },
);

const Payload = z.object(
  {
    s: z
      .number({ error: 'the change number must be a number' })
      .int()
      .positive({ error: 'the change number must be a positive whole number' }),
    v: z
      .number({ error: 'the schema version must be a number' })
      .int()
      .positive({ error: 'the schema version must be a positive whole number' })
      .optional(),
    q: z.array(Statement, { error: 'the statements must be a list' }).min(1, { error: 'the record holds no statement' }),
  },
  { error: 'the record must be a JSON object' },
);

export interface RecordContent {
  seq: number;
  /** Schema version the record was written under; undefined in journals of older versions. */
  version?: number;
  statements: RecordedStatement[];
}

export type ParsedPayload = { ok: true; record: RecordContent } | { ok: false; problem: string; seq: number | null };

export function payloadJson(record: RecordContent): string {
  return JSON.stringify(
    record.version === undefined ? { s: record.seq, q: record.statements } : { s: record.seq, v: record.version, q: record.statements },
  );
}

/** Parses and checks one record's payload; a failure says what is wrong and where. */
export function parsePayload(text: string): ParsedPayload {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `its content is not valid JSON (${(err as Error).message})`, seq: null };
  }
  const parsed = Payload.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const seq = Payload.shape.s.safeParse((json as { s?: unknown } | null)?.s).data ?? null;
    return { ok: false, problem: `${issue.message}${where(issue.path)}`, seq };
  }
  const { s, v, q } = parsed.data;
  return { ok: true, record: { seq: s, version: v, statements: q as RecordedStatement[] } };
}

/** " (statement 2, parameter 1)" for a path like q.1.1.0. */
function where(path: PropertyKey[]): string {
  if (path[0] !== 'q' || typeof path[1] !== 'number') return '';
  const parts = [`statement ${path[1] + 1}`];
  if (path[2] === 1 && typeof path[3] === 'number') parts.push(`parameter ${path[3] + 1}`);
  return ` (${parts.join(', ')})`;
}

function firstWord(input: unknown): string {
  return String(input).trim().split(/\s+/)[0].slice(0, 20);
}
