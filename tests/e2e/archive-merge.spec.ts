// A colleague's `.claimdesk` file dropped on an archive that already holds work: merged into it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type AppHarness } from './harness';
import { Claimdesk } from './pages/claimdesk';
import { RESOURCES_DIR } from './serve';
import { createServices } from '../../main/services';
import { seedSampleArchive } from '../../main/app/sample';
import { exportArchiveJson, renderArchiveJson } from '../../main/archive/exchange';
import { openPaths } from '../../main/app/open-paths';

/** Carol's archive as a file: the same sample article as ours (same file), plus an article of her own. */
async function colleagueFile(dir: string): Promise<string> {
  const carol = await createServices({ archiveDir: join(dir, 'archive'), resourcesDir: RESOURCES_DIR, actor: 'carol' });
  try {
    await seedSampleArchive(carol, RESOURCES_DIR);
    const article = await carol.archive.articles.insert({
      title: 'Kursk governor confirms foreign troops',
      outlet: 'Reuters',
      published: '2024-10-29',
      text: 'The governor of Kursk said foreign troops had arrived in the region.',
    });
    const claim = await carol.archive.claims.insert({
      articleId: article.id,
      statement: 'Foreign troops have arrived in the Kursk region.',
      claimant: 'Kursk governor',
      entities: [{ name: 'Office of the Kursk Governor', type: 'organisation', role: 'claimant' }],
    });
    await carol.archive.claims.setVerdict(claim.id, 'claimdesk', 'mostly-true', 'Matches the NATO briefing');
    const file = join(dir, 'colleague.claimdesk');
    await writeFile(file, renderArchiveJson(exportArchiveJson(carol.archive)));
    return file;
  } finally {
    await carol.close();
  }
}

/** Runs `body` in the Library with Carol's file written to a temporary folder, and the archive's records as they were before. */
async function withColleagueFile(
  app: AppHarness,
  body: (ctx: { file: string; ui: Claimdesk; snapshot: () => unknown; before: unknown }) => Promise<void>,
): Promise<void> {
  const ui = new Claimdesk(app.page);
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-colleague-'));
  const snapshot = () => ({ ...exportArchiveJson(app.services.archive), exportedAt: null });
  try {
    const file = await colleagueFile(dir);
    const before = snapshot();
    await ui.goTo('Library');
    await body({ file, ui, snapshot, before });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('dropping a colleague’s .claimdesk file merges it: their article appears and the summary says what was already here', async ({
  app,
}) => {
  const { page, services } = app;
  const ui = new Claimdesk(page);
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-colleague-'));
  try {
    const file = await colleagueFile(dir);
    const before = services.archive.info().counts;
    await ui.goTo('Library');
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms/ })).toHaveCount(0);

    await app.dropFiles([file]);
    const panel = page.getByRole('region', { name: 'Import progress' });
    // (The line also holds its Undo merge button: see the next test.)
    await expect(panel.getByRole('list', { name: 'Archive files' })).toContainText(
      `colleague.claimdesk: merged 1 article (1 already here), 1 claim (${before.claims} already here), 1 entity (${before.entities} already here)`,
    );
    await expect(panel).toContainText('1 article imported');
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms foreign troops/ })).toBeVisible();
    await expect(ui.articles.getByRole('button', { name: /^North Korea/ })).toHaveCount(1);

    // Carol's verdict came along with her name and note in the history.
    const [merged] = services.archive.claims.list({ search: 'Kursk region' }).items;
    expect(merged).toMatchObject({ verdict: 'mostly-true', claimant: 'Kursk governor' });
    expect(services.archive.claims.history(merged.id).find((h) => h.field === 'verdict')).toMatchObject({
      actor: 'carol',
      note: 'Matches the NATO briefing',
    });
    expect(services.archive.info().counts).toEqual({
      articles: before.articles + 1,
      claims: before.claims + 1,
      entities: before.entities + 1,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Undo merge takes a colleague’s merged file back out: their article leaves the Library and the archive is as before', async ({
  app,
}) => {
  const { page } = app;
  await withColleagueFile(app, async ({ file, ui, snapshot, before }) => {
    await app.dropFiles([file]);
    const panel = page.getByRole('region', { name: 'Import progress' });
    const line = panel.getByRole('list', { name: 'Archive files' }).getByRole('listitem');
    await expect(line).toContainText('colleague.claimdesk: merged 1 article (1 already here)');
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms foreign troops/ })).toBeVisible();
    // The details pane lists the merged article's own claim, never the previously active article's.
    const pane = page.getByRole('complementary', { name: 'Article details' });
    await expect(pane.getByRole('heading', { name: 'Kursk governor confirms foreign troops' })).toBeVisible();
    await expect(pane.getByRole('list', { name: 'First claims' }).getByRole('listitem')).toHaveText([
      /Foreign troops have arrived in the Kursk region\./,
    ]);
    if (process.env.CLAIMDESK_SHOTS) await page.screenshot({ path: `${process.env.CLAIMDESK_SHOTS}/archive-merged.png` });

    // The command palette offers it too; Cancel leaves everything as it is.
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('undo last archive merge');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Undo merge' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);

    // Keyboard: focus the button, Enter opens the confirmation, which says what will go.
    await line.getByRole('button', { name: 'Undo merge' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText('Undo the merge of colleague.claimdesk?');
    await expect(dialog).toContainText(/removes what the merge added: 1 article, 1 claim, 1 entity, \d+ history entr(y|ies)\./);
    await dialog.getByRole('button', { name: 'Undo merge' }).click();

    await expect(dialog).toHaveCount(0);
    await expect(line).toContainText(/^colleague\.claimdesk: merge undone, removed 1 article, 1 claim, 1 entity, \d+ history entr(y|ies)$/);
    await expect(line.getByRole('button', { name: 'Undo merge' })).toHaveCount(0);
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms/ })).toHaveCount(0);
    await expect(ui.articles.getByRole('button', { name: /^North Korea/ })).toHaveCount(1);
    expect(snapshot()).toEqual(before);
  });
});

test('a .claimdesk file opened from the file manager asks before it merges: “Don’t merge” writes nothing, “Merge” merges it', async ({
  app,
}) => {
  const { page, services } = app;
  await withColleagueFile(app, async ({ file, ui, snapshot, before }) => {
    // As main/index.ts does for a file the OS hands to the app.
    const opened = async () => openPaths(services, [file], { askBeforeMerge: true });

    expect((await opened()).pendingMerges).toHaveLength(1);
    const dialog = page.getByRole('dialog', { name: 'Merge archive file' });
    await expect(dialog).toContainText('Merge colleague.claimdesk into this archive?');
    await expect(dialog).toContainText(/It holds 2 articles, \d+ claims?, \d+ entit/);
    // The safe answer has the focus: Enter does not merge.
    await expect(dialog.getByRole('button', { name: 'Don’t merge' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    expect(snapshot()).toEqual(before);
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms/ })).toHaveCount(0);

    await opened();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    const panel = page.getByRole('region', { name: 'Import progress' });
    await expect(panel.getByRole('list', { name: 'Archive files' })).toContainText(
      'colleague.claimdesk: merged 1 article (1 already here)',
    );
    await expect(ui.articles.getByRole('button', { name: /^Kursk governor confirms foreign troops/ })).toBeVisible();
  });
});
