// Similar claims are current the moment the app's own edits resolve: the renderer's undoable
// edits (renderer/lib/edits.ts) run against real services through the same dispatcher as the
// app, and no test code touches the cross-reference index.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../main/api/contract';
import { createServices, type Services } from '../../../main/services';
import { acceptSuggestion, deleteClaim, editClaim } from '../../../renderer/lib/edits';
import { dispatcherOf } from '../editing/dispatch-fixture';

let dir: string;
let services: Services;
const { call } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-similar-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
  // The renderer's bridge, bound to these services (as the preload binds it to IPC in the app).
  const invoke = (method: MethodName, ...args: unknown[]) => services.dispatch(method, args);
  (globalThis as unknown as { window: unknown }).window = { claimdesk: { invoke } };
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

const similarIds = async (claimId: number) => (await call('crossref.similar', { claimId })).map((h) => h.claimId);

describe('similar claims follow the app’s edits at once', () => {
  it('edit → the new wording is matched; delete → gone; undo → back', async () => {
    const minister = await call('claims.create', { statement: 'The finance minister resigned after the budget vote' });
    const other = await call('claims.create', { statement: 'Heavy rain floods the capital' });
    expect(await similarIds(minister.id)).toEqual([]); // the index is built now, before the edits

    const edit = editClaim(other, { statement: 'Finance minister quits over the budget vote' });
    await edit.do();
    expect(await similarIds(minister.id)).toEqual([other.id]);
    const found = await call('crossref.similar', { text: 'minister quits' });
    expect(found[0]).toMatchObject({ claimId: other.id, text: 'Finance minister quits over the budget vote' });

    const del = deleteClaim(await call('claims.get', other.id));
    await del.do();
    expect(await similarIds(minister.id)).toEqual([]);
    await del.undo();
    expect(await similarIds(minister.id)).toEqual([other.id]);

    await edit.undo();
    expect(await similarIds(minister.id)).toEqual([]);
    expect((await call('crossref.similar', { text: 'rain floods capital' }))[0]?.claimId).toBe(other.id);
  });

  it('an accepted suggestion is a similar claim of its sibling as soon as accepting resolves; undo takes it away', async () => {
    const text = 'Cargo traffic at the port fell by a third in 2024, the port authority said.';
    const article = await services.archive.articles.insert({
      title: 'Harbour traffic',
      outlet: 'Harbour Daily',
      published: '2025-01-10',
      text,
    });
    const sibling = await call('claims.create', { statement: 'The port authority said cargo traffic fell by a third in 2024.' });
    await services.archive.suggestions.add(article.id, [
      { quote: text, start: 0, end: text.length, statement: text, claimant: 'the port authority', kind: 'indirect', score: 0.9 },
    ]);
    expect(await similarIds(sibling.id)).toEqual([]);

    const [suggestion] = await call('suggestions.list', article.id);
    let accepted = 0;
    const accept = acceptSuggestion(suggestion!, undefined, (c) => (accepted = c.id));
    await accept.do();
    expect(await similarIds(sibling.id)).toEqual([accepted]);
    // Where the match appeared, for the panel's "Harbour Daily · Jan 10, 2025".
    expect((await call('crossref.similar', { claimId: sibling.id }))[0]?.article).toEqual({
      id: article.id,
      title: 'Harbour traffic',
      outlet: 'Harbour Daily',
      published: '2025-01-10',
    });
    expect((await call('crossref.similar', { claimId: accepted }))[0]?.article).toBeNull(); // the sibling was entered by hand
    await accept.undo();
    expect(await similarIds(sibling.id)).toEqual([]);
  });
});
