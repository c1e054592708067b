// Walks the API contract's zod schemas: every array in them (to check each has a maximum), a plain
// value each schema accepts, and argument lists that are valid but for one thing (a huge array, a
// key given as undefined), for the fuzz tests.
import type { z } from 'zod';
import { contract, type MethodName } from '../../../main/api/contract';

interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.ZodType;

const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schemas directly inside one, each with the path step that leads to it. */
function children(s: Schema): [string, Schema][] {
  const d = defOf(s);
  if (WRAPPERS.has(d.type)) return [['', d.innerType as Schema]];
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape as Record<string, Schema>).map(([k, v]) => [`.${k}`, v]);
    case 'array':
      return [['[]', d.element as Schema]];
    case 'tuple':
      return [
        ...(d.items as Schema[]).map((v, i): [string, Schema] => [`[${i}]`, v]),
        ...(d.rest ? [['[…]', d.rest as Schema] as [string, Schema]] : []),
      ];
    case 'union':
      return (d.options as Schema[]).map((v, i) => [`<${i}>`, v]);
    case 'pipe':
      return [
        ['', d.in as Schema],
        ['', d.out as Schema],
      ];
    case 'intersection':
      return [
        ['', d.left as Schema],
        ['', d.right as Schema],
      ];
    case 'record':
      return [
        ['{key}', d.keyType as Schema],
        ['{}', d.valueType as Schema],
      ];
    case 'lazy':
      return [['', (d.getter as () => Schema)()]];
    default:
      return [];
  }
}

/** The maximum length an array schema allows, if it has one. */
export function arrayMax(s: Schema): number | undefined {
  const checks = (defOf(s).checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined) ?? [];
  return checks.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum;
}

/** Every array schema reachable from `root`, with its path. */
export function arraysIn(root: Schema, path = ''): { path: string; schema: Schema }[] {
  const own = defOf(root).type === 'array' ? [{ path, schema: root }] : [];
  return [...own, ...children(root).flatMap(([step, child]) => arraysIn(child, path + step))];
}

/** A value the schema accepts, or nearly: strings with a pattern may still be refused (that is fine here). */
export function sample(s: Schema): unknown {
  const d = defOf(s);
  switch (d.type) {
    case 'string':
      return 'x';
    case 'number':
      return 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'optional':
    case 'default':
    case 'prefault':
      return undefined;
    case 'nullable':
      return null;
    case 'object':
      return Object.fromEntries(
        Object.entries(d.shape as Record<string, Schema>)
          .map(([k, v]) => [k, sample(v)])
          .filter(([, v]) => v !== undefined),
      );
    case 'array':
      return [];
    case 'tuple':
      return (d.items as Schema[]).map(sample);
    default: {
      const [first] = children(s);
      return first ? sample(first[1]) : null;
    }
  }
}

/** Values of `s` that differ from its sample in one place, as `change` makes them (at objects and arrays). */
function variants(s: Schema, change: (s: Schema) => unknown[]): unknown[] {
  const d = defOf(s);
  const own = change(s);
  if (d.type === 'object') {
    const base = sample(s) as Record<string, unknown>;
    return [
      ...own,
      ...Object.entries(d.shape as Record<string, Schema>).flatMap(([k, v]) => variants(v, change).map((x) => ({ ...base, [k]: x }))),
    ];
  }
  if (d.type === 'tuple') {
    const base = sample(s) as unknown[];
    return (d.items as Schema[]).flatMap((item, i) => variants(item, change).map((x) => base.map((b, j) => (j === i ? x : b))));
  }
  if (d.type === 'array') return [...own, ...variants(d.element as Schema, change).map((x) => [x])];
  return [...own, ...children(s).flatMap(([, child]) => variants(child, change))];
}

export const HUGE = 200_000;

/** Each method's arguments with one array made `HUGE` items long (of an item the schema accepts). */
export function hugeArrayCases(): [MethodName, unknown[]][] {
  const huge = (s: Schema) => (defOf(s).type === 'array' ? [Array<unknown>(HUGE).fill(sample(defOf(s).element as Schema))] : []);
  return casesOf(huge);
}

/** Each method's arguments with one object key given as `undefined`. */
export function undefinedKeyCases(): [MethodName, unknown[]][] {
  const blanks = (s: Schema) => {
    const d = defOf(s);
    if (d.type !== 'object') return [];
    const base = sample(s) as Record<string, unknown>;
    return Object.keys(d.shape as object).map((k) => ({ ...base, [k]: undefined }));
  };
  return casesOf(blanks);
}

function casesOf(change: (s: Schema) => unknown[]): [MethodName, unknown[]][] {
  return (Object.keys(contract) as MethodName[]).flatMap((m) =>
    variants(contract[m].args, change).map((args): [MethodName, unknown[]] => [m, args as unknown[]]),
  );
}
