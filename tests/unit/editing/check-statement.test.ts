// The claim editor's drift note asks main whether a statement is the quote's own words (claims.checkStatement),
// so the window runs no extraction code of its own.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';
import { DRIFT_WARNING } from '../../../shared/limits';

const QUOTE = 'I think it will be an act conforming with the regulations of international law';

let dir: string;
let services: Services;
const { call, failure } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-check-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('claims.checkStatement', () => {
  it('passes the quote’s own words with a bracketed change, and flags a statement in other words', async () => {
    const own = await call(
      'claims.checkStatement',
      QUOTE,
      '[The deployment] will be an act conforming with the regulations of international law',
    );
    expect(own).toEqual({ faithful: true, problems: [], drift: 0 });
    const other = await call('claims.checkStatement', QUOTE, 'Sending troops to Russia is perfectly legal under treaties');
    expect(other.faithful).toBe(false);
    expect(other.drift).toBeGreaterThanOrEqual(DRIFT_WARNING);
    expect(other.problems[0]).toBeTruthy();
  });

  it('refuses a statement longer than any claim may be, with a clear error', async () => {
    const err = await failure('claims.checkStatement', QUOTE, 'x'.repeat(20_001));
    expect(err.code).toBe('INVALID_ARGUMENT');
  });
});
