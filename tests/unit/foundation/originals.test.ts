// "Open original" and "Save original as…" through the app's dispatcher: the file handed to the system's
// viewer is the imported one byte for byte, in the session's folder; a saved web page only ever as a copy
// without its scripts; what cannot be opened says why. The shell's check refuses every other path.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { openPaths } from '../../../main/app/open-paths';
import { isOpenableCopy } from '../../../main/shell/policy';
import { dispatcherOf } from '../editing/dispatch-fixture';

let dir: string;
let openDir: string;
let services: Services;
let opened: string[];
let saveTo: string | null;
const { call, failure } = dispatcherOf(() => services);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimdesk-originals-test-'));
  openDir = join(dir, 'open');
  opened = [];
  saveTo = null;
  services = await createServices({
    archiveDir: join(dir, 'archive'),
    actor: 'tester',
    openDir,
    openFile: async (file) => void opened.push(file),
    chooseSavePath: async () => saveTo,
  });
});
afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

async function importFile(name: string, content: string): Promise<{ id: number; bytes: Buffer }> {
  const file = join(dir, name);
  await writeFile(file, content);
  const summary = await openPaths(services, [file]);
  expect(summary.failed).toEqual([]);
  const id = services.archive.articles.list({}).items.find((a) => a.source?.name === name)!.id;
  return { id, bytes: await readFile(file) };
}

const PAGE = `<!doctype html><html><head><title>Depot plan</title><script>fetch('https://tracker.example/?u=1')</script>
<meta http-equiv="refresh" content="0;url=https://elsewhere.example/"></head>
<body onload="alert(1)"><article><h1>Old tram depot to become housing</h1>
<p>The council said on Monday that 240 flats would be built on the site. <a href="javascript:alert(2)">More</a></p>
<img src="https://tracker.example/pixel.gif" onerror="alert(3)"><iframe src="https://ads.example/"></iframe></article></body></html>`;

describe('opening the stored original', () => {
  it('hands the viewer a copy of a text original identical to the imported file, inside the session’s folder', async () => {
    const { id, bytes } = await importFile('council-notes.txt', 'The council said on Monday that 240 flats would be built.\n');
    const r = await call('originals.open', id);
    expect(r).toEqual({ file: 'council-notes.txt', type: 'txt', safeCopy: false, page: null });
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith(openDir + sep)).toBe(true);
    expect(Buffer.compare(await readFile(opened[0]), bytes)).toBe(0);
    // Opened again: the same copy; one edited in the viewer meanwhile is put back as imported.
    await writeFile(opened[0], 'changed in the viewer');
    await call('originals.open', id);
    expect(opened[1]).toBe(opened[0]);
    expect(Buffer.compare(await readFile(opened[1]), bytes)).toBe(0);
  });

  it('opens a saved web page as a copy without its scripts, redirects, frames or remote content, and keeps the original as stored', async () => {
    const { id, bytes } = await importFile('depot.html', PAGE);
    const r = await call('originals.open', id);
    expect(r).toMatchObject({ file: 'depot (safe copy).html', safeCopy: true });
    const copy = await readFile(opened[0], 'utf8');
    expect(copy).toContain('Old tram depot to become housing');
    expect(copy).toContain('240 flats would be built');
    // The policy comes first in the head, before anything the page declares.
    expect(copy).toMatch(/<head><meta charset="utf-8"><meta [^>]*http-equiv="Content-Security-Policy"[^>]*>/);
    expect(copy).toContain(`content="default-src 'none'; script-src 'none';`);
    expect(copy).not.toMatch(/<script|onload=|onerror=|javascript:|<iframe|http-equiv="refresh"|tracker\.example/i);
    expect(copy).toContain('scripts, frames and remote content are removed');
    const stored = services.archive.originals.path(services.archive.articles.get(id).source!.sha256)!;
    expect(Buffer.compare(await readFile(stored), bytes)).toBe(0);
  });

  it('opens a saved MHTML page as the same kind of safe copy of its HTML part', async () => {
    const html = PAGE.replace(/=/g, '=3D');
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://courier.example/depot',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"',
      '',
      '------MultipartBoundary--x',
      'Content-Type: text/html',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://courier.example/depot',
      '',
      html,
      '------MultipartBoundary--x--',
      '',
    ].join('\r\n');
    const { id } = await importFile('depot.mhtml', mhtml);
    expect(await call('originals.open', id)).toMatchObject({ file: 'depot (safe copy).html', type: 'mhtml', safeCopy: true });
    const copy = await readFile(opened[0], 'utf8');
    expect(copy).toContain('240 flats would be built');
    expect(copy).not.toMatch(/<script|onload=|tracker\.example/i);
  });

  it('says why when there is nothing to open or no window to open it in', async () => {
    const typed = await services.archive.articles.insert({ title: 'Typed in by hand', text: 'A note.' });
    expect(await failure('originals.open', typed.id)).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('not imported from a file'),
    });
    expect(await failure('originals.open', 9999)).toMatchObject({ code: 'NOT_FOUND' });

    const { id } = await importFile('changed.txt', 'First words.\n');
    const stored = services.archive.originals.path(services.archive.articles.get(id).source!.sha256)!;
    await writeFile(stored, 'Someone edited the stored copy.\n');
    expect(await failure('originals.open', id)).toMatchObject({
      code: 'IO',
      message: expect.stringContaining('has changed since it was imported'),
    });
    expect(opened).toEqual([]);

    const cli = await createServices({ archiveDir: join(dir, 'archive-cli'), actor: 'tester' });
    try {
      const res = await cli.dispatch('originals.open', [id]);
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Save original as') } });
    } finally {
      await cli.close();
    }
  });

  it('saves the stored bytes where the researcher chooses, and nothing when the dialog is cancelled', async () => {
    const { id, bytes } = await importFile('depot.html', PAGE);
    expect(await call('originals.save', id)).toBeNull();
    saveTo = join(dir, 'kept.html');
    expect(await call('originals.save', id)).toEqual({ out: saveTo, bytes: bytes.length });
    expect(Buffer.compare(await readFile(saveTo), bytes)).toBe(0);
  });
});

describe('what the shell lets the system viewer open', () => {
  const root = '/tmp/claimdesk-originals-ab12';
  it('only documents inside the session’s folder', () => {
    expect(isOpenableCopy(root, `${root}/0123/report.pdf`, '/')).toBe(true);
    expect(isOpenableCopy(root, `${root}/0123/depot (safe copy).html`, '/')).toBe(true);
    for (const file of [
      '/tmp/elsewhere/report.pdf',
      `${root}-evil/report.pdf`,
      `${root}/../etc/passwd.txt`,
      `${root}`,
      `${root}/`,
      `${root}/0123/run.sh`,
      `${root}/0123/launcher.desktop`,
      `${root}/0123/setup.exe`,
      `${root}/0123/page.htm`,
      `${root}/0123/no-extension`,
    ])
      expect(isOpenableCopy(root, file, '/'), file).toBe(false);
  });
});
