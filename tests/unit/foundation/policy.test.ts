import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_ORIGIN,
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionGranted,
  printWebPreferences,
  resolveAppPath,
  secureWebPreferences,
} from '../../../main/shell/policy';

describe('window security options', () => {
  it('isolates, sandboxes and denies node to app windows', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });

  it('prints reports with JavaScript off and no preload', () => {
    const prefs = printWebPreferences();
    expect(prefs.javascript).toBe(false);
    expect('preload' in prefs).toBe(false);
    expect(prefs.sandbox).toBe(true);
  });
});

describe('content security policy', () => {
  it('allows no eval, no remote origin and no inline script', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(APP_CSP.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  });
});

describe('navigation and links', () => {
  it('keeps the window on the app', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('hands only plain web links to the browser', () => {
    expect(isExternalLinkAllowed('https://www.afp.com/en')).toBe(true);
    expect(isExternalLinkAllowed('http://example.org')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://host/share')).toBe(false);
    expect(isExternalLinkAllowed('https://user:pw@example.org')).toBe(false);
  });

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) expect(isPermissionGranted(p)).toBe(false);
  });
});

describe('renderer file serving', () => {
  const root = join(sep, 'app', 'out', 'renderer');
  it('serves files under the renderer folder', () => {
    expect(resolveAppPath(root, `${APP_ORIGIN}/`, join, sep)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/index.js`, join, sep)).toBe(join(root, 'assets', 'index.js'));
  });
  it('never serves a file outside the renderer folder', () => {
    for (const attempt of [
      '/%2e%2e/%2e%2e/secret',
      '/..%2f..%2fsecret',
      '/..%5c..%5csecret',
      '/assets/../../../etc/passwd',
      '/%252e%252e/x',
    ]) {
      const file = resolveAppPath(root, `${APP_ORIGIN}${attempt}`, join, sep);
      expect(file === null || file.startsWith(root + sep), attempt).toBe(true);
    }
    expect(resolveAppPath(root, `${APP_ORIGIN}/..%2f..%2fsecret`, join, sep)).toBeNull();
  });
  it('refuses foreign hosts and NUL bytes', () => {
    expect(resolveAppPath(root, 'app://other/index.html', join, sep)).toBeNull();
    expect(resolveAppPath(root, `${APP_ORIGIN}/a%00b`, join, sep)).toBeNull();
  });
});
