// Checklist #17, the other half: whatever a compromised renderer sends, every API method answers
// with INVALID_ARGUMENT before any service runs, and nothing leaks into the process.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../main/api/contract';
import { createServices, type Services } from '../../../main/services';

let dir: string;
let services: Services;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-ipc-args-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterAll(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const MALFORMED: [string, unknown][] = [
  ['a string instead of the argument list', 'claims.list'],
  ['null', null],
  ['an array-like object', { length: 1, 0: 1 }],
  ['too many arguments', Array.from({ length: 7 }, () => ({ evil: true }))],
  ['a function-shaped string', ['function(){return process}', '__proto__', 'constructor']],
];

describe('every API method', () => {
  const methods = Object.keys(contract);

  it.each(MALFORMED)('refuses %s with INVALID_ARGUMENT', async (_label, args) => {
    const answers = await Promise.all(methods.map(async (m) => [m, await services.dispatch(m, args)] as const));
    const wrong = answers
      .filter(([, res]) => res.ok || res.error.code !== 'INVALID_ARGUMENT')
      .map(([m, res]) => `${m}: ${JSON.stringify(res).slice(0, 120)}`);
    expect(wrong).toEqual([]);
    for (const [m, res] of answers) expect(!res.ok && res.error.message, m).toContain(m);
  });

  it('cannot pollute object prototypes through an argument', async () => {
    const payload = JSON.parse('[{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}]') as unknown;
    for (const m of methods) await services.dispatch(m, payload);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names no method outside the contract', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf']) {
      expect(await services.dispatch(name, [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });
});
