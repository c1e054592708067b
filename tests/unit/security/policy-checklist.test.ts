// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, as
// far as the pure policy decides it. tests/unit/foundation/policy.test.ts has the basics; the
// Electron adapters are exercised in shell-adapters.test.ts, fuses in tests/release (npm run test:release).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_CSP,
  APP_ORIGIN,
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionGranted,
  isTrustedSender,
  printWebPreferences,
  secureWebPreferences,
  type SenderFrame,
} from '../../../main/shell/policy';
import { ROOT, ensureBuilt } from '../release/built';

const WINDOWS = { app: secureWebPreferences('/app/out/preload/index.cjs'), print: printWebPreferences() };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe.each(Object.entries(WINDOWS))('the %s window', (_name, prefs) => {
  it('#2 gives web content no Node.js, in pages, workers or subframes', () => {
    expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });
  it('#3 isolates the preload world from the page', () => expect(prefs.contextIsolation).toBe(true));
  it('#4 runs sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('#6/#8 keeps web security on and refuses insecure content', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });
  it('#9/#10 enables no experimental or Blink features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });
  it('#11 has no <webview>', () => expect(prefs.webviewTag).toBe(false));
  it('does not navigate to files dropped on it', () => expect(prefs.navigateOnDragDrop).toBe(false));
});

describe('#5 permissions', () => {
  // Every permission Electron's session handlers can be asked about.
  const ALL = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'bluetooth',
  ];
  it('denies every request and check', () => {
    expect(ALL.filter(isPermissionGranted)).toEqual([]);
  });
});

describe('#7 content security policy', () => {
  const header = directives(APP_CSP);

  it('the header policy loads nothing remote and runs no eval or inline script', () => {
    expect(header.get('default-src')).toEqual(["'none'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('object-src')).toEqual(["'none'"]);
    expect(header.get('base-uri')).toEqual(["'none'"]);
    expect(header.get('form-action')).toEqual(["'none'"]);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(header.has('frame-src') || header.has('child-src')).toBe(false); // falls back to default-src 'none'
    expect(APP_CSP).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic|https?:|wss?:|file:|\*/);
  });

  describe('the built page (out/renderer/index.html)', () => {
    let html: string;
    beforeAll(async () => {
      await ensureBuilt();
      html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    }, 300_000);

    it('carries the same policy in its meta tag', () => {
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
      expect(meta).toBeDefined();
      const metaDirectives = directives(meta!);
      for (const [name, values] of header) if (name !== 'frame-ancestors') expect(metaDirectives.get(name), name).toEqual(values);
      expect(meta).not.toMatch(/unsafe-eval|https?:|wss?:|\*/);
    });

    it('has no inline script, event handler attribute or javascript: URL', () => {
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
        expect(body.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    });

    it('loads its scripts and styles from the app itself', () => {
      const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
      expect(refs.filter((r) => !r.startsWith('./assets/') && r !== 'data:,')).toEqual([]);
    });
  });
});

describe('#13/#14 navigation and new windows', () => {
  it('keeps windows on the app origin, against look-alike URLs', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/claims`)).toBe(true);
    for (const url of [
      'app://claimdesk.evil.com/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'about:blank',
      'file:///',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'https://claimdesk/',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('#15 links opened outside the app', () => {
  it('only ever hands plain http(s) links to the browser', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'vbscript:msgbox',
      'data:text/html,x',
      'app://claimdesk/index.html',
      '\\\\server\\share',
      'mailto:a@b.c',
      'https://user@example.org/',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
    expect(isExternalLinkAllowed('https://www.reuters.com/world/')).toBe(true);
  });
});

describe('#17 IPC senders', () => {
  const appFrame: SenderFrame = { url: `${APP_ORIGIN}/index.html`, parent: null };
  const frames = [appFrame];

  it("accepts the top frame of the app's own window", () => {
    expect(isTrustedSender(appFrame, frames)).toBe(true);
  });
  it('refuses a missing frame, a subframe, another window and a page navigated away', () => {
    expect(isTrustedSender(null, frames)).toBe(false);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: appFrame }, frames)).toBe(false);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null }, frames)).toBe(false);
    const navigated = { url: 'https://example.com/', parent: null };
    expect(isTrustedSender(navigated, [navigated])).toBe(false);
  });
  it('accepts the dev server only while developing, and only its origin', () => {
    const devFrame = { url: 'http://localhost:5173/', parent: null };
    expect(isTrustedSender(devFrame, [devFrame])).toBe(false);
    expect(isTrustedSender(devFrame, [devFrame], 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSender(devFrame, [devFrame], 'http://localhost:5174/')).toBe(false);
  });
});
