// The IPC boundary as the renderer meets it: validated arguments, typed results, errors as data.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';

let dir: string;
let services: Services;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-dispatch-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const res = await services.dispatch('claims.create', [{ statement: 'Seoul says thousands of troops were sent', claimant: 'Seoul' }]);
    expect(res.ok).toBe(true);
    const list = await services.dispatch('claims.list', [{}]);
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ claimant: 'Seoul', status: 'new' }] } });
  });

  it('refuses unknown methods', async () => {
    expect(await services.dispatch('fs.readFile', ['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await services.dispatch('__proto__', [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await services.dispatch(42, [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses invalid arguments with a message naming the problem', async () => {
    const res = await services.dispatch('claims.get', ['1']);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!res.ok && res.error.message).toMatch(/claims\.get/);
    expect(await services.dispatch('claims.create', [{ statement: '' }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await services.dispatch('claims.list', 'not an array')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await services.dispatch('claims.update', [1, { evil: true }])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('requires a note when the verdict changes', async () => {
    const created = await services.dispatch('claims.create', [{ statement: 'A claim' }]);
    const id = created.ok ? (created.value as { id: number }).id : 0;
    expect(await services.dispatch('claims.setVerdict', [id, 'claimdesk', 'false', ''])).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await services.dispatch('claims.setVerdict', [id, 'claimdesk', 'false', 'Contradicted by the ministry'])).toMatchObject({
      ok: true,
      value: { verdict: 'false' },
    });
  });

  it('returns service errors as data, not exceptions', async () => {
    expect(await services.dispatch('claims.get', [999])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
