// Every list the API accepts has a maximum length: without one a compromised (or buggy) renderer can
// send 200,000 items and the archive runs out of stack. A new array without .max() fails here.
import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../main/api/contract';
import { arrayMax, arraysIn } from './contract-schemas';

describe('the API contract', () => {
  it('gives every array a maximum length', () => {
    const arrays = (Object.keys(contract) as MethodName[]).flatMap((m) =>
      arraysIn(contract[m].args).map((a) => ({ ...a, path: `${m}${a.path}` })),
    );
    expect(arrays.length).toBeGreaterThan(10);
    expect(arrays.filter((a) => arrayMax(a.schema) === undefined).map((a) => a.path)).toEqual([]);
  });

  it('caps every array below 200,000 items', () => {
    const caps = (Object.keys(contract) as MethodName[]).flatMap((m) =>
      arraysIn(contract[m].args).map((a) => arrayMax(a.schema) ?? Infinity),
    );
    expect(Math.max(...caps)).toBeLessThanOrEqual(100_000);
  });
});
