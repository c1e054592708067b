// The Electron adapters of the security policy, run against a recording fake of the electron
// module: what they deny and what they let through (checklist items #5, #13, #14, #15, #17, #20).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, secureWebPreferences } from '../../../main/shell/policy';
import { MENU_COMMAND_CHANNEL, GRANT_CHANNEL, INVOKE_CHANNEL } from '../../../shared/events';
import { createPathGrants } from '../../../main/app/path-grants';
import { createFakeElectron, fakeSession, fakeWebContents, type FakeSession } from './fake-electron';

const electron = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }));
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('./fake-electron');
  electron.current = createFakeElectron();
  return electron.current.module;
});

const fake = () => electron.current!;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(async () => {
  const { hardenApp } = await import('../../../main/shell/security');
  hardenApp(undefined, 'linux');
});

describe('hardenApp', () => {
  const askPermission = (s: FakeSession, permission: string) =>
    new Promise<boolean>((resolve) => s.requestHandler!(null, permission, resolve));

  it('#5 denies permission requests and checks, in the default session and any later one', async () => {
    const defaultSession = fake().module.session as { defaultSession: FakeSession };
    expect(await askPermission(defaultSession.defaultSession, 'media')).toBe(false);
    expect(defaultSession.defaultSession.checkHandler!(null, 'clipboard-read')).toBe(false);
    const printSession = fakeSession();
    (fake().appListeners.get('session-created') as (s: FakeSession) => void)(printSession);
    expect(await askPermission(printSession, 'notifications')).toBe(false);
    expect(printSession.checkHandler!(null, 'geolocation')).toBe(false);
  });

  it('fetches no spellcheck dictionary and lets no request of the app leave the machine', () => {
    const { defaultSession } = fake().module.session as { defaultSession: FakeSession };
    // Chromium's Hunspell dictionaries come from a Google CDN on Windows and Linux.
    expect(defaultSession.spellCheckerEnabled).toBe(false);
    expect(defaultSession.dictionaryDownloadUrl).toMatch(/^app:\/\/claimdesk\//);
    for (const url of ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', 'http://example.com/x.js', 'wss://example.com/'])
      expect(defaultSession.request(url), url).toBe(true);
    for (const url of [`${APP_ORIGIN}/index.html`, 'data:image/png;base64,AA==']) expect(defaultSession.request(url), url).toBe(false);
    const later = fakeSession();
    (fake().appListeners.get('session-created') as (s: FakeSession) => void)(later);
    expect(later).toMatchObject({ spellCheckerEnabled: false, dictionaryDownloadUrl: expect.stringMatching(/^app:/) });
    // Windows asks for them too; macOS checks spelling natively and downloads nothing.
    expect(secureWebPreferences(null, 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences(null, 'win32').spellcheck).toBe(false);
    expect(secureWebPreferences(null, 'darwin').spellcheck).toBe(true);
  });

  it('#13 stops navigation and redirects away from the app, and every <webview>', () => {
    const contents = fakeWebContents();
    (fake().appListeners.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, contents);
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(contents.fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('#14/#15 opens no window; a web link goes to the browser only after the user agrees', async () => {
    const { dialog, shell } = fake().module as {
      dialog: { showMessageBox: ReturnType<typeof vi.fn> };
      shell: { openExternal: ReturnType<typeof vi.fn> };
    };
    const contents = fakeWebContents();
    (fake().appListeners.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, contents);

    fake().dialogResponse = 1; // Cancel
    expect(contents.openHandler!({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    await flush();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).not.toHaveBeenCalled();

    fake().dialogResponse = 0; // Open in browser
    expect(contents.openHandler!({ url: 'https://example.com/story' })).toEqual({ action: 'deny' });
    await flush();
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/story');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', `${APP_ORIGIN}/index.html`]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    await flush();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('#17 registerIpc', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'served' }));
  const pathGrants = createPathGrants();
  const appFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };

  it("passes only the app window's own top frame through to the services", async () => {
    const { registerIpc } = await import('../../../main/shell/ipc');
    const win = { isDestroyed: () => false, webContents: { mainFrame: appFrame } };
    registerIpc({ dispatch, grantPaths: async (paths) => pathGrants.grant(paths) }, () => [win] as never);
    const handler = fake().ipcHandlers.get(INVOKE_CHANNEL) as (e: unknown, m: unknown, a: unknown) => Promise<unknown>;

    expect(await handler({ senderFrame: appFrame }, 'claims.list', [{}])).toEqual({ ok: true, value: 'served' });
    expect(dispatch).toHaveBeenCalledWith('claims.list', [{}]);

    const refusals = [
      { senderFrame: null },
      { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: appFrame } }, // an iframe
      { senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } }, // another web contents
    ];
    for (const event of refusals)
      expect(await handler(event, 'claims.list', [{}])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    appFrame.url = 'https://example.com/'; // the window was navigated away
    expect(await handler({ senderFrame: appFrame }, 'claims.list', [{}])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
    appFrame.url = `${APP_ORIGIN}/index.html`;
  });

  it('grants import tokens for dropped paths to the app window only, and only for absolute paths', async () => {
    const grant = fake().ipcHandlers.get(GRANT_CHANNEL) as (e: unknown, paths: unknown) => Promise<{ ok: boolean; value?: string[] }>;
    const res = await grant({ senderFrame: appFrame }, ['/home/researcher/article.html']);
    expect(res).toMatchObject({ ok: true, value: [expect.stringMatching(/^file-/)] });
    expect(pathGrants.redeem(res.value!)).toEqual(['/home/researcher/article.html']);
    expect(await grant({ senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: appFrame } }, ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await grant({ senderFrame: appFrame }, ['relative/path.txt'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await grant({ senderFrame: appFrame }, '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('#20 the preload bridge', () => {
  it('exposes one narrow object, never ipcRenderer or Node', async () => {
    await import('../../../preload/index');
    expect([...fake().exposed.keys()]).toEqual(['claimdesk']);
    const bridge = fake().exposed.get('claimdesk') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['grantFiles', 'invoke', 'on', 'onCommand', 'platform']);
    const { ipcRenderer } = fake().module as { ipcRenderer: unknown };
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('sends every call down the one invoke channel, and only known events and commands come back', async () => {
    const bridge = fake().exposed.get('claimdesk') as {
      invoke(m: string, ...a: unknown[]): Promise<unknown>;
      on(e: string, l: () => void): () => void;
      onCommand(l: (c: string) => void): () => void;
    };
    const { ipcRenderer } = fake().module as { ipcRenderer: { invoke: ReturnType<typeof vi.fn> } };
    await bridge.invoke('claims.get', 7);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(INVOKE_CHANNEL, 'claims.get', [7]);
    expect(() => bridge.on('ipc-message', () => {})).toThrow(/Unknown event/);

    const commands: string[] = [];
    bridge.onCommand((c) => commands.push(c));
    const deliver = fake().rendererListeners.get(MENU_COMMAND_CHANNEL) as (e: unknown, c: string) => void;
    deliver({}, 'undo');
    deliver({}, 'require("child_process")');
    expect(commands).toEqual(['undo']);
  });

  it('hands main the paths of dropped files, found in the preload, and gives the page only tokens', async () => {
    const bridge = fake().exposed.get('claimdesk') as { grantFiles(files: unknown[]): Promise<string[]> };
    const { ipcRenderer, webUtils } = fake().module as {
      ipcRenderer: { invoke: ReturnType<typeof vi.fn> };
      webUtils: { getPathForFile: (f: unknown) => string };
    };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: ['file-token'] });
    expect(await bridge.grantFiles([{ name: 'article.html' }])).toEqual(['file-token']);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(GRANT_CHANNEL, ['/home/researcher/article.html']);

    // A File the page made itself has no path: nothing is sent.
    const calls = ipcRenderer.invoke.mock.calls.length;
    const real = webUtils.getPathForFile;
    webUtils.getPathForFile = () => '';
    expect(await bridge.grantFiles([{ name: 'made-up.html' }])).toEqual([]);
    webUtils.getPathForFile = real;
    expect(ipcRenderer.invoke.mock.calls.length).toBe(calls);

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN', message: 'Request refused' } });
    await expect(bridge.grantFiles([{ name: 'article.html' }])).rejects.toThrow(/Request refused/);
  });
});

describe('systemViewer (Open original)', () => {
  it('opens a copy in the session’s folder and nothing else: no path outside, no link out of it, no program', async () => {
    const { makeOpenDir, systemViewer } = await import('../../../main/shell/open-file');
    const { mkdir, mkdtemp, rm, symlink, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const outside = await mkdtemp(join(tmpdir(), 'claimdesk-outside-'));
    const session = makeOpenDir(tmpdir());
    const openPath = (fake().module.shell as { openPath: ReturnType<typeof vi.fn> }).openPath;
    try {
      const copy = join(session.dir, 'ab12', 'harbour-wall.pdf');
      await mkdir(join(session.dir, 'ab12'));
      await writeFile(copy, '%PDF-1.4');
      await writeFile(join(outside, 'secret.pdf'), '%PDF-1.4');
      await writeFile(join(session.dir, 'ab12', 'run.sh'), 'echo hi');
      await symlink(join(outside, 'secret.pdf'), join(session.dir, 'ab12', 'link.pdf'));

      const open = systemViewer(session.dir);
      await open(copy);
      expect(openPath).toHaveBeenCalledTimes(1);
      for (const file of [
        join(outside, 'secret.pdf'),
        join(session.dir, 'ab12', '..', '..', 'elsewhere.pdf'),
        join(session.dir, 'ab12', 'link.pdf'),
        join(session.dir, 'ab12', 'run.sh'),
        join(session.dir, 'ab12'),
        42 as unknown as string,
      ])
        await expect(open(file), String(file)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(openPath).toHaveBeenCalledTimes(1);

      openPath.mockResolvedValueOnce('No application is registered for this file');
      await expect(open(copy)).rejects.toThrow(/could not open “harbour-wall.pdf”: No application/);
    } finally {
      session.remove();
      await rm(outside, { recursive: true, force: true });
    }
  });
});
