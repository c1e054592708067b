// `claimdesk collections` as a script uses it: make one, fill it, list its claims, rename, take one
// out, delete; bad input exits non-zero with a message that says what is wrong.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services';
import { cli } from './cli-run';

let dir: string;
let archive: string;
let ids: number[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-cli-coll-'));
  archive = join(dir, 'archive');
  const s = await createServices({ archiveDir: archive, actor: 'tester' });
  ids = [];
  for (const statement of ['Troops crossed the border', 'Grain exports doubled', 'The bridge was closed'])
    ids.push((await s.archive.claims.insert({ statement } as never)).id);
  await s.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('claimdesk collections', () => {
  it('makes, fills, renames, empties and deletes a collection', async () => {
    const made = await cli(['collections', '--archive', archive, 'create', 'Border week', '--json']);
    expect(made.code).toBe(0);
    const id = made.json().collection.id;

    const added = await cli(['collections', '--archive', archive, 'add', String(id), String(ids[0]), String(ids[1]), '--json']);
    expect(added.json()).toMatchObject({ collection: { name: 'Border week', claimCount: 2 }, added: [ids[0], ids[1]] });
    const listed = await cli(['claims', '--archive', archive, '--collection', String(id), '--json']);
    expect(listed.json().claims.map((c: { statement: string }) => c.statement)).toEqual([
      'Troops crossed the border',
      'Grain exports doubled',
    ]);

    expect((await cli(['collections', '--archive', archive, 'rename', String(id), 'Kursk', '--json'])).json().collection.name).toBe(
      'Kursk',
    );
    const removed = await cli(['collections', '--archive', archive, 'remove', String(id), String(ids[1])]);
    expect(removed.code).toBe(0);
    expect(removed.stderr).toContain('Removed 1 claim: #');
    const list = await cli(['collections', '--archive', archive, 'list']);
    expect(list.stdout.trim()).toBe(`#${id} Kursk (1 claim)`);

    const deleted = await cli(['collections', '--archive', archive, 'delete', String(id), '--json']);
    expect(deleted.json()).toEqual({ deleted: { id, name: 'Kursk', claimIds: [ids[0]] } });
    expect((await cli(['collections', '--archive', archive, 'list', '--json'])).json()).toEqual({ collections: [] });
  });

  it('refuses empty and duplicate names, unknown ids and unknown actions with a clear message', async () => {
    expect((await cli(['collections', '--archive', archive, 'create', 'Grain'])).code).toBe(0);
    const dup = await cli(['collections', '--archive', archive, 'create', 'GRAIN']);
    expect(dup.code).not.toBe(0);
    expect(dup.stderr).toContain('A collection named "Grain" already exists.');
    const empty = await cli(['collections', '--archive', archive, 'create', '  ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('a collection needs a name');
    const unknown = await cli(['collections', '--archive', archive, 'add', '999', String(ids[0])]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Collection 999 does not exist.');
    const badClaim = await cli(['collections', '--archive', archive, 'add', '1', 'x']);
    expect(badClaim.code).toBe(2);
    expect(badClaim.stderr).toContain('CLAIM must be a positive whole number');
    const action = await cli(['collections', '--archive', archive, 'empty']);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('unknown action "empty"');
  });
});
