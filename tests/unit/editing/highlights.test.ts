// Issue #19: highlights — passages a researcher keeps as context without making them claims. Through
// the API as the reader calls it: kept, listed in reading order, noted, deleted, and undone as
// renderer/lib/edits.ts undoes them (delete ↔ restore, a note written back); bad spans and overlong
// notes refused with the reason and nothing written; carried by the .claimdesk file into a fresh
// archive and merged into one that already holds the article.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { exportArchiveJson, importArchiveJson, renderArchiveJson } from '../../../main/archive/exchange';
import { buildReportModel, renderMarkdown } from '../../../main/reports';
import type { DataChange } from '../../../shared/events';
import { dispatcherOf } from './dispatch-fixture';

const TEXT =
  'The ministry said 3,000 troops crossed the border on Tuesday. Officials in the region had warned of a build-up for weeks. No one was hurt.';
const WARNED = 'Officials in the region had warned of a build-up for weeks.';

const dirs: string[] = [];
let services: Services;
let changes: DataChange[][];
const api = dispatcherOf(() => services);

async function servicesIn(): Promise<Services> {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-highlights-'));
  dirs.push(dir);
  return createServices({
    archiveDir: dir,
    actor: 'tester',
    emit: (event, payload) => {
      if (event === 'data.changed') changes.push(payload as DataChange[]);
    },
  });
}

beforeEach(async () => {
  changes = [];
  services = await servicesIn();
});
afterEach(async () => {
  await services.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const highlightChanges = () => changes.flat().filter((c) => c.type === 'highlight');

describe('highlights in the reader', () => {
  it('are kept from a passage, listed in reading order, noted, deleted and undone', async () => {
    const article = await services.archive.articles.insert({ title: 'Troops crossed', text: TEXT });
    const start = TEXT.indexOf(WARNED);
    const warned = await api.call('highlights.create', { articleId: article.id, start, end: start + WARNED.length });
    expect(warned).toMatchObject({ articleId: article.id, quote: WARNED, note: '', label: null });
    const first = await api.call('highlights.create', {
      articleId: article.id,
      start: 0,
      end: 17,
      note: 'Who in the ministry?',
      label: 'question',
    });
    expect(first.quote).toBe('The ministry said');
    expect((await api.call('highlights.list', article.id)).map((h) => h.quote)).toEqual(['The ministry said', WARNED]);
    expect(highlightChanges().map((c) => c.ids)).toEqual([[warned.id], [first.id]]);

    // n: a note; undo writes back the one before.
    const noted = await api.call('highlights.update', warned.id, { note: 'Context for the build-up: see the May report.' });
    expect(noted).toMatchObject({ note: 'Context for the build-up: see the May report.', quote: WARNED });
    await api.call('highlights.update', warned.id, { note: warned.note });
    expect((await api.call('highlights.list', article.id))[1].note).toBe('');

    // Delete, then Ctrl+Z: the same highlight again (id, passage, note, label, times).
    const deleted = await api.call('highlights.delete', first.id);
    expect((await api.call('highlights.list', article.id)).map((h) => h.id)).toEqual([warned.id]);
    expect(await api.call('highlights.restore', deleted)).toEqual(first);
    expect((await api.call('highlights.list', article.id)).map((h) => h.id)).toEqual([first.id, warned.id]);
    expect((await api.failure('highlights.restore', deleted)).code).toBe('CONFLICT');

    // Make claim: a draft from the passage, in the source's own words.
    const draft = await api.call('highlights.draftClaim', warned.id);
    expect(draft.claim).toMatchObject({ articleId: article.id, quote: WARNED, start, end: start + WARNED.length });
    // Nothing of it became a claim by itself.
    expect(services.archive.claims.list({}).total).toBe(0);

    // A report that shows notes lists the article's highlights under its source, with their notes.
    await api.call('highlights.update', warned.id, { note: 'Build-up: see the May report.' });
    const claim = await api.call('claims.create', { ...draft.claim, statement: 'Officials warned of a build-up' });
    const md = renderMarkdown(await buildReportModel(services.archive, { claimIds: [claim.id], fields: ['sources', 'notes'] }));
    expect(md).toContain('   - **Highlight:** “The ministry said”');
    expect(md).toContain(`   - **Highlight:** “${WARNED}” — Build-up: see the May report.`);
    const plain = renderMarkdown(await buildReportModel(services.archive, { claimIds: [claim.id], fields: ['sources'] }));
    expect(plain).not.toContain('Highlight');
  });

  it('refuses a span outside the text, an empty span, an unknown article and an overlong note, and writes nothing', async () => {
    const article = await services.archive.articles.insert({ title: 'Troops crossed', text: TEXT });
    const kept = await api.call('highlights.create', { articleId: article.id, start: 0, end: 12, note: 'kept' });
    changes = [];

    const beyond = await api.failure('highlights.create', { articleId: article.id, start: 10, end: TEXT.length + 5 });
    expect(beyond).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(beyond.message).toContain(`lies beyond the article text (${TEXT.length} characters)`);
    const empty = await api.failure('highlights.create', { articleId: article.id, start: 20, end: 20 });
    expect(empty.message).toMatch(/needs a passage/);
    expect((await api.failure('highlights.create', { articleId: article.id, start: -1, end: 4 })).code).toBe('INVALID_ARGUMENT');
    expect((await api.failure('highlights.create', { articleId: 999, start: 0, end: 4 })).code).toBe('NOT_FOUND');
    const long = await api.failure('highlights.update', kept.id, { note: 'x'.repeat(100_001) });
    expect(long).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(long.message).toContain('100,000');
    expect((await api.failure('highlights.update', kept.id, { label: 'urgent' as never })).code).toBe('INVALID_ARGUMENT');
    expect((await api.failure('highlights.delete', 999)).code).toBe('NOT_FOUND');

    expect(await api.call('highlights.list', article.id)).toEqual([kept]);
    expect(highlightChanges()).toEqual([]);
  });

  it('come back with a restored backup: the ones in it and the ones made after it', async () => {
    const article = await services.archive.articles.insert({ title: 'Troops crossed', text: TEXT });
    const before = await api.call('highlights.create', { articleId: article.id, start: 0, end: 17, note: 'In the backup.' });
    await services.archive.snapshot(); // the first snapshot writes a backup
    const [backup] = await api.call('archive.backups');
    const start = TEXT.indexOf(WARNED);
    const after = await api.call('highlights.create', { articleId: article.id, start, end: start + WARNED.length, label: 'question' });
    await api.call('archive.restoreBackup', backup.name);
    expect(await api.call('highlights.list', article.id)).toEqual([before, after]);
  });

  it('travel in the .claimdesk file: restored into a fresh archive, merged into one holding the article', async () => {
    const article = await services.archive.articles.insert({ title: 'Troops crossed', text: TEXT });
    const start = TEXT.indexOf(WARNED);
    const h = await api.call('highlights.create', {
      articleId: article.id,
      start,
      end: start + WARNED.length,
      note: 'Background for the claim.',
      label: 'background',
    });
    const file = renderArchiveJson(exportArchiveJson(services.archive));

    const fresh = await servicesIn();
    expect((await importArchiveJson(fresh.archive, file, 'troops.claimdesk')).mode).toBe('restored');
    expect(fresh.archive.highlights.forArticle(article.id)).toEqual([h]);
    await fresh.close();

    // An archive that already holds the article (same title and text) with other work.
    const other = await servicesIn();
    await other.archive.articles.insert({ title: 'Budget passes', text: 'Lawmakers approved the budget.' });
    const same = await other.archive.articles.insert({ title: 'Troops crossed', text: TEXT });
    const result = await importArchiveJson(other.archive, file, 'troops.claimdesk');
    expect(result.mode).toBe('merged');
    expect(other.archive.highlights.forArticle(same.id)).toMatchObject([
      { quote: WARNED, start, note: 'Background for the claim.', label: 'background' },
    ]);
    // Merged twice: the passage is already highlighted there.
    await importArchiveJson(other.archive, file, 'troops.claimdesk');
    expect(other.archive.highlights.forArticle(same.id)).toHaveLength(1);
    // Undoing the merge takes back the highlight it added; once edited since, the undo refuses.
    const again = await other.archive.merge.undo(result.mergeId!);
    expect(again.mergeId).toBe(result.mergeId);
    expect(other.archive.highlights.forArticle(same.id)).toEqual([]);
    const remerged = await importArchiveJson(other.archive, file, 'troops.claimdesk');
    const [kept] = other.archive.highlights.forArticle(same.id);
    await other.archive.highlights.update(kept.id, { note: 'Mine now.' });
    await expect(other.archive.merge.undo(remerged.mergeId!)).rejects.toThrow(/highlight .* was edited or removed since the merge/);
    expect(other.archive.highlights.forArticle(same.id)).toMatchObject([{ note: 'Mine now.' }]);
    await other.close();
  });
});
