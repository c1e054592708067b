// Issue #19: the Library's search finds an article by its notes, as it does by its title and text.
// Through the API as the Library calls it (articles.list with a search): a word only in the note
// finds the article; a changed note is searched as it now reads; a deleted article is not found.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { dispatcherOf } from './dispatch-fixture';

let dir: string;
let services: Services;
const { call } = dispatcherOf(() => services);
const found = async (search: string) => (await call('articles.list', { search })).items.map((a) => a.title);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-notes-search-'));
  services = await createServices({ archiveDir: dir, actor: 'tester' });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Library search', () => {
  it('finds an article by a word that is only in its note', async () => {
    const a = await services.archive.articles.insert({
      title: 'Troops crossed the border',
      text: 'The ministry said 3,000 troops crossed.',
    });
    await services.archive.articles.insert({ title: 'Budget passes', text: 'Lawmakers approved the budget.' });
    expect(await found('satellite')).toEqual([]);

    await call('articles.update', a.id, { notes: 'Compare with the satellite images from Maxar.' });
    expect(await found('satellite')).toEqual(['Troops crossed the border']);
    expect(await found('maxar troops')).toEqual(['Troops crossed the border']); // note and text words together
    expect(await found('troops')).toEqual(['Troops crossed the border']); // the text is still searched

    // The note as it reads now: an old word no longer finds it, a new one does.
    await call('articles.update', a.id, { notes: 'Ask the ministry for its source.' });
    expect(await found('satellite')).toEqual([]);
    expect(await found('source')).toEqual(['Troops crossed the border']);

    // A deleted article is not found by its note; restored, it is again.
    await call('articles.delete', a.id);
    expect(await found('source')).toEqual([]);
    await call('articles.restore', a.id);
    expect(await found('source')).toEqual(['Troops crossed the border']);
  });
});
