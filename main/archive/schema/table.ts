// One description per table: each column's SQL type, nullability and default, and what the code does
// with it — the domain field it is read as, whether a patch may edit it, whether the merge log's
// fingerprint covers it, how the `.claimdesk` file carries it. SELECT lists, INSERT statements, patch
// columns, fingerprints and the file's zod records are derived from here (helpers below), and
// `tests/unit/archive/schema-descriptors.test.ts` compares every description with `PRAGMA table_info`
// of a freshly migrated archive. The migrations stay as written: they are the history of the schema;
// a new migration's columns are added here too, or that test fails.
import { z } from 'zod';

export type SqlType = 'INTEGER' | 'TEXT' | 'REAL';
/** A value bound to a statement (what the journal can store). */
export type Param = string | number | null;

/** How the `.claimdesk` file carries a column that is not a field of its own record. */
export type Carried =
  /** Inside another field of a record (a claim's `tags`, an entity's `aliases`): it round-trips. */
  | { via: string }
  /** Not in the file, and why. */
  | { local: string };

export interface Column {
  type: SqlType;
  notNull?: true;
  /** Position in the primary key, from 1 (PRAGMA table_info's `pk`). */
  pk?: number;
  /** The DEFAULT as SQLite reports it (PRAGMA table_info's `dflt_value`): `''`, `'[]'`, `0`… */
  sqlDefault?: string;
  /** Its name in the domain (camelCase; `source.sha256` is a field of the nested `source`). */
  field?: string;
  /** A field of the table's domain record (Claim, Article…): in its SELECT list. */
  record?: true;
  /** Stored as JSON text; read back as this when the text is not JSON. */
  json?: 'array' | 'object' | 'value';
  /** Editable through the table's patch (ClaimPatch, ArticlePatch). */
  patch?: true;
  /**
   * Covered by the merge log's fingerprint (repos/merge-log.ts). Never change this on a shipped
   * column, nor set it on a new one: fingerprints stored by earlier merges would stop matching and
   * their undo would refuse.
   */
  tracked?: true;
  /** The `.claimdesk` file: the zod check of the record field `field`, or how else it is carried. */
  file?: z.ZodType | Carried;
  /** Written when a record leaves the field out (files written before the column existed). */
  missing?: Param;
}

export interface Table<C extends Record<string, Column> = Record<string, Column>> {
  /** SQL table name. */
  name: string;
  /** Every column, in the order of PRAGMA table_info. */
  columns: C;
  /** The whole table stays out of the `.claimdesk` file, and why. */
  local?: string;
}

export function defineTable<const C extends Record<string, Column>>(name: string, columns: C, opts: { local?: string } = {}): Table<C> {
  return { name, columns, ...opts };
}

type Entry = [string, Column];
const entries = (t: Table): Entry[] => Object.entries(t.columns);
const isZod = (file: Column['file']): file is z.ZodType => file instanceof z.ZodType;

/** Column names (in table order) whose description passes `pick`. */
export function columnNames(t: Table, pick: (c: Column, name: string) => boolean): string[] {
  return entries(t)
    .filter(([n, c]) => pick(c, n))
    .map(([n]) => n);
}

/** The columns the `.claimdesk` file carries (as a field of their record, or inside another). */
export function carriedColumns(t: Table): string[] {
  return t.local ? [] : columnNames(t, (c) => c.file !== undefined && (isZod(c.file) || 'via' in c.file));
}

/** The columns a new record is written with: its domain fields but the id. */
export function newRecordColumns(t: Table): string[] {
  return columnNames(t, (c) => c.record === true && c.pk === undefined);
}

const quoteAlias = (field: string) => `"${field}"`;

/**
 * `c.id, c.article_id AS "articleId", …`: the columns `pick` selects (default: the domain record's),
 * each named by its domain field.
 */
export function selectList(t: Table, alias: string, pick: (c: Column, name: string) => boolean = (c) => c.record === true): string {
  return entries(t)
    .filter(([n, c]) => pick(c, n))
    .map(([n, c]) => {
      const field = c.field ?? n;
      return `${alias}.${n}${field === n ? '' : ` AS ${quoteAlias(field)}`}`;
    })
    .join(', ');
}

/** `INSERT INTO t (a, b) VALUES (?, ?)` for these columns. */
export function insertSql(t: Table, names: readonly string[]): string {
  for (const n of names) if (!(n in t.columns)) throw new Error(`${t.name} has no column ${n}`);
  return `INSERT INTO ${t.name} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
}

function valueAt(record: object, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

/** The values for `insertSql(t, names)` from a domain record (JSON-encoded where stored as JSON). */
export function rowValues(t: Table, names: readonly string[], record: object): Param[] {
  return names.map((n) => {
    const c = t.columns[n];
    const value = valueAt(record, c.field ?? n);
    if (c.json) return value === undefined && c.missing !== undefined ? c.missing : JSON.stringify(value ?? null);
    return value === undefined ? (c.missing ?? null) : (value as Param);
  });
}

/** The patch's fields and the columns they write: `{ claimDate: 'claim_date', … }`. */
export function patchColumns(t: Table): Record<string, string> {
  return Object.fromEntries(entries(t).flatMap(([n, c]) => (c.patch ? [[c.field ?? n, n]] : [])));
}

/** Fields stored as JSON, with what reads back when the text is not JSON. */
export function jsonFields(t: Table): [field: string, fallback: () => unknown][] {
  const fallbacks = { array: () => [], object: () => ({}), value: () => null };
  return entries(t).flatMap(([n, c]) => (c.json ? [[c.field ?? n, fallbacks[c.json]] as [string, () => unknown]] : []));
}

/** A row read with `selectList`, its JSON fields decoded. */
export function decodeRow<T>(t: Table, row: object, fields = jsonFields(t)): T {
  const out: Record<string, unknown> = { ...row };
  for (const [field, fallback] of fields) {
    if (!(field in out)) continue;
    const text = out[field];
    try {
      out[field] = typeof text === 'string' ? JSON.parse(text) : fallback();
    } catch {
      out[field] = fallback();
    }
  }
  return out as T;
}

/** The `.claimdesk` record's fields this table carries itself: `{ articleId: Id.nullable(), … }`. */
export function fileShape<C extends Record<string, Column>, const P extends string = string>(
  t: Table<C>,
  only?: readonly P[],
): FileShape<C, P> {
  const shape: Record<string, z.ZodType> = {};
  for (const [n, c] of entries(t)) {
    const field = c.field ?? n;
    if (isZod(c.file) && (!only || (only as readonly string[]).includes(field))) shape[field] = c.file;
  }
  return shape as FileShape<C, P>;
}

// --- Types derived from a description, for compile-time checks against the domain interfaces. ---

type FieldOf<Name, C> = C extends { field: infer F extends string } ? F : Name & string;
type Top<F extends string> = F extends `${infer Head}.${string}` ? Head : F;

/** The domain record's fields (a nested `source.sha256` counts as `source`). */
export type RecordFields<T extends Table> = {
  [K in keyof T['columns']]: T['columns'][K] extends { record: true } ? Top<FieldOf<K, T['columns'][K]>> : never;
}[keyof T['columns']];
/** The fields a patch may edit. */
export type PatchFields<T extends Table> = {
  [K in keyof T['columns']]: T['columns'][K] extends { patch: true } ? FieldOf<K, T['columns'][K]> : never;
}[keyof T['columns']];
/** Every column's domain name. */
export type FieldNames<T extends Table> = { [K in keyof T['columns']]: Top<FieldOf<K, T['columns'][K]>> }[keyof T['columns']];

export type FileShape<C extends Record<string, Column>, P extends string = string> = {
  [K in keyof C as C[K] extends { file: z.ZodType } ? (FieldOf<K, C[K]> extends P ? FieldOf<K, C[K]> : never) : never]: C[K] extends {
    file: infer Z extends z.ZodType;
  }
    ? Z
    : never;
};

/** True when A and B are the same type (used as `Assert<Same<…>>`: a mismatch fails `tsc`). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Assert<T extends true> = T;
